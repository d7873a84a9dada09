/**
 * `npm run demo`: runs the bundled action against the local simulator (GitHub API, link host,
 * artifact service on Azurite), offline and with no real token, then shows what a user gets.
 *
 *   npm run demo                                  # organization users-1-day, day: latest
 *   npm run demo -- scope=enterprise report=enterprise-28-day
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { startSimulator } from '../simulator/simulator.js';
import { REPO_ROOT, listFiles } from '../simulator/run-action.js';

const inputs: Record<string, string> = {
  scope: 'organization',
  slug: 'octo-org',
  report: 'users-1-day',
  ...Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=', 2) as [string, string])),
};
if (inputs.scope === 'enterprise' && inputs.slug === 'octo-org') inputs.slug = 'octo-ent';

const workspace = path.join(REPO_ROOT, '.demo');
await fs.rm(workspace, { recursive: true, force: true });
const simulator = await startSimulator();
try {
  console.log(`Running dist/index.js with ${JSON.stringify(inputs)} against the simulator...\n`);
  const run = await simulator.run(inputs, { workspace });
  console.log('--- action log ---');
  console.log(run.stdout.trimEnd());
  if (run.stderr.trim()) console.log(run.stderr.trimEnd());
  console.log(`\n--- exit code: ${run.code} ---\n`);
  console.log('--- outputs ---');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value}`);
  console.log(`\n--- files under ${workspace} ---`);
  for (const file of await listFiles(workspace)) console.log(file);
  console.log('\n--- job summary (markdown) ---');
  console.log(run.summary);
  process.exitCode = run.code ?? 1;
} finally {
  await simulator.stop();
}
