/**
 * `npm run docs:summaries`: writes docs/summary-examples.md, the job summary of each report
 * kind as the demo produces it, so people see what they get before they install the action.
 * The content is fixed (the simulator's data for one example day), so the file only changes
 * when the summaries do; a test checks that it is up to date.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportName, Scope } from '../src/reports.js';
import { startSimulator } from '../simulator/simulator.js';
import { reportParts, seatsSnapshot } from '../simulator/report-data.js';
import { REPO_ROOT } from '../simulator/run-action.js';

export const EXAMPLES_FILE = path.join(REPO_ROOT, 'docs/summary-examples.md');

/** The day the examples show, whatever day they are generated on. */
const EXAMPLE_DAY = '2026-09-20';

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const EXAMPLES: { scope: Scope; report: ReportName; inputs?: Record<string, string> }[] = [
  { scope: 'organization', report: 'organization-1-day' },
  { scope: 'enterprise', report: 'enterprise-28-day' },
  {
    scope: 'organization',
    report: 'users-1-day',
    inputs: { 'summary-top-users': '5', 'pseudonymize-key': 'example-key' },
  },
  { scope: 'organization', report: 'users-28-day' },
  { scope: 'organization', report: 'user-teams-1-day' },
  { scope: 'enterprise', report: 'repos-1-day' },
  { scope: 'enterprise', report: 'seats', inputs: { csv: 'true' } },
];

export async function summaryExamples(): Promise<string> {
  const simulator = await startSimulator();
  const sections: string[] = [];
  try {
    for (const { scope, report, inputs = {} } of EXAMPLES) {
      const slug = scope === 'enterprise' ? 'octo-ent' : 'octo-org';
      const is28 = report.endsWith('28-day');
      const seats = report === 'seats';
      // The example day's content, served for whichever day is asked for today.
      const day = is28 ? simulator.api.latestDay() : addDays(simulator.api.latestDay(), -1);
      if (seats) simulator.api.setSeats(scope, slug, seatsSnapshot({ scope, slug }, EXAMPLE_DAY));
      else simulator.api.setReport({ scope, slug, report, day }, reportParts({ scope, slug }, report, EXAMPLE_DAY));
      // A seats snapshot is of the day it is fetched: fetched on the example day's morning.
      const env: Record<string, string> = seats ? { COPILOT_METRICS_NOW: `${EXAMPLE_DAY}T07:45:00Z` } : {};
      const asked: Record<string, string> = is28 || seats ? {} : { day };
      const run = await simulator.run({ scope, slug, report, ...asked, ...inputs }, { env });
      if (run.code !== 0) throw new Error(`${report}: ${run.errors.join(' ')}`);
      const period = is28 ? `${addDays(day, -27)}_${day}` : seats ? EXAMPLE_DAY : day;
      const example = is28 ? `${addDays(EXAMPLE_DAY, -27)}_${EXAMPLE_DAY}` : EXAMPLE_DAY;
      const summary = run.summary.split(period).join(example).trim().replace(/^#/gm, '##');
      const shown = Object.entries({ scope, slug, report, ...inputs }).map(([name, value]) => `\`${name}: ${value}\``);
      sections.push(`## ${report}\n\nInputs: ${shown.join(', ')}\n\n${summary}\n`);
    }
  } finally {
    await simulator.stop();
  }
  return [
    '# What the job summary shows',
    '',
    'The summary of each report kind, as `npm run demo` produces it from the local simulator (made-up data). Written by `npm run docs:summaries`; the tests check that it is up to date. GitHub renders the Mermaid chart in job summaries.',
    '',
    ...sections,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await fs.mkdir(path.dirname(EXAMPLES_FILE), { recursive: true });
  await fs.writeFile(EXAMPLES_FILE, await summaryExamples());
  console.log(`Wrote ${path.relative(REPO_ROOT, EXAMPLES_FILE)}`);
}
