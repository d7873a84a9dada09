/**
 * Faults on the GitHub API side, injected by the simulator per request: transient 5xx, rate
 * limits, auth failures, a wrong slug, and an unreachable API.
 */
import { addDays } from '../../src/days.js';
import * as net from 'node:net';
import { expectArchivedExactly } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { listFiles } from '../../simulator/run-action.js';
import * as path from 'node:path';

const harness = useHarness();

const USERS = {
  scope: 'organization',
  slug: 'octo-org',
  report: 'users-1-day',
  'upload-artifact': 'false',
};

function day(): string {
  return addDays(harness.api.latestDay(), -1);
}

/** Runs one day of users-1-day and returns the run and the API requests it made. */
async function runUsers(inputs: Record<string, string> = {}) {
  const from = harness.api.requests.length;
  const run = await harness.run({ ...USERS, day: day(), ...inputs });
  return { run, requests: harness.api.requests.slice(from) };
}

async function expectUsersArchived(workspace: string): Promise<void> {
  const folder = path.join(workspace, 'copilot-metrics/organization/octo-org/users-1-day', day());
  await expectArchivedExactly(
    folder,
    harness.api.parts({
      scope: 'organization',
      slug: 'octo-org',
      report: 'users-1-day',
      day: day(),
    }) as Buffer[],
  );
}

test.each([500, 502, 503])('%d a few times, then 200: succeeds byte-exact', async (status) => {
  harness.api.inject({
    match: { report: 'users-1-day' },
    times: 2,
    respond: { status, body: { message: 'Server Error' } },
  });
  const { run, requests } = await runUsers();
  expect(run.code).toBe(0);
  expect(requests).toHaveLength(3);
  await expectUsersArchived(run.workspace);
});

describe('rate limits: waits about as long as asked, then succeeds', () => {
  const secondary = {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  };
  test.each([
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '2' }, body: secondary }, 2],
    [
      '429 with Retry-After and no rate-limit message',
      { status: 429, headers: { 'retry-after': '2' }, body: { message: 'Too Many Requests' } },
      2,
    ],
    [
      'secondary rate limit: 403 with retry-after',
      { status: 403, headers: { 'retry-after': '2' }, body: secondary },
      2,
    ],
  ])('%s', async (_, respond, seconds) => {
    harness.api.inject({ match: { report: 'users-1-day' }, respond });
    const { run, requests } = await runUsers();
    expect(run.code).toBe(0);
    expect(requests).toHaveLength(2);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(seconds * 1000);
    expect(run.elapsedMs).toBeLessThan(seconds * 1000 + 15_000);
    expect(run.stdout).toMatch(new RegExp(`rate limit on GET .*: waiting ${seconds} s as asked`));
    await expectUsersArchived(run.workspace);
  });

  test('primary rate limit: x-ratelimit-remaining 0 until x-ratelimit-reset', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 2;
    harness.api.inject({
      match: { report: 'users-1-day' },
      respond: {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        body: { message: 'API rate limit exceeded for user ID 1.' },
      },
    });
    const { run, requests } = await runUsers();
    expect(run.code).toBe(0);
    expect(requests).toHaveLength(2);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(1500);
    expect(run.stdout).toContain('primary rate limit');
  });
});

test('a huge Retry-After fails at once with a clear message instead of hanging', async () => {
  harness.api.inject({
    match: { report: 'users-1-day' },
    respond: {
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    },
  });
  const { run, requests } = await runUsers();
  expect(run.code).toBe(1);
  expect(requests).toHaveLength(1);
  expect(run.elapsedMs).toBeLessThan(10_000);
  expect(run.errors).toEqual([expect.stringContaining('rate limit')]);
  expect(run.errors[0]).toContain('asked to wait 3600 s');
  expect(run.errors[0]).toContain('waits at most 120 s');
});

test('persistent 5xx: a bounded number of attempts, then a message that says what was tried', async () => {
  harness.api.inject({
    match: { report: 'users-1-day' },
    times: Infinity,
    respond: { status: 502, body: 'Bad Gateway' },
  });
  const { run, requests } = await runUsers();
  expect(run.code).toBe(1);
  expect(requests).toHaveLength(4);
  expect(run.errors).toEqual([
    `GitHub API answered 502 to GET /orgs/octo-org/copilot/metrics/reports/users-1-day?day=${day()} on all 4 attempts: GitHub may be having trouble (https://www.githubstatus.com). Run it again later.`,
  ]);
  expect(await listFiles(run.workspace)).toEqual([]);
});

test('401: fails without retrying and names the token', async () => {
  const { run, requests } = await runUsers({ token: 'ghp_expiredTokenThatGitHubRejects000000' });
  expect(run.code).toBe(1);
  expect(requests).toHaveLength(1);
  expect(run.errors[0]).toContain('401 Unauthorized');
  expect(run.errors[0]).toContain('the token is invalid or expired');
  expect(run.errors[0]).toContain('"token" input');
  expect(run.errors[0]).toContain('GITHUB_TOKEN cannot');
});

test.each([
  ['organization', 'octo-org', 'users-1-day', 'read:org', 'Organization Copilot metrics'],
  [
    'enterprise',
    'octo-ent',
    'enterprise-28-day',
    'manage_billing:copilot or read:enterprise',
    'Enterprise Copilot metrics',
  ],
])(
  '403 (%s): fails without retrying and names scopes, permissions and the policy',
  async (scope, slug, report, classic, fineGrained) => {
    harness.api.inject({
      match: { report: report as 'users-1-day' },
      respond: {
        status: 403,
        body: { message: 'Resource not accessible by personal access token' },
      },
    });
    const from = harness.api.requests.length;
    const run = await harness.run({ scope, slug, report, 'upload-artifact': 'false' });
    expect(run.code).toBe(1);
    expect(harness.api.requests.length - from).toBe(1);
    const [message] = run.errors;
    expect(message).toContain('403 Forbidden');
    expect(message).toContain(classic);
    expect(message).toContain(fineGrained);
    expect(message).toContain('"Copilot usage metrics" policy');
    expect(message).toContain('GITHUB_TOKEN cannot');
  },
);

test('404 on a 28-day report is a failure that names the slug and the permissions', async () => {
  const from = harness.api.requests.length;
  const run = await harness.run({
    scope: 'organization',
    slug: 'no-such-org',
    report: 'organization-28-day',
    'if-no-report': 'ignore',
  });
  expect(run.code).toBe(1);
  expect(harness.api.requests.length - from).toBe(1);
  expect(run.errors[0]).toContain('404 Not Found for organization-28-day of organization "no-such-org"');
  expect(run.errors[0]).toContain('check the "slug" input');
  expect(run.errors[0]).toContain('read:org');
});

test('connection refused on api-url: a clear message after bounded retries', async () => {
  const closed = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const { run } = await runUsers({ 'api-url': `http://127.0.0.1:${closed}` });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([
    `Could not reach the GitHub API at http://127.0.0.1:${closed} (ECONNREFUSED) after 4 attempts: check the "api-url" input and the runner's network.`,
  ]);
});

test('DNS failure on api-url: a clear message', async () => {
  const { run } = await runUsers({ 'api-url': 'https://api.no-such-host.invalid' });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([
    expect.stringMatching(
      /^Could not reach the GitHub API at https:\/\/api\.no-such-host\.invalid \((ENOTFOUND|EAI_AGAIN)\) after 4 attempts/,
    ),
  ]);
});

test('a connection reset by the API is retried like a 5xx', async () => {
  harness.api.inject({ match: { report: 'users-1-day' }, respond: { reset: true } });
  const { run, requests } = await runUsers();
  expect(run.code).toBe(0);
  expect(requests).toHaveLength(2);
  await expectUsersArchived(run.workspace);
});
