/**
 * Faults on the signed-link host, injected per request: 5xx, resets, short bodies, stalls,
 * gzip, expired links, and a part that fails for good.
 */
import { addDays } from '../../src/days.js';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { expectArchivedExactly } from '../harness/expect-report.js';
import { expectRows, records } from '../harness/expected-figures.js';
import type { LinkFault } from '../../simulator/link-host.js';
import { useHarness } from '../harness/harness.js';
import { listFiles } from '../../simulator/run-action.js';

const harness = useHarness();

/** A users-1-day report of three parts, each big enough to cut in the middle (45 KiB by default). */
function threeParts(rowsPerPart = 200): { day: string; parts: Buffer[] } {
  const day = addDays(harness.api.latestDay(), -2);
  const key = {
    scope: 'organization' as const,
    slug: 'octo-org',
    report: 'users-1-day' as const,
    day,
  };
  const rows = (n: number) =>
    Buffer.from(
      Array.from({ length: rowsPerPart }, (_, i) =>
        JSON.stringify({
          day,
          user_id: n * 100_000 + i,
          user_login: `u${n}-${i}`,
          filler: 'x'.repeat(200),
        }),
      ).join('\n') + '\n',
    );
  const parts = [rows(1), rows(2), rows(3)];
  harness.api.setReport(key, parts);
  return { day, parts };
}

async function runThreeParts(extra: Record<string, string> = {}, rowsPerPart?: number) {
  const { day, parts } = threeParts(rowsPerPart);
  const from = { api: harness.api.requests.length, links: harness.links.requests.length };
  const run = await harness.run({
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    day,
    ...extra,
  });
  const folder = path.join(run.workspace, 'copilot-metrics/organization/octo-org/users-1-day', day);
  return {
    run,
    parts,
    folder,
    apiRequests: harness.api.requests.slice(from.api),
    linkRequests: harness.links.requests.slice(from.links),
  };
}

const RECOVERABLE: [string, LinkFault][] = [
  ['503, then 200', { status: 503 }],
  ['the connection destroyed mid-body', { destroyAfter: 10_000 }],
  ['a body shorter than Content-Length', { shortAfter: 10_000 }],
  ['a body that stalls (read timeout, then a retry)', { stallAfter: 10_000 }],
  ['no answer at all, not even headers', { silent: true }],
];

test.each(RECOVERABLE)('%s: the part is fetched again and lands byte-exact', async (_, respond) => {
  harness.links.inject({ match: { part: 2 }, respond });
  const { run, parts, folder, linkRequests } = await runThreeParts({ 'upload-artifact': 'false' });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(linkRequests.filter((r) => r.part === 2)).toHaveLength(2);
  expect(run.stdout).toMatch(
    /part-002\.ndjson \(127\.0\.0\.1:\d+\/[^?\s]+\): attempt 1 of 5 failed \(.+\); retrying in/,
  );
  await expectArchivedExactly(folder, parts);
  expect(run.outputs['record-count']).toBe('600');
});

// A small part is analysed once complete; a part of 1 MiB or more by a thread as it is written,
// which has read 2 MiB of the failed attempt when told to start over.
test.each([
  ['of 45 KiB (analysed in the main thread)', 200, 10_000],
  ['of 3.1 MiB (analysed by a thread that has read 2 MiB of it)', 12_000, 2_500_000],
])('a part %s that ends short of its length: the summary counts its records once', async (_, rows, cutAfter) => {
  harness.links.inject({ match: { part: 2 }, respond: { shortAfter: cutAfter } });
  const { run, parts, folder, linkRequests } = await runThreeParts({ 'upload-artifact': 'false' }, rows);
  expect(run.code).toBe(0);
  expect(linkRequests.filter((r) => r.part === 2)).toHaveLength(2);
  expect(parts[1].length).toBeGreaterThan(cutAfter);
  await expectArchivedExactly(folder, parts);
  // One row per user: a record of the failed attempt counted too would add a user.
  const users = new Set(records(parts).map((row) => row.user_id)).size;
  expect(users).toBe(3 * rows);
  expectRows(run.summary, [['Active users (on the day)', users.toLocaleString('en-US')]]);
});

test('Content-Encoding: gzip: the decoded bytes land on disk', async () => {
  for (const part of [1, 2, 3]) harness.links.inject({ match: { part }, respond: { gzip: true } });
  const { run, parts, folder } = await runThreeParts({ 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  await expectArchivedExactly(folder, parts);
  expect(run.outputs.bytes).toBe(String(parts.reduce((sum, p) => sum + p.length, 0)));
});

test.each([403, 404])('an expired link (%d): asks the API for fresh links and finishes with them', async (status) => {
  const generation = harness.links.requests.length === 0 ? 1 : undefined;
  void generation;
  // Every link of the first answer is refused, as once they have expired.
  const { day } = threeParts();
  const firstGeneration = harness.api.generation + 1;
  harness.links.inject({
    match: { generation: firstGeneration },
    times: Infinity,
    respond: { status },
  });
  const from = { api: harness.api.requests.length, links: harness.links.requests.length };
  const run = await harness.run({
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    day,
    'upload-artifact': 'false',
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const apiRequests = harness.api.requests.slice(from.api);
  expect(apiRequests.map((r) => r.day)).toEqual([day, day]);
  expect(run.stdout).toContain('A signed link was refused, probably expired: asking the API for fresh links.');
  const used: string[] = JSON.parse(run.outputs['download-links']);
  expect(used.map((link) => new URL(link).searchParams.get('gen'))).toEqual(Array(3).fill(String(firstGeneration + 1)));
  const fresh = harness.links.requests.slice(from.links).filter((r) => r.generation === firstGeneration + 1);
  expect(fresh.map((r) => r.part).sort()).toEqual([1, 2, 3]);
  const folder = path.join(run.workspace, 'copilot-metrics/organization/octo-org/users-1-day', day);
  await expectArchivedExactly(
    folder,
    harness.api.parts({
      scope: 'organization',
      slug: 'octo-org',
      report: 'users-1-day',
      day,
    }) as Buffer[],
  );
});

test('one part of three failing for good: the step fails, leaving no manifest, no partial file and no artifact', async () => {
  const calls = harness.artifacts.calls.length;
  harness.links.inject({ match: { part: 2 }, times: Infinity, respond: { status: 500 } });
  const { run, linkRequests } = await runThreeParts();
  expect(run.code).toBe(1);
  expect(linkRequests.filter((r) => r.part === 2)).toHaveLength(5);
  expect(run.errors).toEqual([
    expect.stringMatching(
      /^part-002\.ndjson \(127\.0\.0\.1:\d+\/[^?\s]+\) failed after 5 attempts: HTTP 500 Internal Server Error$/,
    ),
  ]);
  expect(await listFiles(run.workspace)).toEqual([]);
  expect(await fs.readdir(run.workspace)).toEqual([]);
  expect(await listFiles(run.runnerTemp)).toEqual([]);
  expect(harness.artifacts.calls.length).toBe(calls);
  expect(run.outputs).toEqual({});
});

test('a failed run leaves an earlier archive of the same period untouched', async () => {
  const first = await runThreeParts({ 'upload-artifact': 'false' });
  expect(first.run.code).toBe(0);
  const before = new Map<string, Buffer>();
  for (const file of await listFiles(first.run.workspace))
    before.set(file, await fs.readFile(path.join(first.run.workspace, file)));

  harness.links.inject({ match: { part: 3 }, times: Infinity, respond: { destroyAfter: 5000 } });
  const { day } = threeParts();
  const again = await harness.run(
    {
      scope: 'organization',
      slug: 'octo-org',
      report: 'users-1-day',
      day,
      'upload-artifact': 'false',
    },
    { workspace: first.run.workspace },
  );
  expect(again.code).toBe(1);
  const after = await listFiles(first.run.workspace);
  expect(after).toEqual([...before.keys()]);
  for (const file of after)
    expect((await fs.readFile(path.join(first.run.workspace, file))).equals(before.get(file)!)).toBe(true);
});
