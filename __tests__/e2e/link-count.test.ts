/**
 * A report of 10,000 download links costs about ten times one of 1,000, not a hundred: nothing
 * per link may grow with the number of links (it once did, redacting each message against
 * every link's secrets).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays } from '../../src/days.js';
import { REPO_ROOT } from '../../simulator/run-action.js';
import { useHarness } from '../harness/harness.js';

const harness = useHarness();

/** The benchmark's probe: the process's CPU time (user + system, all threads) as JSON at exit. */
const PROBE = path.join(REPO_ROOT, 'scripts/bench/probe.cjs');

/** The CPU time (ms) of a run that downloads a report of `count` tiny parts, and its wall time. */
async function runTime(count: number, day: string): Promise<{ cpuMs: number; wallMs: number }> {
  const key = { scope: 'organization' as const, slug: 'octo-org', report: 'users-1-day' as const, day };
  harness.api.setReport(
    key,
    Array.from({ length: count }, (_, i) => Buffer.from(`${JSON.stringify({ day, user_id: i })}\n`)),
  );
  const cpuFile = path.join(os.tmpdir(), `cma-cpu-${process.pid}-${count}-${day}`);
  const run = await harness.run(
    { ...key, 'upload-artifact': 'false', 'job-summary': 'false' },
    { timeoutMs: 600_000, nodeArgs: ['--require', PROBE], env: { BENCH_RSS_FILE: cpuFile } },
  );
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.stdout.match(/^part-\d+\.ndjson: /gm)).toHaveLength(count);
  const cpuMs = (JSON.parse(await fs.readFile(cpuFile, 'utf8')) as { cpuUs: number }).cpuUs / 1000;
  await fs.rm(cpuFile);
  return { cpuMs, wallMs: run.elapsedMs };
}

test('10,000 links take about ten times the CPU time of 1,000, not a hundred', async () => {
  const day = harness.api.latestDay();
  await runTime(1000, addDays(day, -3)); // warms the disk cache and the simulator
  const small = await runTime(1000, addDays(day, -2));
  const large = await runTime(10_000, addDays(day, -1));
  const ratio = large.cpuMs / small.cpuMs;
  console.log(
    `CPU time: 1,000 links ${small.cpuMs.toFixed(0)} ms, 10,000 links ${large.cpuMs.toFixed(0)} ms, ratio ${ratio.toFixed(1)} (wall ${small.wallMs} and ${large.wallMs} ms)`,
  );
  // Linear is at most 10, less with the fixed start-up costs: it measured 5.7 here, while the
  // quadratic redaction measured 14.9.
  expect(ratio).toBeLessThan(10);
}, 900_000);
