/** Downloads run in parallel, never more than the fixed bound at once. */
import * as path from 'node:path';
import { addDays } from '../../src/days.js';
import { DOWNLOAD_CONCURRENCY } from '../../src/tuning.js';
import { expectArchivedExactly } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';

const harness = useHarness();

test(`a report with 20 links never has more than ${DOWNLOAD_CONCURRENCY} downloads in flight`, async () => {
  const day = harness.api.latestDay();
  const key = {
    scope: 'enterprise' as const,
    slug: 'octo-ent',
    report: 'users-1-day' as const,
    day,
  };
  const parts = Array.from({ length: 20 }, (_, i) =>
    Buffer.from(`${JSON.stringify({ day, user_id: i, user_login: `user-${i}`, filler: 'x'.repeat(60_000) })}\n`),
  );
  harness.api.setReport(key, parts);
  harness.links.pace = 200_000; // bytes per second per connection: each part takes about 0.3 s
  const run = await harness.run({ ...key, 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  expect(harness.links.requests).toHaveLength(20);
  expect(harness.links.maxInFlight).toBe(DOWNLOAD_CONCURRENCY);
  await expectArchivedExactly(path.join(run.workspace, 'copilot-metrics/enterprise/octo-ent/users-1-day', day), parts);
});

test(`a range's days, fetched several at once, share the same bound of ${DOWNLOAD_CONCURRENCY} downloads`, async () => {
  const until = harness.api.latestDay();
  const since = addDays(until, -3);
  const key = { scope: 'enterprise' as const, slug: 'octo-ent', report: 'users-1-day' as const };
  // 4 days of 3 parts: 12 downloads would start at once without the shared bound.
  const days = [0, 1, 2, 3].map((back) => addDays(until, -back));
  const partsOf = new Map(
    days.map((day) => [
      day,
      Array.from({ length: 3 }, (_, i) =>
        Buffer.from(`${JSON.stringify({ day, user_id: i, user_login: `user-${i}`, filler: 'x'.repeat(60_000) })}\n`),
      ),
    ]),
  );
  for (const [day, parts] of partsOf) harness.api.setReport({ ...key, day }, parts);
  harness.links.pace = 200_000; // each part takes about 0.3 s
  const from = harness.links.requests.length;
  const run = await harness.run({ ...key, since, until, 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  expect(harness.links.requests.slice(from)).toHaveLength(12);
  expect(harness.links.maxInFlight).toBe(DOWNLOAD_CONCURRENCY);
  for (const [day, parts] of partsOf) {
    await expectArchivedExactly(
      path.join(run.workspace, 'copilot-metrics/enterprise/octo-ent/users-1-day', day),
      parts,
    );
  }
});
