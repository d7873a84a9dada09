/**
 * Bad inputs, end to end: each gives a non-zero exit and one `::error::` line naming the input
 * and the accepted form, before any request and before any file is written.
 */
import { addDays } from '../../src/days.js';
import { useHarness } from '../harness/harness.js';
import { listFiles } from '../../simulator/run-action.js';

const harness = useHarness();

const today = new Date().toISOString().slice(0, 10);
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

const VALID = { scope: 'organization', slug: 'octo-org', report: 'users-1-day' };

/** [what is wrong, input named in the error, inputs changed from VALID] */
const CASES: [string, string, Record<string, string>][] = [
  ['missing token', 'token', { token: '' }],
  ['missing scope', 'scope', { scope: '' }],
  ['missing slug', 'slug', { slug: '' }],
  ['missing report', 'report', { report: '' }],
  ['unknown scope', 'scope', { scope: 'team' }],
  ['unknown report', 'report', { report: 'users-7-day' }],
  [
    'organization report with scope enterprise',
    'report',
    { scope: 'enterprise', slug: 'octo-ent', report: 'organization-1-day' },
  ],
  ['enterprise report with scope organization', 'report', { report: 'enterprise-28-day' }],
  ['impossible date', 'day', { day: '2025-02-30' }],
  ['date with slashes', 'day', { day: '2025/10/10' }],
  ['date without dashes', 'day', { day: '20251010' }],
  ['tomorrow', 'day', { day: addDays(today, 1) }],
  ['today (not complete yet)', 'day', { day: today }],
  ['before the data starts', 'day', { day: '2025-10-09' }],
  ['more than a year back', 'day', { day: addDays(yearAgo, -1) }],
  ['a date with a 28-day report', 'day', { report: 'users-28-day', day: addDays(today, -5) }],
  ['slug with a slash', 'slug', { slug: 'octo/org' }],
  ['slug ..', 'slug', { slug: '..' }],
  ['slug with a space', 'slug', { slug: 'octo org' }],
  ['slug of 100 characters', 'slug', { slug: 'a'.repeat(100) }],
  ['slug starting with a hyphen', 'slug', { slug: '-octo' }],
  ['slug with percent-encoding', 'slug', { slug: 'octo%2forg' }],
  ['retention-days 401', 'retention-days', { 'retention-days': '401' }],
  ['a list with an unknown kind', 'report', { report: 'users-1-day, users-7-day' }],
  ['several kinds, one artifact name', 'artifact-name', { report: 'all', 'artifact-name': 'metrics-{period}' }],
  ['since: earliest with a day', 'day', { since: 'earliest', day: '2026-11-01' }],
  ['retention-days -1', 'retention-days', { 'retention-days': '-1' }],
  ['retention-days abc', 'retention-days', { 'retention-days': 'abc' }],
  ['compression-level 10', 'compression-level', { 'compression-level': '10' }],
  ['compression-level 6.5', 'compression-level', { 'compression-level': '6.5' }],
  ['api-url that is not a URL', 'api-url', { 'api-url': 'not a url' }],
  ['api-url with ftp', 'api-url', { 'api-url': 'ftp://api.github.com' }],
  ['api-url over plain http', 'api-url', { 'api-url': 'http://api.github.com' }],
  ['api-url with a query', 'api-url', { 'api-url': 'https://api.github.com/?x=1' }],
  ['api-version not a date', 'api-version', { 'api-version': 'latest' }],
  ['unknown if-no-report', 'if-no-report', { 'if-no-report': 'fail' }],
  ['upload-artifact yes', 'upload-artifact', { 'upload-artifact': 'yes' }],
  ['overwrite maybe', 'overwrite', { overwrite: 'maybe' }],
  ['job-summary 1', 'job-summary', { 'job-summary': '1' }],
  ['artifact-name with a slash', 'artifact-name', { 'artifact-name': 'metrics/{period}' }],
  ['artifact-name with an unknown placeholder', 'artifact-name', { 'artifact-name': 'metrics-{day}' }],
  ['path outside the workspace', 'path', { path: '../outside' }],
  ['since after until', 'until', { since: addDays(today, -3), until: addDays(today, -5) }],
  ['until without since', 'until', { until: addDays(today, -3) }],
  ['since together with a day', 'day', { since: addDays(today, -9), day: addDays(today, -3) }],
  ['since with a 28-day report', 'since', { report: 'users-28-day', since: addDays(today, -9) }],
  ['since before the data window', 'since', { since: '2025-10-01' }],
  ['until in the future', 'until', { since: addDays(today, -3), until: addDays(today, 2) }],
  ['since in the wrong format', 'since', { since: '11/01/2026' }],
  ['skip-existing yes', 'skip-existing', { since: addDays(today, -3), 'skip-existing': 'yes' }],
  ['refresh-days -1', 'refresh-days', { since: addDays(today, -3), 'refresh-days': '-1' }],
  ['summary-top-users negative', 'summary-top-users', { 'summary-top-users': '-5' }],
  ['summary-top-users not a number', 'summary-top-users', { 'summary-top-users': 'ten' }],
  ['csv 2', 'csv', { csv: '2' }],
  ['team-rollup with a repos report', 'team-rollup', { report: 'repos-1-day', 'team-rollup': 'true' }],
  ['raw no', 'raw', { raw: 'no' }],
];

test.concurrent.each(CASES)('%s: fails on "%s" with no request and no file', async (_, input, changed) => {
  const run = await harness.run({ ...VALID, ...changed });
  expect(run.code).not.toBe(0);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toContain(`Input "${input}"`);
  expect(run.errors[0]).toContain('expected');
  expect(await listFiles(run.workspace)).toEqual([]);
  expect(harness.api.requests).toEqual([]);
  expect(harness.links.requests).toEqual([]);
  expect(harness.artifacts.calls).toEqual([]);
});

test('upload-artifact outside a GitHub Actions job is an input error', async () => {
  const run = await harness.run(VALID, { env: { ACTIONS_RUNTIME_TOKEN: '' } });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([expect.stringContaining('Input "upload-artifact"')]);
  expect(harness.api.requests).toEqual([]);
});

test('the token never appears in an input error', async () => {
  const run = await harness.run({ ...VALID, day: 'yesterday' });
  expect(run.errors[0]).toContain('Input "day"');
  expect(run.stdout.replace(`::add-mask::${harness.api.token}`, '')).not.toContain(harness.api.token);
});
