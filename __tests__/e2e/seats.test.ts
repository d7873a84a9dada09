/**
 * The seats report kind, end to end: every page of the seat listing archived as the snapshot
 * of the fetch day, its manifest, outputs and artifact; the summary and inactive.csv checked
 * against a plain computation (pagination, a user seated twice, never-active seats,
 * pseudonyms); bad inputs; failures that leave nothing behind.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { countRecords, sha256 } from '../harness/expect-report.js';
import { csv, expectRows } from '../harness/expected-figures.js';
import { inactiveRows, seatsRows } from '../harness/expected-seats.js';
import { useHarness, type ActionRun } from '../harness/harness.js';
import { readArtifact } from '../harness/read-artifact.js';
import { listFiles } from '../../simulator/run-action.js';

const harness = useHarness();

const ORG = { scope: 'organization', slug: 'octo-org', report: 'seats' };
const ENT = { scope: 'enterprise', slug: 'octo-ent', report: 'seats' };
const INACTIVE_HEADER = [
  'assignee_login',
  'organization',
  'assigning_team',
  'plan_type',
  'created_at',
  'last_activity_at',
  'days_since_last_activity',
  'last_activity_editor',
  'last_authenticated_at',
  'pending_cancellation_date',
];

function ndjson(seats: unknown[]): Buffer {
  return Buffer.from(seats.map((seat) => `${JSON.stringify(seat)}\n`).join(''));
}

/** The snapshot folder of a run, from the fetch time its manifest states. */
async function snapshot(run: ActionRun, scope: string, slug: string) {
  const base = path.join(run.workspace, 'copilot-metrics', scope, slug, 'seats');
  const [day] = await fs.readdir(base);
  const folder = path.join(base, day);
  const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  return { day, folder, manifest, fetchedAt: new Date(manifest.fetched_at) };
}

const seatRequests = () => harness.api.requests.filter((request) => request.report === 'seats');

test('organization seats: every page, in API order, with total_seats, outputs, summary and the artifact read back', async () => {
  const run = await harness.run(ORG);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const { total_seats, seats } = harness.api.seats('organization', 'octo-org');
  expect(seats.length).toBeGreaterThan(100);

  // Two pages of 100; the second one named as GitHub names it, by the organization's id.
  const requests = seatRequests();
  expect(requests.map((r) => [r.path, r.query.get('per_page'), r.query.get('page')])).toEqual([
    ['/orgs/octo-org/copilot/billing/seats', '100', null],
    ['/organizations/908/copilot/billing/seats', '100', '2'],
  ]);

  const { day, folder, manifest, fetchedAt } = await snapshot(run, 'organization', 'octo-org');
  expect(day).toBe(fetchedAt.toISOString().slice(0, 10));
  expect(Date.now() - fetchedAt.getTime()).toBeLessThan(120_000);
  expect(await fs.readdir(folder).then((names) => names.sort())).toEqual(['manifest.json', 'part-001.ndjson']);
  const part = await fs.readFile(path.join(folder, 'part-001.ndjson'));
  expect(part.equals(ndjson(seats))).toBe(true);
  expect(manifest).toEqual({
    scope: 'organization',
    slug: 'octo-org',
    report: 'seats',
    report_day: day,
    api_version: '2026-03-10',
    fetched_at: fetchedAt.toISOString(),
    records: seats.length,
    bytes: part.length,
    total_seats,
    files: [{ name: 'part-001.ndjson', bytes: part.length, sha256: sha256(part), records: countRecords(part) }],
    derived: [],
  });

  expect(run.outputs).toMatchObject({
    found: 'true',
    'report-day': day,
    'report-start-day': day,
    'report-end-day': day,
    'download-links': '[]',
    path: folder,
    files: JSON.stringify([path.join(folder, 'part-001.ndjson')]),
    manifest: path.join(folder, 'manifest.json'),
    'record-count': String(seats.length),
    bytes: String(part.length),
    'artifact-name': `copilot-metrics-organization-octo-org-seats-${day}`,
  });
  expectRows(run.summary, seatsRows(total_seats, seats, fetchedAt));

  const artifact = await readArtifact(harness, Number(run.outputs['artifact-id']));
  expect([...artifact.keys()].sort()).toEqual([
    `organization/octo-org/seats/${day}/manifest.json`,
    `organization/octo-org/seats/${day}/part-001.ndjson`,
  ]);
  expect(artifact.get(`organization/octo-org/seats/${day}/part-001.ndjson`)!.equals(part)).toBe(true);
});

test('enterprise seats: a user seated in two organizations counts once; inactive.csv with pseudonyms; no one named in the summary', async () => {
  const key = 'seat-pseudonym-key';
  const before = seatRequests().length;
  const run = await harness.run({ ...ENT, csv: 'true', 'pseudonymize-key': key, 'upload-artifact': 'false' });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const { total_seats, seats } = harness.api.seats('enterprise', 'octo-ent');
  const ids = seats.map((seat) => (seat.assignee as { id: number }).id);
  expect(new Set(ids).size).toBe(total_seats);
  expect(seats.length).toBeGreaterThan(total_seats); // some users are seated twice
  expect(seats.some((seat) => seat.last_activity_at === null)).toBe(true);
  expect(
    seatRequests()
      .slice(before)
      .map((r) => r.query.get('page')),
  ).toEqual([null, '2', '3']);

  const { folder, manifest, fetchedAt } = await snapshot(run, 'enterprise', 'octo-ent');
  expect((await fs.readFile(path.join(folder, 'part-001.ndjson'))).equals(ndjson(seats))).toBe(true);
  expect(manifest.total_seats).toBe(total_seats);
  expectRows(run.summary, seatsRows(total_seats, seats, fetchedAt));

  const text = await fs.readFile(path.join(folder, 'inactive.csv'), 'utf8');
  const rows = inactiveRows(seats, fetchedAt, key);
  expect(rows.length).toBeGreaterThan(0);
  expect(text).toBe(csv([INACTIVE_HEADER, ...rows]));
  expect(manifest.derived).toEqual([
    {
      name: 'inactive.csv',
      bytes: Buffer.byteLength(text),
      sha256: sha256(Buffer.from(text)),
      records: rows.length,
      from: ['part-001.ndjson'],
    },
  ]);
  expect(run.summary).toContain(`**${rows.length}** seat(s) inactive for 28 days or more`);
  for (const seat of seats) {
    const login = (seat.assignee as { login: string }).login;
    expect(text).not.toContain(login);
    expect(run.summary).not.toContain(login);
  }
  for (const [pseudonym] of rows) expect(run.summary).not.toContain(pseudonym);
});

describe('a listing made by hand, at a fixed time', () => {
  const env = { COPILOT_METRICS_NOW: '2026-11-30T12:00:00Z' };
  const seat = (id: number, login: string, fields: Record<string, unknown>) => ({
    created_at: '2026-01-15T09:00:00Z',
    assignee: { login, id, type: 'User' },
    organization: { login: 'octo-org', id: 908 },
    assigning_team: null,
    pending_cancellation_date: null,
    last_activity_at: null,
    last_activity_editor: null,
    last_authenticated_at: null,
    plan_type: 'business',
    ...fields,
  });
  const seats = [
    seat(1, 'ann', { last_activity_at: '2026-11-29T10:00:00Z', last_activity_editor: 'vscode/1.108.1/copilot/1.3' }),
    seat(2, 'bob', { created_at: '2026-11-20T08:00:00Z' }),
    seat(3, 'cy', { created_at: '2026-09-01T08:00:00Z', assigning_team: { slug: 'data, science', name: 'Data' } }),
    seat(4, 'dee', {
      last_activity_at: '2026-11-10T12:00:00Z',
      last_activity_editor: 'Xcode/26.1/copilot-xcode/0.44.0',
      pending_cancellation_date: '2026-12-01',
    }),
    seat(5, 'eve', { last_activity_at: '2026-05-01T00:00:00Z' }),
    // ann again, through another organization: older activity, a higher plan, leaving there.
    seat(1, 'ann', {
      organization: { login: 'octo-labs', id: 909 },
      last_activity_at: '2026-10-01T12:00:00Z',
      last_activity_editor: 'JetBrains-IU/2026.2.1/copilot-intellij/1.9.4',
      plan_type: 'enterprise',
      pending_cancellation_date: '2026-12-01',
    }),
  ];

  test('figures per user, by hand and by the plain computation; inactive.csv per seat', async () => {
    harness.api.setSeats('enterprise', 'octo-ent', { total_seats: 5, seats });
    const run = await harness.run({ ...ENT, csv: 'true', 'upload-artifact': 'false' }, { env });
    expect(run.errors).toEqual([]);
    const share = (users: number) => `${((users / 5) * 100).toFixed(1)} %`;
    const byHand = [
      ['Seats billed', '5', ''],
      ['Seated users (distinct)', '5', ''],
      ['Active in the last 7 days', '1', share(1)],
      ['Active in the last 28 days', '2', share(2)],
      ['Never active', '2', share(2)],
      ['Pending cancellation', '1', share(1)],
      ['0–7 days', '1'],
      ['8–28 days', '1'],
      ['29–90 days', '0'],
      ['over 90 days', '1'],
      ['vscode', '1'],
      ['Xcode', '1'],
      ['unknown', '1'],
      ['never active', '2'],
      ['business', '4'],
      ['enterprise', '1'],
    ];
    expectRows(run.summary, byHand);
    expectRows(run.summary, seatsRows(5, seats, new Date(env.COPILOT_METRICS_NOW)));
    expect(run.summary).toContain('Copilot seats on 2026-11-30 (fetched 12:00 UTC)');

    const { day, folder } = await snapshot(run, 'enterprise', 'octo-ent');
    expect(day).toBe('2026-11-30');
    const text = await fs.readFile(path.join(folder, 'inactive.csv'), 'utf8');
    expect(text).toBe(
      csv([
        INACTIVE_HEADER,
        ['cy', 'octo-org', 'data, science', 'business', '2026-09-01T08:00:00Z', '', '', '', '', ''],
        ['eve', 'octo-org', '', 'business', '2026-01-15T09:00:00Z', '2026-05-01T00:00:00Z', '213', '', '', ''],
        [
          'ann',
          'octo-labs',
          '',
          'enterprise',
          '2026-01-15T09:00:00Z',
          '2026-10-01T12:00:00Z',
          '60',
          'JetBrains-IU/2026.2.1/copilot-intellij/1.9.4',
          '',
          '2026-12-01',
        ],
      ]),
    );
    expect(text).toBe(csv([INACTIVE_HEADER, ...inactiveRows(seats, new Date(env.COPILOT_METRICS_NOW))]));
  });

  test('100 seats are one page, 101 are two', async () => {
    for (const count of [100, 101]) {
      const many = Array.from({ length: count }, (_, i) => seat(i + 1, `user-${i}`, {}));
      harness.api.setSeats('organization', 'octo-org', { total_seats: count, seats: many });
      const before = seatRequests().length;
      const run = await harness.run({ ...ORG, 'upload-artifact': 'false' }, { env });
      expect(run.code).toBe(0);
      expect(seatRequests().length - before).toBe(count === 100 ? 1 : 2);
      expect(run.outputs['record-count']).toBe(String(count));
    }
  });

  test('a second fetch the same day replaces the snapshot', async () => {
    harness.api.setSeats('organization', 'octo-org', { total_seats: 6, seats });
    const first = await harness.run({ ...ORG, csv: 'true', 'upload-artifact': 'false' }, { env });
    expect(first.code).toBe(0);
    const fewer = seats.slice(0, 2);
    harness.api.setSeats('organization', 'octo-org', { total_seats: 2, seats: fewer });
    const later = { COPILOT_METRICS_NOW: '2026-11-30T18:30:00Z' };
    const second = await harness.run(
      { ...ORG, 'upload-artifact': 'false' },
      { env: later, workspace: first.workspace },
    );
    expect(second.code).toBe(0);
    const { folder, manifest } = await snapshot(second, 'organization', 'octo-org');
    expect(await listFiles(path.dirname(folder))).toEqual(['2026-11-30/manifest.json', '2026-11-30/part-001.ndjson']);
    expect(manifest).toMatchObject({ fetched_at: '2026-11-30T18:30:00.000Z', total_seats: 2, records: 2 });
    expect((await fs.readFile(path.join(folder, 'part-001.ndjson'))).equals(ndjson(fewer))).toBe(true);
  });
});

test.each([
  ['a date', 'day', { day: '2026-11-20' }],
  ['since', 'since', { since: '2026-11-01' }],
  ['until', 'until', { until: '2026-11-20' }],
])('seats with %s is an input error: one line, no request, no file', async (_, input, inputs) => {
  const before = harness.api.requests.length;
  const run = await harness.run({ ...ORG, ...inputs });
  expect(run.code).not.toBe(0);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(new RegExp(`^Input "${input}" has an invalid value .*with seats`));
  expect(harness.api.requests.length).toBe(before);
  expect(await listFiles(run.workspace)).toEqual([]);
});

test('403: the message says who may list seats, and nothing is written', async () => {
  harness.api.inject({
    match: { report: 'seats' },
    respond: { status: 403, body: { message: 'Resource not accessible by personal access token' } },
  });
  const run = await harness.run(ORG);
  expect(run.code).not.toBe(0);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(/403 Forbidden for seats of organization "octo-org".*manage_billing:copilot/);
  expect(run.errors[0]).not.toMatch(/policy/);
  expect(await listFiles(run.workspace)).toEqual([]);
});

test('a Link header to another host is not followed with the token, and nothing is archived', async () => {
  const elsewhere = `${harness.links.origin}/copilot/billing/seats?page=2`;
  harness.api.inject({
    match: { report: 'seats' },
    respond: {
      status: 200,
      headers: { link: `<${elsewhere}>; rel="next"` },
      body: { total_seats: 1, seats: [{ assignee: { login: 'ann', id: 1 } }] },
    },
  });
  const linkRequests = harness.links.requests.length;
  const run = await harness.run(ORG);
  expect(run.stderr).toBe('');
  expect(run.code).not.toBe(0);
  expect(run.errors[0]).toMatch(/Link header points the next page of Copilot seats outside .*not followed/);
  expect(harness.links.requests.length).toBe(linkRequests);
  expect(await listFiles(run.workspace)).toEqual([]);
});

test('a listing whose Link headers loop fails once a page comes back, and nothing is archived', async () => {
  const again = `${harness.api.url}/organizations/908/copilot/billing/seats?per_page=100&page=2`;
  harness.api.inject({
    match: { report: 'seats' },
    times: Infinity,
    respond: {
      status: 200,
      headers: { link: `<${again}>; rel="next"` },
      body: { total_seats: 1, seats: [{ assignee: { login: 'ann', id: 1 } }] },
    },
  });
  const before = seatRequests().length;
  const run = await harness.run(ORG);
  expect(run.code).not.toBe(0);
  expect(run.errors[0]).toMatch(/pages of Copilot seats already read: the listing does not end/);
  expect(seatRequests().length - before).toBe(2);
  expect(await listFiles(run.workspace)).toEqual([]);
});
