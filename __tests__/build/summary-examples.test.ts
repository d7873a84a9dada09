/** docs/summary-examples.md is generated: it must be what the current action writes. */
import { promises as fs } from 'node:fs';
import { EXAMPLES_FILE, summaryExamples } from '../../scripts/summary-examples.js';

test('docs/summary-examples.md is up to date (npm run docs:summaries)', async () => {
  const fresh = await summaryExamples();
  const committed = await fs.readFile(EXAMPLES_FILE, 'utf8').catch(() => '');
  if (fresh !== committed)
    throw new Error('docs/summary-examples.md is stale: run "npm run docs:summaries" and commit it.');
  expect(committed).toContain('## users-28-day');
  expect(committed).toContain('## seats');
  // Ten runs of the action, a 90-day range among them: slow on a busy machine.
}, 600_000);
