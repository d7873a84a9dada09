/**
 * `npm run docs:summaries`: writes docs/summary-examples.md, the job summary of each report
 * kind as the demo produces it, so people see what they get before they install the action.
 * The simulator and the action run at a fixed time (the example day), so the file only changes
 * when the summaries do; a test checks that it is up to date.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportName, Scope } from '../src/reports.js';
import { startSimulator, type Simulator } from '../simulator/simulator.js';
import { reportParts, seatsSnapshot } from '../simulator/report-data.js';
import { REPO_ROOT } from '../simulator/run-action.js';

export const EXAMPLES_FILE = path.join(REPO_ROOT, 'docs/summary-examples.md');

/** The newest day the examples show; the simulated time is three days later (two not ready). */
const EXAMPLE_DAY = '2026-09-20';
const EXAMPLE_NOW = '2026-09-23T06:00:00Z';

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Example {
  title: string;
  scope: Scope;
  report: ReportName;
  inputs?: Record<string, string>;
  /** Runs made first in the same workspace (the archive a scheduled workflow would have). */
  before?: Record<string, string>[];
  /** Changes the simulator's data before the run. */
  prepare?: (simulator: Simulator, slug: string) => void;
}

const RANGE_SINCE = addDays(EXAMPLE_DAY, -89);

const EXAMPLES: Example[] = [
  { title: 'organization-1-day', scope: 'organization', report: 'organization-1-day', inputs: { day: EXAMPLE_DAY } },
  { title: 'enterprise-28-day', scope: 'enterprise', report: 'enterprise-28-day' },
  {
    title: 'users-1-day',
    scope: 'organization',
    report: 'users-1-day',
    inputs: { day: EXAMPLE_DAY, 'summary-top-users': '5', 'pseudonymize-key': 'example-key' },
  },
  { title: 'users-28-day', scope: 'organization', report: 'users-28-day' },
  {
    title: 'users-28-day with a team rollup',
    scope: 'organization',
    report: 'users-28-day',
    inputs: { 'team-rollup': 'true', overwrite: 'true' },
  },
  { title: 'user-teams-1-day', scope: 'organization', report: 'user-teams-1-day', inputs: { day: EXAMPLE_DAY } },
  { title: 'repos-1-day', scope: 'enterprise', report: 'repos-1-day', inputs: { day: EXAMPLE_DAY } },
  {
    title: 'organization-1-day, a 90-day range over an archive',
    scope: 'organization',
    report: 'organization-1-day',
    inputs: { since: RANGE_SINCE, until: EXAMPLE_DAY, 'skip-existing': 'true', 'if-no-report': 'warn' },
    // The archive already holds the first 60 days: they are read from disk, not fetched.
    before: [{ since: RANGE_SINCE, until: addDays(RANGE_SINCE, 59), 'if-no-report': 'ignore' }],
    prepare: (simulator, slug) => {
      const key = { scope: 'organization' as const, slug, report: 'organization-1-day' as const };
      // Two days GitHub has no report for, and one whose daily active users are null.
      for (const day of [addDays(EXAMPLE_DAY, -40), addDays(EXAMPLE_DAY, -39)])
        simulator.api.setReport({ ...key, day }, []);
      const day = addDays(EXAMPLE_DAY, -20);
      const [record] = JSON.parse(`[${reportParts({ scope: 'organization', slug }, key.report, day)[0]}]`);
      simulator.api.setReport({ ...key, day }, [
        Buffer.from(`${JSON.stringify({ ...record, daily_active_users: null })}\n`),
      ]);
    },
  },
  {
    title: 'seats',
    scope: 'enterprise',
    report: 'seats',
    inputs: { csv: 'true' },
    // A snapshot of the day it is fetched: the simulated morning of the example time.
    prepare: (simulator, slug) =>
      simulator.api.setSeats(
        'enterprise',
        slug,
        seatsSnapshot({ scope: 'enterprise', slug }, EXAMPLE_NOW.slice(0, 10)),
      ),
  },
];

export async function summaryExamples(): Promise<string> {
  const simulator = await startSimulator();
  simulator.clock.set(EXAMPLE_NOW);
  const env = { COPILOT_METRICS_NOW: EXAMPLE_NOW };
  const sections: string[] = [];
  const workspaces: string[] = [];
  try {
    for (const { title, scope, report, inputs = {}, before = [], prepare } of EXAMPLES) {
      const slug = scope === 'enterprise' ? 'octo-ent' : 'octo-org';
      prepare?.(simulator, slug);
      const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-example-'));
      workspaces.push(workspace);
      for (const earlier of before) {
        const run = await simulator.run({ scope, slug, report, ...earlier }, { env, workspace });
        if (run.code !== 0) throw new Error(`${title}: ${run.errors.join(' ')}`);
      }
      const run = await simulator.run({ scope, slug, report, ...inputs }, { env, workspace });
      if (run.code !== 0) throw new Error(`${title}: ${run.errors.join(' ')}`);
      const summary = run.summary.trim().replace(/^#/gm, '##');
      const shown = Object.entries({ scope, slug, report, ...inputs }).map(([name, value]) => `\`${name}: ${value}\``);
      sections.push(`## ${title}\n\nInputs: ${shown.join(', ')}\n\n${summary}\n`);
    }
  } finally {
    await simulator.stop();
    await Promise.all(workspaces.map((folder) => fs.rm(folder, { recursive: true, force: true })));
  }
  return [
    '# What the job summary shows',
    '',
    'The summary of each report kind, as `npm run demo` produces it from the local simulator (made-up data). Written by `npm run docs:summaries`; the tests check that it is up to date. GitHub renders the Mermaid charts in job summaries.',
    '',
    DEFINITIONS,
    '',
    ...sections,
  ].join('\n');
}

/** What each figure means, in plain words (the contract's "Summary and derived files"). */
const DEFINITIONS = `## What the figures mean

- **Active users.** Enterprise and organization reports give GitHub's own counts: daily (on the day), weekly (the 7 days to the day) and monthly (the 28 days to the day). In users reports a user is active on a day when they have a row that day; "on the day" counts the users of a 1-day report, "distinct over the period" counts each user once over a 28-day report or a range.
- **Acceptance rate.** Code completions accepted ÷ code completions suggested, from the \`code_completion\` feature only, in every table (languages, models and teams included).
- **Agent adoption.** Enterprise and organization reports: monthly active agent users ÷ monthly active users. Users reports: users with \`used_agent\` ÷ active users. **Chat adoption** is the same with chat users and \`used_chat\`.
- **Chat requests per active user.** The interactions of every feature whose name starts with \`chat_\`, divided by the daily active users (1-day) or by the sum of the daily active users over the days (a 28-day report or a range: per active user-day). **Chat requests per chat mode** is the same sum per \`chat_*\` feature.
- **Lines by origin.** Lines added and deleted by Copilot, grouped as agents (\`agent_edit\` and every feature whose name contains "agent"), code completions (\`code_completion\`), and chat and edits (every other feature). These are lines Copilot added or deleted, not lines of code in the repositories.
- **CLI, coding agent and code review users.** GitHub's daily counts in enterprise and organization reports; in users reports, users with \`used_cli\`, \`used_copilot_coding_agent\` or \`used_copilot_code_review_active\`.
- **Pull requests.** GitHub's counts of pull requests created, merged, created by Copilot and reviewed by Copilot.
- **Teams.** The team rollup joins the users report with one day's user-teams report (the same day for users-1-day; the period's last day, or the newest day of the period that has one, for users-28-day). GitHub leaves teams with fewer than 5 seats out of that report, and a user in several teams counts in each.
- **Charts.** A day without a value is left off the chart (the x-axis labels show the jump) and named under it, never drawn as 0.
- **Known data breaks.** When the period covers a dated change in GitHub's data, the summary says so in one line with its source.
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await fs.mkdir(path.dirname(EXAMPLES_FILE), { recursive: true });
  await fs.writeFile(EXAMPLES_FILE, await summaryExamples());
  console.log(`Wrote ${path.relative(REPO_ROOT, EXAMPLES_FILE)}`);
}
