/**
 * `day: latest` probing and the "no report" shapes, with each `if-no-report` policy.
 */
import { addDays } from '../../src/days.js';
import type { ApiFault } from '../../simulator/github-api.js';
import { useHarness } from '../harness/harness.js';
import { listFiles } from '../../simulator/run-action.js';

const harness = useHarness();

const yesterday = (): string => addDays(new Date().toISOString().slice(0, 10), -1);

/** The days the action asked the API for, in order, since `from`. */
function askedDays(from: number): (string | undefined)[] {
  return harness.api.requests.slice(from).map((request) => request.day);
}

const NO_REPORT_SHAPES: [string, ApiFault][] = [
  ['204 No Content', { status: 204 }],
  ['200 with download_links: []', { status: 200, body: { download_links: [], report_day: 'x' } }],
  ['200 with an empty body', { status: 200, body: '' }],
  ['200 with body ""', { status: 200, body: '""' }],
  ['200 with a JSON string body', { status: 200, body: '"No report available for this day"' }],
  ['404 on a 1-day report', { status: 404, body: { message: 'Not Found' } }],
];

describe('day: latest', () => {
  test('probes back from yesterday (UTC) to the newest day that has a report', async () => {
    const from = harness.api.requests.length;
    const run = await harness.run({
      scope: 'org',
      slug: 'octo-org',
      report: 'users-1-day',
      'upload-artifact': 'false',
    });
    expect(run.code).toBe(0);
    expect(askedDays(from)).toEqual([yesterday(), addDays(yesterday(), -1), addDays(yesterday(), -2)]);
    expect(run.outputs['report-day']).toBe(addDays(yesterday(), -2));
    expect(run.stdout).toContain('Trying the day before.');
  });

  test('treats every "no report" shape as "not this day" and keeps probing', async () => {
    harness.api.notReadyDays = 0;
    NO_REPORT_SHAPES.forEach(([, respond], back) =>
      harness.api.inject({
        match: { report: 'repos-1-day', day: addDays(yesterday(), -back) },
        respond,
      }),
    );
    const from = harness.api.requests.length;
    const run = await harness.run({
      scope: 'enterprise',
      slug: 'octo-ent',
      report: 'repos-1-day',
      'upload-artifact': 'false',
    });
    expect(run.code).toBe(0);
    const probed = NO_REPORT_SHAPES.map((_, back) => addDays(yesterday(), -back));
    expect(askedDays(from)).toEqual([...probed, addDays(yesterday(), -NO_REPORT_SHAPES.length)]);
    expect(run.outputs.found).toBe('true');
    expect(run.outputs['report-day']).toBe(addDays(yesterday(), -NO_REPORT_SHAPES.length));
  });

  test('gives up after 7 days and reports no report', async () => {
    harness.api.notReadyDays = 10;
    const from = harness.api.requests.length;
    const run = await harness.run({
      scope: 'organization',
      slug: 'octo-org',
      report: 'user-teams-1-day',
    });
    expect(askedDays(from)).toEqual(Array.from({ length: 7 }, (_, back) => addDays(yesterday(), -back)));
    expect(run.code).toBe(1);
    expect(run.outputs.found).toBe('false');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`No report in the 7 days from ${addDays(yesterday(), -6)} to ${yesterday()}`);
    expect(harness.artifacts.calls).toEqual([]);
  });
});

describe.each(NO_REPORT_SHAPES)('no report: %s', (_, respond) => {
  const day = (): string => addDays(yesterday(), -5);
  const inputs = (policy: string) => ({
    scope: 'organization',
    slug: 'octo-org',
    report: 'organization-1-day',
    day: day(),
    'if-no-report': policy,
  });

  test.each([
    ['error', 1],
    ['warn', 0],
    ['ignore', 0],
  ])('if-no-report: %s exits %d with found=false and no artifact', async (policy, code) => {
    harness.api.inject({ match: { report: 'organization-1-day', day: day() }, respond });
    const calls = harness.artifacts.calls.length;
    const run = await harness.run(inputs(policy));
    expect(run.code).toBe(code);
    expect(run.outputs.found).toBe('false');
    expect(run.outputs.files).toBe('[]');
    expect(harness.artifacts.calls.length).toBe(calls);
    expect(await listFiles(run.workspace)).toEqual([]);
    expect(run.errors).toHaveLength(policy === 'error' ? 1 : 0);
    expect(run.warnings).toHaveLength(policy === 'warn' ? 1 : 0);
    const message = [...run.errors, ...run.warnings][0] ?? run.stdout;
    expect(message).toContain(`GitHub has no organization-1-day report for ${day()}`);
    expect(run.summary).toContain('No report');
  });
});

test('a 404 on a 1-day report says when data is usually ready', async () => {
  const run = await harness.run({
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    day: yesterday(),
  });
  expect(run.code).toBe(1);
  expect(run.errors[0]).toMatch(/not be processed yet .*about two days after it ends/);
  expect(run.errors[0]).toContain('before the data starts');
  expect(run.errors[0]).toContain('slug may be wrong');
});
