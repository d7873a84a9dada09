/** The slow-link limits: their documented defaults, and the watchdog that applies them. */
import { jest } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SlowLinkWatchdog } from '../../src/download/slow-link-watchdog.js';
import { DOWNLOAD_ATTEMPTS, MAX_RECORD_BYTES, loadTuning } from '../../src/tuning.js';
import { REPO_ROOT } from '../../simulator/run-action.js';

afterEach(() => jest.useRealTimers());

test('the defaults are those the README states, and its bound for a trickling host follows from them', async () => {
  const tuning = loadTuning({});
  expect(tuning).toMatchObject({
    backoffMs: 1000,
    idleTimeoutMs: 60_000,
    minRateBytesPerSecond: 1024,
    minRateWindowMs: 60_000,
    partDeadlineMs: 30 * 60_000,
  });
  expect(MAX_RECORD_BYTES).toBe(64 * 1024 * 1024);
  const readme = (await fs.readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')).replace(/\s+/g, ' ');
  expect(readme).toContain(
    `like curl's \`--speed-limit ${tuning.minRateBytesPerSecond} --speed-time ${tuning.minRateWindowMs / 1000}\``,
  );
  expect(readme).toContain(`not complete after ${tuning.partDeadlineMs / 60_000} minutes`);
  expect(readme).toContain(`receives nothing for ${tuning.idleTimeoutMs / 1000} s is retried`);
  expect(readme).toContain(`A record (line) longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB is left out`);
  // Each attempt ends within a window and one check after it; the backoffs have up to 25 % jitter.
  const attempt = (tuning.minRateWindowMs * 1.1) / 1000;
  const backoffs = Math.ceil((tuning.backoffMs * (2 ** (DOWNLOAD_ATTEMPTS - 1) - 1) * 1.25) / 1000);
  expect(readme).toContain(`after at most ${DOWNLOAD_ATTEMPTS} × ${attempt} s + ${backoffs} s`);
});

test('the limits come from the environment; 0 turns one off', () => {
  const tuning = loadTuning({
    COPILOT_METRICS_MIN_RATE: '0',
    COPILOT_METRICS_MIN_RATE_WINDOW_MS: '500',
    COPILOT_METRICS_PART_DEADLINE_MS: 'soon',
  });
  expect(tuning).toMatchObject({ minRateBytesPerSecond: 0, minRateWindowMs: 500, partDeadlineMs: 30 * 60_000 });
});

function watch(limits: { rate: number; window: number; deadline: number }) {
  jest.useFakeTimers();
  const tripped: string[] = [];
  const watchdog = new SlowLinkWatchdog({
    minRateBytesPerSecond: limits.rate,
    minRateWindowMs: limits.window,
    partDeadlineMs: limits.deadline,
  });
  watchdog.onTrip = (reason) => tripped.push(reason);
  return { watchdog, tripped };
}

test('trips when a whole window brings less than the minimum rate, not before', () => {
  const { watchdog, tripped } = watch({ rate: 1000, window: 10_000, deadline: 0 });
  // 1,000 bytes a second for 20 s: fine.
  for (let second = 0; second < 20; second++) {
    watchdog.count(1000);
    jest.advanceTimersByTime(1000);
  }
  expect(tripped).toEqual([]);
  // Then a trickle: 10 bytes a second. The last window falls below 10,000 bytes within a check.
  for (let second = 0; second < 11 && tripped.length === 0; second++) {
    watchdog.count(10);
    jest.advanceTimersByTime(1000);
  }
  expect(tripped).toEqual([expect.stringMatching(/^slower than 1000 bytes\/s for 10 s \(\d+ bytes in that time\)$/)]);
  expect(watchdog.reason).toBe(tripped[0]);
  watchdog.stop();
});

test('waiting for the headers counts as receiving nothing', () => {
  const { tripped } = watch({ rate: 1, window: 1000, deadline: 0 });
  jest.advanceTimersByTime(999);
  expect(tripped).toEqual([]);
  jest.advanceTimersByTime(100);
  expect(tripped).toEqual(['slower than 1 bytes/s for 1 s (0 bytes in that time)']);
});

test('trips once at the deadline, however fast the bytes come', () => {
  const { watchdog, tripped } = watch({ rate: 1, window: 1000, deadline: 5000 });
  for (let tick = 0; tick < 100; tick++) {
    watchdog.count(1_000_000);
    jest.advanceTimersByTime(100);
  }
  expect(tripped).toEqual(['still not complete after 5 s']);
});
