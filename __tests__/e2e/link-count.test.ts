/**
 * A report of 10,000 download links costs about ten times one of 1,000, not a hundred: nothing
 * per link may grow with the number of links (it once did, redacting each message against
 * every link's secrets).
 */
import { addDays } from '../../src/days.js';
import { useHarness } from '../harness/harness.js';

const harness = useHarness();

/** Milliseconds from the "downloading" line to the last part's line, for a report of `count` tiny parts. */
async function downloadTime(count: number, day: string): Promise<number> {
  const key = { scope: 'organization' as const, slug: 'octo-org', report: 'users-1-day' as const, day };
  harness.api.setReport(
    key,
    Array.from({ length: count }, (_, i) => Buffer.from(`${JSON.stringify({ day, user_id: i })}\n`)),
  );
  let started = 0;
  let ended = 0;
  const run = await harness.run(
    { ...key, 'upload-artifact': 'false', 'job-summary': 'false' },
    {
      timeoutMs: 300_000,
      onLine: (line, at) => {
        if (line.includes(`downloading ${count} file(s)`)) started = at;
        if (/^part-\d+\.ndjson: /.test(line)) ended = at;
      },
    },
  );
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.stdout.match(/^part-\d+\.ndjson: /gm)).toHaveLength(count);
  return ended - started;
}

test('10,000 links take about ten times as long as 1,000, not a hundred', async () => {
  const day = harness.api.latestDay();
  await downloadTime(1000, addDays(day, -3)); // warms the disk cache and the simulator
  const small = await downloadTime(1000, addDays(day, -2));
  const large = await downloadTime(10_000, addDays(day, -1));
  console.log(`1,000 links: ${small} ms; 10,000 links: ${large} ms; ratio ${(large / small).toFixed(1)}`);
  // Linear measures about 9 here, the quadratic redaction measured 25; 16 leaves room for a loaded machine.
  expect(large / small).toBeLessThan(16);
}, 400_000);
