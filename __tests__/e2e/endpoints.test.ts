/**
 * All 12 report endpoints, end to end: the bundled action against the simulated API, the link
 * host and the artifact service. Every file, the manifest, every output and the artifact are
 * checked against values recomputed here from what the simulator served.
 */
import { addDays } from '../../src/days.js';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ReportName, Scope } from '../../src/reports.js';
import { countRecords, headerText, sha256 } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { readArtifact } from '../harness/read-artifact.js';

const harness = useHarness();

interface Case {
  scope: Scope;
  /** As typed in the workflow; organization logins are case-insensitive. */
  slug: string;
  report: ReportName;
  /** Days before the latest ready day to ask for; undefined asks for `latest`. */
  back?: number;
}

const CASES: Case[] = [
  { scope: 'enterprise', slug: 'octo-ent', report: 'enterprise-1-day', back: 4 },
  { scope: 'enterprise', slug: 'octo-ent', report: 'enterprise-28-day' },
  { scope: 'enterprise', slug: 'octo-ent', report: 'users-1-day' },
  { scope: 'enterprise', slug: 'octo-ent', report: 'users-28-day' },
  { scope: 'enterprise', slug: 'octo-ent', report: 'user-teams-1-day', back: 9 },
  { scope: 'enterprise', slug: 'octo-ent', report: 'repos-1-day' },
  { scope: 'organization', slug: 'octo-org', report: 'organization-1-day' },
  { scope: 'organization', slug: 'Octo-Org', report: 'organization-28-day' },
  { scope: 'organization', slug: 'octo-org', report: 'users-1-day', back: 30 },
  { scope: 'organization', slug: 'octo-org', report: 'users-28-day' },
  { scope: 'organization', slug: 'OCTO-ORG', report: 'user-teams-1-day' },
  { scope: 'organization', slug: 'octo-org', report: 'repos-1-day', back: 2 },
];

test.each(CASES)('archives $scope $report byte-exact with manifest, outputs and artifact', async (c) => {
  const { api, links, artifacts } = harness;
  const slug = c.slug.toLowerCase();
  const latest = api.latestDay();
  const day = c.back === undefined ? latest : addDays(latest, -c.back);
  const is28 = c.report.endsWith('28-day');
  const period = is28 ? `${addDays(latest, -27)}_${latest}` : day;
  const linkRequestsBefore = links.requests.length;
  const apiRequestsBefore = api.requests.length;

  const run = await harness.run({
    scope: c.scope,
    slug: c.slug,
    report: c.report,
    ...(c.back === undefined ? {} : { day }),
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);

  // Files: byte-exact, in the contract layout, part numbers in API order.
  const parts = api.parts({
    scope: c.scope,
    slug,
    report: c.report,
    day: is28 ? latest : day,
  }) as Buffer[];
  expect(parts.length).toBeGreaterThanOrEqual(1);
  const folder = path.join(run.workspace, 'copilot-metrics', c.scope, slug, c.report, period);
  const names = parts.map((_, i) => `part-${String(i + 1).padStart(3, '0')}.ndjson`);
  expect((await fs.readdir(folder)).sort()).toEqual([...names, 'manifest.json'].sort());
  for (const [i, name] of names.entries()) {
    expect((await fs.readFile(path.join(folder, name))).equals(parts[i])).toBe(true);
  }

  // Manifest: every field, recomputed here.
  const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  const expectedFiles = parts.map((bytes, i) => ({
    name: names[i],
    bytes: bytes.length,
    sha256: sha256(bytes),
    records: countRecords(bytes),
  }));
  const records = expectedFiles.reduce((sum, f) => sum + f.records, 0);
  const bytes = expectedFiles.reduce((sum, f) => sum + f.bytes, 0);
  expect(manifest).toEqual({
    scope: c.scope,
    slug,
    report: c.report,
    ...(is28 ? { report_start_day: addDays(latest, -27), report_end_day: latest } : { report_day: day }),
    api_version: '2026-03-10',
    fetched_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    records,
    bytes,
    files: expectedFiles,
    derived: [],
  });
  expect(Math.abs(Date.parse(manifest.fetched_at) - Date.now())).toBeLessThan(60_000);

  // Outputs: every one.
  const served = links.requests
    .slice(linkRequestsBefore)
    .sort((a, b) => a.part - b.part)
    .map((r) => `${links.origin}${r.path}${r.query}`);
  const artifact = artifacts.finalized().at(-1)!;
  const artifactName = `copilot-metrics-${c.scope}-${slug}-${c.report}-${period}`;
  expect(run.outputs).toEqual({
    found: 'true',
    'report-day': is28 ? '' : day,
    'report-start-day': is28 ? addDays(latest, -27) : day,
    'report-end-day': is28 ? latest : day,
    'download-links': JSON.stringify(served),
    path: folder,
    files: JSON.stringify(names.map((name) => path.join(folder, name))),
    manifest: path.join(folder, 'manifest.json'),
    'record-count': String(records),
    bytes: String(bytes),
    'artifact-id': String(artifact.id),
    'artifact-name': artifactName,
    'artifact-url': `https://github.com/octo-org/metrics-archive/actions/runs/4242/artifacts/${artifact.id}`,
    'artifact-digest': sha256(await artifacts.zipOf(artifact)),
    days: '[]',
    'missing-days': '[]',
    'pending-days': '[]',
    'restated-days': '[]',
    'skipped-days': '[]',
    reports: expect.any(String),
  });
  // With one kind, `reports` holds that kind alone, as typed JSON.
  expect(JSON.parse(run.outputs.reports)).toEqual({
    [c.report]: {
      found: true,
      'report-start-day': run.outputs['report-start-day'],
      'report-end-day': run.outputs['report-end-day'],
      path: folder,
      files: JSON.parse(run.outputs.files),
      manifest: path.join(folder, 'manifest.json'),
      'record-count': records,
      bytes,
      'artifact-id': artifact.id,
      'artifact-name': artifactName,
      'artifact-url': run.outputs['artifact-url'],
      'artifact-digest': run.outputs['artifact-digest'],
    },
  });
  expect(JSON.parse(run.outputs['download-links'])).toHaveLength(parts.length);

  // Artifact: read back with the real client, byte-exact, unpacking to {scope}/{slug}/{report}/{period}.
  expect(artifact.name).toBe(artifactName);
  const unpacked = await readArtifact(harness, artifact.id);
  const prefix = `${c.scope}/${slug}/${c.report}/${period}`;
  expect([...unpacked.keys()].sort()).toEqual([...names, 'manifest.json'].map((n) => `${prefix}/${n}`).sort());
  for (const [i, name] of names.entries()) expect(unpacked.get(`${prefix}/${name}`)!.equals(parts[i])).toBe(true);
  expect(unpacked.get(`${prefix}/manifest.json`)!.toString()).toBe(
    await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'),
  );

  // The API saw the documented request; the link host never saw a credential.
  const apiRequest = api.requests.slice(apiRequestsBefore).at(-1)!;
  const owner = c.scope === 'enterprise' ? 'enterprises' : 'orgs';
  expect(apiRequest.path).toBe(`/${owner}/${slug}/copilot/metrics/reports/${c.report}${is28 ? '/latest' : ''}`);
  expect(apiRequest.query.get('day')).toBe(is28 ? null : day);
  expect(apiRequest.headers.authorization).toBe(`token ${api.token}`);
  expect(apiRequest.headers.accept).toBe('application/vnd.github+json');
  expect(apiRequest.headers['x-github-api-version']).toBe('2026-03-10');
  expect(apiRequest.headers['user-agent']).toMatch(/^copilot-metrics-archive\/\d+\.\d+\.\d+ /);
  for (const request of links.requests.slice(linkRequestsBefore)) {
    expect(request.headers.authorization).toBeUndefined();
    expect(headerText(request.headers) + request.query + request.path).not.toContain(api.token);
  }

  // The summary: a table of the run, with a link to the artifact.
  expect(run.summary).toContain(`| ${c.report} | ${period} | ${parts.length} |`);
  expect(run.summary).toContain(`| [${artifactName}](${run.outputs['artifact-url']}) |`);
  if (c.report.startsWith(c.scope === 'enterprise' ? 'enterprise-' : 'organization-')) {
    for (const [label, value] of headline(parts, is28)) expect(run.summary).toContain(`| ${label} | ${value} |`);
  }
});

/** The headline numbers of an aggregate report, computed directly from its file. */
function headline(parts: Buffer[], is28: boolean): [string, string][] {
  const record = JSON.parse(parts[0].toString());
  type Day = Record<string, number> & { totals_by_feature: Array<Record<string, number | string>> };
  const days: Day[] = is28 ? record.day_totals : [record];
  const completion = (day: Day) =>
    (day.totals_by_feature.find((f) => f.feature === 'code_completion') ?? {}) as Record<string, number>;
  const sum = (pick: (day: Day) => number) => days.reduce((total, day) => total + pick(day), 0);
  const suggested = sum((day) => completion(day).code_generation_activity_count ?? 0);
  const accepted = sum((day) => completion(day).code_acceptance_activity_count ?? 0);
  const last = days[days.length - 1];
  return [
    ['Monthly active users (28 days to the day)', last.monthly_active_users.toLocaleString('en-US')],
    ['Daily active users (on the day)', last.daily_active_users.toLocaleString('en-US')],
    ['Interactions', sum((day) => day.user_initiated_interaction_count).toLocaleString('en-US')],
    ['Code completions suggested', suggested.toLocaleString('en-US')],
    ['Code completions accepted', accepted.toLocaleString('en-US')],
    ['Acceptance rate (code completions)', `${((accepted / suggested) * 100).toFixed(1)} %`],
  ];
}
