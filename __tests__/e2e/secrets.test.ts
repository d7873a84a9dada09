/**
 * Secrets: the token never reaches the link host, and neither the token nor any link's
 * signature is printed, except in the `::add-mask::` commands that the runner consumes.
 * Links cannot steer where files are written.
 */
import { addDays } from '../../src/days.js';
import * as path from 'node:path';
import { headerText } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { listFiles, type ActionRun } from '../../simulator/run-action.js';

const harness = useHarness();

/** `::add-mask::` values, unescaped as the runner reads them. */
function masked(stdout: string): Set<string> {
  return new Set(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) =>
        line.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
      ),
  );
}

/** Secrets of the links a run used: each query, and each signature as sent and decoded. */
function linkSecrets(from: number): string[] {
  return harness.links.requests.slice(from).flatMap((request) => {
    const sig = new URLSearchParams(request.query).get('sig')!;
    return [request.query.slice(1), encodeURIComponent(sig), sig];
  });
}

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const registered = masked(run.stdout);
  const shown = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of new Set(secrets)) {
    expect(registered.has(secret)).toBe(true);
    expect(shown).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
    expect(run.summary).not.toContain(secret);
  }
}

test('the token and every signature are masked, on success and through retries and refreshes', async () => {
  const day = addDays(harness.api.latestDay(), -3);
  const key = {
    scope: 'organization' as const,
    slug: 'octo-org',
    report: 'users-1-day' as const,
    day,
  };
  harness.api.setReport(
    key,
    [1, 2, 3].map((n) => Buffer.from(`{"day":"${day}","user_id":${n},"pad":"${'x'.repeat(5000)}"}\n`)),
  );
  harness.api.inject({ match: { report: 'users-1-day' }, respond: { status: 503 } });
  harness.links.inject({ match: { part: 1 }, respond: { stallAfter: 100 } });
  harness.links.inject({ match: { part: 1 }, respond: { silent: true } });
  harness.links.inject({ match: { part: 2 }, respond: { destroyAfter: 100 } });
  harness.links.inject({
    match: { generation: harness.api.generation + 1, part: 3 },
    times: Infinity,
    respond: { status: 403 },
  });
  const from = harness.links.requests.length;
  const run = await harness.run({
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    day,
  });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('asking the API for fresh links');
  expect(run.stdout).toMatch(/attempt 1 of 5 failed/);
  expectNoLeak(run, [harness.api.token, ...linkSecrets(from)]);
});

test('secrets stay masked when a download fails for good', async () => {
  harness.links.inject({ times: Infinity, respond: { status: 500 } });
  const from = harness.links.requests.length;
  const run = await harness.run({
    scope: 'enterprise',
    slug: 'octo-ent',
    report: 'enterprise-28-day',
  });
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expectNoLeak(run, [harness.api.token, ...linkSecrets(from)]);
});

test('a link whose path tries traversal cannot write outside the contract layout', async () => {
  const day = addDays(harness.api.latestDay(), -4);
  const key = {
    scope: 'organization' as const,
    slug: 'octo-org',
    report: 'repos-1-day' as const,
    day,
  };
  const parts = [1, 2, 3].map((n) => Buffer.from(`{"day":"${day}","repo_id":${n}}\n`));
  harness.api.setReport(key, parts, [
    '/copilot-reports/a/b/../../../../../escape-1.ndjson',
    '/copilot-reports/a/..%2f..%2f..%2f..%2fescape-2.ndjson',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fescape-3.ndjson',
  ]);
  const run = await harness.run({ ...key, 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  const base = path.dirname(run.workspace);
  const files = (await listFiles(base)).filter((file) => !['github-output', 'step-summary'].includes(file));
  const period = `workspace/copilot-metrics/organization/octo-org/repos-1-day/${day}`;
  expect(files).toEqual([
    `${period}/manifest.json`,
    `${period}/part-001.ndjson`,
    `${period}/part-002.ndjson`,
    `${period}/part-003.ndjson`,
  ]);
});

test('over every request of this file, the link host never saw a credential', () => {
  expect(harness.links.requests.length).toBeGreaterThan(10);
  for (const request of harness.links.requests) {
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['proxy-authorization']).toBeUndefined();
    expect(request.headers.cookie).toBeUndefined();
    expect(`${headerText(request.headers)}\n${request.path}${request.query}`).not.toContain(harness.api.token);
  }
});
