import { startHarness, type Harness } from '../harness/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

test('smoke', async () => {
  const run = await harness.run({ scope: 'organization', slug: 'octo-org', report: 'users-1-day' });
  expect(run.code).toBe(0);
  expect(harness.artifacts.finalized()).toHaveLength(1);
});
