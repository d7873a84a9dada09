import { retry } from '../../src/download/retry.js';

const write = process.stdout.write;
beforeEach(() => (process.stdout.write = (() => true) as typeof process.stdout.write));
afterEach(() => (process.stdout.write = write));

const retryable = (error: unknown) => (error as Error).message !== 'fatal';

test('retries retryable errors until an attempt succeeds', async () => {
  let calls = 0;
  const result = await retry('part-001', async (n) => (++calls < 3 ? Promise.reject(new Error(`boom ${n}`)) : 'ok'), {
    attempts: 5,
    backoffMs: 1,
    retryable,
  });
  expect([result, calls]).toEqual(['ok', 3]);
});

test('ends with "<name> failed after N attempts: <last cause>"', async () => {
  await expect(
    retry('part-002', async (n) => Promise.reject(new Error(`HTTP 503 (try ${n})`)), {
      attempts: 3,
      backoffMs: 1,
      retryable,
    }),
  ).rejects.toThrow('part-002 failed after 3 attempts: HTTP 503 (try 3)');
});

test('does not retry an error that another attempt cannot fix', async () => {
  let calls = 0;
  await expect(
    retry('part-003', async () => (calls++, Promise.reject(new Error('fatal'))), {
      attempts: 5,
      backoffMs: 1,
      retryable,
    }),
  ).rejects.toThrow('part-003 failed: fatal');
  expect(calls).toBe(1);
});
