/**
 * Range mode: every day of a range into its own folder and one artifact, a missing day in the
 * middle, idempotent backfill with skip-existing, the refresh window, and tampered archives.
 */
import { addDays } from '../../src/days.js';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { expectArchivedExactly } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { readArtifact } from '../harness/read-artifact.js';
import { listFiles } from '../../simulator/run-action.js';

const harness = useHarness();

const days = (first: string, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(first, i));

const SCOPE = { scope: 'organization' as const, slug: 'octo-org' };
const folderOf = (workspace: string, report: string, day: string) =>
  path.join(workspace, 'copilot-metrics/organization/octo-org', report, day);
const partsOf = (report: 'users-1-day' | 'repos-1-day', day: string) =>
  harness.api.parts({ ...SCOPE, report, day }) as Buffer[];

/** The days the action asked the API for since `from`. */
const askedDays = (from: number) => harness.api.requests.slice(from).map((r) => r.day);

test('a range lands each day in its own folder, reports a missing day, and makes one artifact', async () => {
  const since = addDays(harness.api.latestDay(), -6);
  const until = addDays(harness.api.latestDay(), -2);
  const range = days(since, 5);
  const hole = range[2];
  harness.api.inject({ match: { report: 'repos-1-day', day: hole }, respond: { status: 204 } });
  const run = await harness.run({ ...SCOPE, report: 'repos-1-day', since, until });

  // The missing day fails the run (if-no-report: error), after the others were archived and uploaded.
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([
    expect.stringContaining(`No repos-1-day report for 1 day(s) of ${since} to ${until}: ${hole}.`),
  ]);
  const fetched = range.filter((day) => day !== hole);
  for (const day of fetched)
    await expectArchivedExactly(folderOf(run.workspace, 'repos-1-day', day), partsOf('repos-1-day', day));
  expect(await fs.readdir(path.dirname(folderOf(run.workspace, 'repos-1-day', hole)))).toEqual(fetched);

  const files = fetched.flatMap((day) =>
    partsOf('repos-1-day', day).map((_, i) =>
      path.join(folderOf(run.workspace, 'repos-1-day', day), `part-00${i + 1}.ndjson`),
    ),
  );
  const records = fetched
    .flatMap((day) => partsOf('repos-1-day', day))
    .reduce((n, p) => n + p.toString().split('\n').filter(Boolean).length, 0);
  expect(run.outputs).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': since,
    'report-end-day': until,
    path: path.join(run.workspace, 'copilot-metrics/organization/octo-org/repos-1-day'),
    manifest: '',
    files: JSON.stringify(files),
    'record-count': String(records),
    days: JSON.stringify(fetched),
    'missing-days': JSON.stringify([hole]),
    'skipped-days': '[]',
    'artifact-name': `copilot-metrics-organization-octo-org-repos-1-day-${since}_${until}`,
  });
  expect(JSON.parse(run.outputs['download-links'])).toHaveLength(files.length);

  const artifact = await readArtifact(harness, Number(run.outputs['artifact-id']));
  const expected = fetched.flatMap((day) => [
    ...partsOf('repos-1-day', day).map((_, i) => `organization/octo-org/repos-1-day/${day}/part-00${i + 1}.ndjson`),
    `organization/octo-org/repos-1-day/${day}/manifest.json`,
  ]);
  expect([...artifact.keys()].sort()).toEqual(expected.sort());
  for (const day of fetched) {
    partsOf('repos-1-day', day).forEach((bytes, i) =>
      expect(artifact.get(`organization/octo-org/repos-1-day/${day}/part-00${i + 1}.ndjson`)!.equals(bytes)).toBe(true),
    );
  }
  expect(run.summary).toContain('**4** day(s) fetched, **0** skipped (already archived), **1** missing');
  expect(run.summary).toContain(`Missing: ${hole}`);
  for (const day of fetched) expect(run.summary).toContain(`| ${day} |`);
});

test('the newest days, not processed yet, are pending: the default range is green', async () => {
  const since = addDays(harness.api.latestDay(), -1);
  const run = await harness.run({ ...SCOPE, report: 'users-1-day', since, 'upload-artifact': 'false' });
  // until defaults to yesterday: the two newest days are not processed yet; if-no-report stays error.
  expect(run.code).toBe(0);
  expect(run.warnings).toEqual([]);
  expect(run.outputs['report-end-day']).toBe(addDays(harness.api.latestDay(), 2));
  expect(JSON.parse(run.outputs.days)).toEqual(days(since, 2));
  expect(JSON.parse(run.outputs['missing-days'])).toEqual([]);
  expect(JSON.parse(run.outputs['pending-days'])).toEqual(days(addDays(since, 2), 2));
  expect(run.summary).toContain('**2** pending (not processed by GitHub yet)');
});

test('a day with no report older than the newest day that has one is missing, not pending', async () => {
  const since = addDays(harness.api.latestDay(), -2);
  const hole = addDays(harness.api.latestDay(), -1);
  harness.api.inject({
    match: { report: 'users-1-day', day: hole },
    respond: { status: 404, body: { message: 'Not Found' } },
  });
  const run = await harness.run({
    ...SCOPE,
    report: 'users-1-day',
    since,
    'if-no-report': 'warn',
    'upload-artifact': 'false',
  });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.outputs['missing-days'])).toEqual([hole]);
  expect(JSON.parse(run.outputs['pending-days'])).toEqual(days(addDays(harness.api.latestDay(), 1), 2));
  expect(run.warnings).toEqual([expect.stringContaining(`No users-1-day report for 1 day(s) of ${since}`)]);
});

describe('a wrong slug fails, whatever if-no-report says, after one more request', () => {
  test.each(['error', 'warn', 'ignore'])('a range, if-no-report: %s', async (policy) => {
    const since = addDays(harness.api.latestDay(), -20);
    const from = harness.api.requests.length;
    const run = await harness.run({
      ...SCOPE,
      slug: 'octo-orgg',
      report: 'users-1-day',
      since,
      'if-no-report': policy,
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining('GitHub has no organization "octo-orgg" that this token can see'),
    ]);
    // A week of 404s, newest first, then one request for the organization's own 28-day report.
    const asked = harness.api.requests.slice(from);
    expect(asked.map((r) => r.day)).toEqual([...days(addDays(harness.api.latestDay(), -4), 7).reverse(), undefined]);
    expect(asked.at(-1)!.path).toBe('/orgs/octo-orgg/copilot/metrics/reports/organization-28-day/latest');
    expect(await listFiles(run.workspace)).toEqual([]);
  });

  test.each(['error', 'warn', 'ignore'])('day: latest, if-no-report: %s', async (policy) => {
    const from = harness.api.requests.length;
    const run = await harness.run({ ...SCOPE, slug: 'nobody', report: 'user-teams-1-day', 'if-no-report': policy });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining('GitHub has no organization "nobody"')]);
    expect(run.errors[0]).toContain('Check the "slug" input');
    // The week probed, then one extra request: the organization's own 28-day report.
    const asked = harness.api.requests.slice(from);
    expect(asked).toHaveLength(8);
    expect(asked.at(-1)!.path).toBe('/orgs/nobody/copilot/metrics/reports/organization-28-day/latest');
  });

  test('a given day', async () => {
    const from = harness.api.requests.length;
    const run = await harness.run({
      scope: 'enterprise',
      slug: 'octo-entt',
      report: 'users-1-day',
      day: harness.api.latestDay(),
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining('GitHub has no enterprise "octo-entt"')]);
    // The day, then one extra request: the enterprise's own 28-day report.
    const asked = harness.api.requests.slice(from);
    expect(asked).toHaveLength(2);
    expect(asked.at(-1)!.path).toBe('/enterprises/octo-entt/copilot/metrics/reports/enterprise-28-day/latest');
  });
});

test('refresh-days counts back from the newest day that has a report, not from until', async () => {
  const since = addDays(harness.api.latestDay(), -6);
  const inputs = { ...SCOPE, report: 'users-1-day', since, 'skip-existing': 'true', 'upload-artifact': 'false' };
  const first = await harness.run(inputs);
  expect(first.code).toBe(0);
  const from = harness.api.requests.length;
  const second = await harness.run(inputs, { workspace: first.workspace });
  expect(second.code).toBe(0);
  const refreshed = days(addDays(harness.api.latestDay(), -2), 3);
  const pending = days(addDays(harness.api.latestDay(), 1), 2);
  // Newest first (the two pending days answer 404), then the rest of the window.
  expect(askedDays(from).sort()).toEqual([...refreshed, ...pending].sort());
  expect(JSON.parse(second.outputs.days)).toEqual(refreshed);
  expect(JSON.parse(second.outputs['skipped-days'])).toEqual(days(since, 4));
  expect(JSON.parse(second.outputs['restated-days'])).toEqual([]);
});

test('a refreshed day whose content changed is restated: listed, logged, summarised, with the previous copy in its manifest', async () => {
  const since = addDays(harness.api.latestDay(), -3);
  const inputs = { ...SCOPE, report: 'users-1-day', since, 'skip-existing': 'true', 'upload-artifact': 'false' };
  const first = await harness.run(inputs);
  const restated = addDays(harness.api.latestDay(), -1);
  const folder = folderOf(first.workspace, 'users-1-day', restated);
  const before = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  const key = { ...SCOPE, report: 'users-1-day' as const, day: restated };
  const [part, ...rest] = partsOf('users-1-day', restated);
  const changed = Buffer.from(
    part
      .toString()
      .replace(
        /"user_initiated_interaction_count":(\d+)/,
        (_, n) => `"user_initiated_interaction_count":${Number(n) + 1}`,
      ),
  );
  expect(changed.equals(part)).toBe(false);
  harness.api.setReport(key, [changed, ...rest]);

  const second = await harness.run(inputs, { workspace: first.workspace });
  expect(second.code).toBe(0);
  expect(JSON.parse(second.outputs['restated-days'])).toEqual([restated]);
  expect(second.stdout).toContain(`::notice::${restated}: restated by GitHub`);
  expect(second.summary).toContain(`Restated: ${restated}`);
  await expectArchivedExactly(folder, [changed, ...rest]);
  const after = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  expect(after.previous).toEqual({
    fetched_at: before.fetched_at,
    files: before.files.map(({ name, bytes, sha256 }: Record<string, unknown>) => ({ name, bytes, sha256 })),
  });

  // Fetched again unchanged: not restated, and the manifest still names the copy the restatement replaced.
  const third = await harness.run(inputs, { workspace: first.workspace });
  expect(JSON.parse(third.outputs['restated-days'])).toEqual([]);
  const kept = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  expect(kept.previous).toEqual(after.previous);
  expect(kept.fetched_at).not.toBe(after.fetched_at);
});

describe('skip-existing', () => {
  const until = () => addDays(harness.api.latestDay(), -1);
  const since = () => addDays(until(), -7);
  const inputs = (extra: Record<string, string> = {}) => ({
    ...SCOPE,
    report: 'users-1-day',
    since: since(),
    until: until(),
    'skip-existing': 'true',
    'upload-artifact': 'false',
    ...extra,
  });

  test('skips days already archived, except the refresh window, and fetches tampered or incomplete days again', async () => {
    const first = await harness.run(inputs());
    expect(first.code).toBe(0);
    const all = days(since(), 8);
    expect(JSON.parse(first.outputs.days)).toEqual(all);

    // Tamper with one archived part, delete another, and drop one manifest.
    const tampered = all[1];
    const deleted = all[3];
    const unfinished = all[4];
    const tamperedFile = path.join(folderOf(first.workspace, 'users-1-day', tampered), 'part-001.ndjson');
    const original = await fs.readFile(tamperedFile);
    await fs.writeFile(
      tamperedFile,
      Buffer.concat([original.subarray(0, 10), Buffer.from('X'), original.subarray(11)]),
    );
    await fs.rm(path.join(folderOf(first.workspace, 'users-1-day', deleted), 'part-001.ndjson'));
    await fs.rm(path.join(folderOf(first.workspace, 'users-1-day', unfinished), 'manifest.json'));

    const from = harness.api.requests.length;
    const second = await harness.run(inputs(), { workspace: first.workspace });
    expect(second.code).toBe(0);
    const refreshed = all.slice(-3);
    const fetchedAgain = [tampered, deleted, unfinished, ...refreshed];
    expect(askedDays(from).sort()).toEqual(fetchedAgain.sort());
    expect(JSON.parse(second.outputs.days)).toEqual([...fetchedAgain].sort());
    expect(JSON.parse(second.outputs['skipped-days'])).toEqual(all.filter((day) => !fetchedAgain.includes(day)));
    expect(second.stdout).toContain(
      `${tampered}: the archived copy is not usable (part-001.ndjson does not match its SHA-256 in the manifest)`,
    );
    expect(second.stdout).toContain(`${deleted}: the archived copy is not usable (part-001.ndjson is missing)`);
    expect(second.stdout).toContain(`${unfinished}: the archived copy is not usable (no readable manifest)`);
    for (const day of all)
      await expectArchivedExactly(folderOf(first.workspace, 'users-1-day', day), partsOf('users-1-day', day));
    expect(second.summary).toContain(`**6** day(s) fetched, **2** skipped (already archived), **0** missing`);
    expect(second.summary).toContain(`Skipped: ${all[0]}, ${all[2]}`);
  });

  test('refresh-days: 0 skips every archived day; a wider window fetches more', async () => {
    const first = await harness.run(inputs());
    expect(first.code).toBe(0);
    let from = harness.api.requests.length;
    const none = await harness.run(inputs({ 'refresh-days': '0' }), { workspace: first.workspace });
    expect(askedDays(from)).toEqual([]);
    expect(none.outputs.found).toBe('false');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.outputs['skipped-days'])).toHaveLength(8);

    from = harness.api.requests.length;
    const five = await harness.run(inputs({ 'refresh-days': '5' }), { workspace: first.workspace });
    expect(askedDays(from).sort()).toEqual(days(addDays(until(), -4), 5));
    expect(five.code).toBe(0);
  });

  test('without skip-existing every day is fetched again', async () => {
    const first = await harness.run(inputs());
    const from = harness.api.requests.length;
    await harness.run(inputs({ 'skip-existing': 'false' }), { workspace: first.workspace });
    expect(askedDays(from).sort()).toEqual(days(since(), 8));
  });
});

test('a day that fails for good fails the range without an artifact; the finished days stay complete', async () => {
  const since = addDays(harness.api.latestDay(), -9);
  const until = addDays(harness.api.latestDay(), -5);
  const broken = addDays(since, 2);
  const brokenParts = partsOf('users-1-day', broken);
  harness.api.setReport(
    { ...SCOPE, report: 'users-1-day', day: broken },
    brokenParts,
    brokenParts.map((_, i) => `/broken/part-${i}.ndjson`),
  );
  for (const p of brokenParts.keys())
    harness.links.inject({
      match: { path: `/broken/part-${p}.ndjson` },
      times: Infinity,
      respond: { status: 500 },
    });
  const calls = harness.artifacts.calls.length;
  const run = await harness.run({ ...SCOPE, report: 'users-1-day', since, until });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([expect.stringMatching(/failed after 5 attempts: HTTP 500/)]);
  expect(harness.artifacts.calls.length).toBe(calls);
  const left = await listFiles(path.join(run.workspace, 'copilot-metrics'));
  expect(left.some((file) => file.includes(broken))).toBe(false);
  for (const file of left.filter((f) => f.endsWith('manifest.json'))) {
    const day = path.basename(path.dirname(file));
    await expectArchivedExactly(folderOf(run.workspace, 'users-1-day', day), partsOf('users-1-day', day));
  }
});
