import { jest } from '@jest/globals';
import { Progress } from '../../src/download/progress.js';

const MiB = 1024 * 1024;

test('logs about every 10 % of a big download, never more', () => {
  const lines: string[] = [];
  const progress = new Progress('part-001', 100 * MiB, (line) => lines.push(line));
  for (let received = 0; received <= 100 * MiB; received += 64 * 1024) progress.update(received);
  expect(lines).toHaveLength(9);
  expect(lines[0]).toMatch(/^part-001: 10\.0 MiB of 100\.0 MiB \(10 %\), [\d.]+ [KMG]i?B\/s$/);
  expect(lines[8]).toContain('(90 %)');
});

test('logs every 10 seconds when the size is unknown', () => {
  jest.useFakeTimers({ now: 0 });
  const lines: string[] = [];
  const progress = new Progress('part-002', undefined, (line) => lines.push(line));
  for (let second = 1; second <= 35; second++) {
    jest.setSystemTime(second * 1000);
    progress.update(second * 20 * MiB);
  }
  jest.useRealTimers();
  expect(lines).toEqual([
    'part-002: 200.0 MiB, 20.0 MiB/s',
    'part-002: 400.0 MiB, 20.0 MiB/s',
    'part-002: 600.0 MiB, 20.0 MiB/s',
  ]);
});

test('small downloads log nothing', () => {
  const lines: string[] = [];
  const progress = new Progress('part-003', MiB, (line) => lines.push(line));
  for (let received = 0; received <= MiB; received += 1024) progress.update(received);
  expect(lines).toEqual([]);
});
