import { setTimeout as sleep } from 'node:timers/promises';
import { Limiter } from '../../src/download/limiter.js';

test('runs at most `limit` tasks at once, in order of arrival', async () => {
  const limiter = new Limiter(3);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      limiter.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await sleep(5 + (i % 4));
        running--;
      }),
    ),
  );
  expect(most).toBe(3);
  expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

test('a failing task frees its slot', async () => {
  const limiter = new Limiter(1);
  await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
  await expect(limiter.run(async () => 'next')).resolves.toBe('next');
});
