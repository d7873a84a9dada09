/**
 * Every recipe of examples/ (and so of the README) run as written, against the simulator: the
 * action steps with the inputs their YAML gives, and the shell steps with bash, jq and git.
 * Stand-ins, where a recipe uses what a test cannot reach:
 * - actions/checkout: `git clone --branch REF` of a local bare repository, the recipe's "origin";
 * - actions/cache: nothing to do, the job starts on a cache miss (the schedule test,
 *   schedule.test.ts, plays the cache hits: one workspace for 30 runs);
 * - aws-actions/configure-aws-credentials: nothing to do; the `aws` command is a stand-in script
 *   (written below) that does `aws s3 sync` with s3://BUCKET/KEY as a local folder.
 * The simulator's clock is set a few days after the scope's data starts, so that `since: earliest`
 * stays small. Each job runs in a fresh workspace, as on a new runner.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays, dayRange } from '../../src/days.js';
import { runtimeToken } from '../../simulator/artifact-service.js';
import { listFiles, REPO_ROOT, type ActionRun } from '../../simulator/run-action.js';
import { useHarness } from '../harness/harness.js';
import {
  ACTION,
  expandAll,
  readRecipe,
  shouldRun,
  stepsOf,
  type ExpressionContext,
  type WorkflowStep,
} from '../harness/workflow.js';

const harness = useHarness();
let scratch: string;
beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-recipes-'));
});
afterAll(() => fs.rm(scratch, { recursive: true, force: true }));

let jobs = 0;
const SECRETS = {
  COPILOT_METRICS_TOKEN: 'set in each job',
  COPILOT_METRICS_PSEUDONYMIZE_KEY: 'a-pseudonymization-key-for-tests',
};

interface Job {
  workspace: string;
  /** The action's runs, by step id (or `action` when the step has none). */
  actions: Record<string, ActionRun>;
  /** stdout and exit code of each shell step, by name. */
  shells: Record<string, { code: number | null; stdout: string; stderr: string }>;
  failed: boolean;
}

interface JobOptions {
  context?: ExpressionContext;
  /** The bare repository that actions/checkout clones. */
  origin?: string;
  /** Only the steps with these names (a step's `name`, or its `uses`). */
  only?: string[];
  /** A workspace to start from, instead of a fresh one. */
  workspace?: string;
}

async function runJob(recipe: string, options: JobOptions = {}): Promise<Job> {
  const workflow = await readRecipe(recipe);
  const workspace = options.workspace ?? (await fs.mkdtemp(path.join(scratch, 'workspace-')));
  const job = ++jobs;
  const context: ExpressionContext = {
    ...options.context,
    secrets: { ...SECRETS, COPILOT_METRICS_TOKEN: harness.api.token },
    github: { run_id: String(7000 + job) },
    steps: {},
  };
  const result: Job = { workspace, actions: {}, shells: {}, failed: false };
  for (const step of stepsOf(workflow)) {
    const name = step.name ?? step.uses ?? '';
    if (options.only && !options.only.includes(name)) continue;
    if (!shouldRun(step, context, result.failed)) continue;
    if (step.uses === ACTION) {
      const run = await harness.run(expandAll(step.with, context), {
        workspace,
        env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(`recipe-job-${job}`, 'job-1') },
      });
      result.actions[step.id ?? 'action'] = run;
      context.steps![step.id ?? 'action'] = { outputs: run.outputs };
      result.failed ||= run.code !== 0;
    } else if (step.uses) {
      standIn(step, expandAll(step.with, context), workspace, options.origin);
    } else {
      const shell = runShell(step, context, workspace);
      result.shells[name] = shell;
      result.failed ||= shell.code !== 0;
    }
  }
  return result;
}

function standIn(step: WorkflowStep, inputs: Record<string, string>, workspace: string, origin?: string): void {
  const action = step.uses!.split('@')[0];
  if (action === 'actions/checkout') {
    git(workspace, 'clone', '--quiet', '--branch', inputs.ref, origin!, path.join(workspace, inputs.path));
  } else if (action !== 'actions/cache' && action !== 'aws-actions/configure-aws-credentials') {
    throw new Error(`No stand-in for ${step.uses}`);
  }
}

/** A `run:` step as the runner runs it: bash -e -o pipefail, its env, its working directory. */
function runShell(step: WorkflowStep, context: ExpressionContext, workspace: string): Job['shells'][string] {
  const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd: path.join(workspace, step['working-directory'] ?? ''),
    env: {
      PATH: `${path.join(scratch, 'bin')}:${process.env.PATH}`,
      HOME: scratch,
      S3_STAND_IN: path.join(scratch, 's3'),
      ...expandAll(step.env, context),
    },
    encoding: 'utf8',
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Git as the admin who sets the recipe up. */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Octo Admin',
  GIT_AUTHOR_EMAIL: 'admin@example.com',
  GIT_COMMITTER_NAME: 'Octo Admin',
  GIT_COMMITTER_EMAIL: 'admin@example.com',
};

function git(cwd: string, ...args: string[]): string {
  // stderr kept out of the test output (git's notes such as "cloned an empty repository").
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...GIT_ENV, HOME: scratch },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Sets the simulated time to a day at the recipe's cron time. */
const at = (day: string) => harness.clock.set(`${day}T07:00:00Z`);

const green = (job: Job) => ({
  failed: job.failed,
  codes: Object.values(job.actions).map((run) => run.code),
  errors: Object.values(job.actions).flatMap((run) => run.errors),
  warnings: Object.values(job.actions).flatMap((run) => run.warnings),
});
const GREEN = { failed: false, codes: [0], errors: [], warnings: [] };
const json = <T>(text: string): T => JSON.parse(text) as T;

test('daily.yml: every kind of the enterprise from its first day, one artifact per kind', async () => {
  at('2025-10-16');
  const latest = harness.api.latestDay();
  const before = harness.artifacts.finalized().length;
  const job = await runJob('daily.yml');
  expect(green(job)).toEqual(GREEN);
  const names = harness.artifacts
    .finalized()
    .slice(before)
    .map((a) => a.name)
    .sort();
  const range = `2025-10-10_${addDays('2025-10-16', -1)}`;
  expect(names).toEqual(
    [
      `copilot-metrics-enterprise-octo-ent-enterprise-1-day-${range}`,
      `copilot-metrics-enterprise-octo-ent-enterprise-28-day-${addDays(latest, -27)}_${latest}`,
      `copilot-metrics-enterprise-octo-ent-users-1-day-${range}`,
      `copilot-metrics-enterprise-octo-ent-users-28-day-${addDays(latest, -27)}_${latest}`,
    ].sort(),
  );
  expect(json(job.actions.action.outputs.days)).toEqual(dayRange('2025-10-10', latest));
}, 120_000);

describe('daily-data-branch.yml', () => {
  let origin: string;
  beforeAll(async () => {
    // The branch, created once with the command the recipe gives.
    origin = path.join(scratch, 'origin.git');
    git(scratch, 'init', '--quiet', '--bare', origin);
    const setup = path.join(scratch, 'setup');
    git(scratch, 'clone', '--quiet', origin, setup);
    const text = await fs.readFile(path.join(REPO_ROOT, 'examples/daily-data-branch.yml'), 'utf8');
    const command = /^# Create the branch once: (.+)$/m.exec(text)![1];
    execFileSync('bash', ['-ec', command], { cwd: setup, env: { ...GIT_ENV, HOME: scratch }, stdio: 'ignore' });
  });

  const branchFiles = () =>
    git(origin, 'ls-tree', '-r', '--name-only', 'copilot-metrics-data').split('\n').filter(Boolean);
  const lastCommit = () => git(origin, 'log', '-1', '--format=%s', 'copilot-metrics-data').trim();

  test('archives the organization days into the branch, pseudonymized CSVs beside the raw parts', async () => {
    at('2025-12-20');
    const latest = harness.api.latestDay();
    const job = await runJob('daily-data-branch.yml', { origin });
    expect(green(job)).toEqual(GREEN);
    const days = dayRange('2025-12-12', latest);
    expect(lastCommit()).toBe(`Copilot metrics: ${days.join(', ')}`);
    const files = branchFiles();
    for (const day of days) {
      for (const report of ['organization-1-day', 'users-1-day']) {
        expect(files).toContain(`organization/octo-org/${report}/${day}/manifest.json`);
      }
      // The CSV export (its file name is the action's: users-1-day.csv, or part-NNN.csv before revision 2).
      expect(
        files.filter((file) => file.startsWith(`organization/octo-org/users-1-day/${day}/`) && file.endsWith('.csv')),
      ).not.toEqual([]);
    }
    // The user-teams and repos data has not started: nothing, and no error.
    expect(files.filter((file) => /user-teams|repos/.test(file))).toEqual([]);
    // The raw parts hold the logins; the CSV holds none of them.
    const folder = path.join(job.workspace, 'archive/organization/octo-org/users-1-day', days[0]);
    const logins = (await fs.readFile(path.join(folder, 'part-001.ndjson'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { user_login: string }).user_login);
    expect(logins.length).toBeGreaterThan(0);
    const csvs = (await fs.readdir(folder)).filter((name) => name.endsWith('.csv'));
    const csv = (await Promise.all(csvs.map((name) => fs.readFile(path.join(folder, name), 'utf8')))).join('');
    expect(csv.split('\n').length).toBeGreaterThan(logins.length);
    for (const login of logins) expect(csv).not.toContain(login);
  }, 120_000);

  test('the next day, on a fresh runner, fetches only the new day and the refresh window', async () => {
    at('2025-12-21');
    const latest = harness.api.latestDay();
    const job = await runJob('daily-data-branch.yml', { origin });
    expect(green(job)).toEqual(GREEN);
    const refreshed = dayRange(addDays(latest, -2), latest);
    expect(json(job.actions.metrics.outputs.days)).toEqual(refreshed);
    expect(json(job.actions.metrics.outputs['skipped-days'])).toEqual(dayRange('2025-12-12', addDays(latest, -3)));
    expect(lastCommit()).toBe(`Copilot metrics: ${refreshed.join(', ')}`);
    expect(branchFiles()).toContain(`organization/octo-org/users-1-day/${latest}/part-001.ndjson`);
  }, 120_000);

  test('stops before pushing a file GitHub would refuse', async () => {
    const head = git(origin, 'rev-parse', 'copilot-metrics-data');
    const workspace = await fs.mkdtemp(path.join(scratch, 'workspace-'));
    git(workspace, 'clone', '--quiet', '--branch', 'copilot-metrics-data', origin, path.join(workspace, 'archive'));
    // A sparse 96 MB file: as big as GitHub sees it, without writing 96 MB.
    const big = path.join(workspace, 'archive/organization/octo-org/users-1-day/part-huge.ndjson');
    await fs.writeFile(big, '');
    await fs.truncate(big, 96 * 1024 * 1024);
    const job = await runJob('daily-data-branch.yml', { origin, workspace, only: ['Commit and push what changed'] });
    expect(job.failed).toBe(true);
    expect(job.shells['Commit and push what changed'].stdout).toContain('::error::Files over 95 MB');
    expect(git(origin, 'rev-parse', 'copilot-metrics-data')).toBe(head);
  }, 60_000);
});

describe('to-s3.yml', () => {
  beforeAll(async () => {
    const bin = path.join(scratch, 'bin');
    await fs.mkdir(bin, { recursive: true });
    // The stand-in for the AWS CLI: `aws s3 sync [--only-show-errors] SRC DST`, where
    // s3://BUCKET/KEY is the folder $S3_STAND_IN/BUCKET/KEY. Like the real one, a source that
    // does not exist yet syncs nothing.
    await fs.writeFile(
      path.join(bin, 'aws'),
      [
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        '[ "$1 $2" = "s3 sync" ] || { echo "stand-in aws: only s3 sync" >&2; exit 2; }',
        'shift 2',
        'paths=()',
        'for arg in "$@"; do',
        '  case "$arg" in --only-show-errors) ;; --*) echo "stand-in aws: $arg" >&2; exit 2 ;;',
        '  *) paths+=("${arg/#s3:\\/\\//$S3_STAND_IN/}") ;; esac',
        'done',
        'mkdir -p "${paths[1]}"',
        'if [ -d "${paths[0]}" ]; then cp -a "${paths[0]}/." "${paths[1]}/"; fi',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
  });
  const bucket = () => path.join(scratch, 's3/octo-copilot-metrics/archive/enterprise/octo-ent');

  test('the bucket is the archive: a fresh runner brings it down, fetches what is new, sends it back', async () => {
    at('2025-10-16');
    const first = await runJob('to-s3.yml');
    expect(green(first)).toEqual(GREEN);
    const firstLatest = harness.api.latestDay();
    expect(await fs.readdir(path.join(bucket(), 'users-1-day'))).toEqual(dayRange('2025-10-10', firstLatest));

    at('2025-10-17');
    const latest = harness.api.latestDay();
    const second = await runJob('to-s3.yml');
    expect(green(second)).toEqual(GREEN);
    const reports = json<Record<string, { days: string[] }>>(second.actions.metrics.outputs.reports);
    expect(reports['users-1-day'].days).toEqual(dayRange(addDays(latest, -2), latest));
    for (const report of ['enterprise-1-day', 'users-1-day']) {
      expect(await fs.readdir(path.join(bucket(), report))).toEqual(dayRange('2025-10-10', latest));
      const files = await listFiles(path.join(bucket(), report, latest));
      expect(files).toContain('manifest.json');
    }
  }, 180_000);
});

test('backfill-year.yml: every kind of an organization, one artifact per kind, and the report step', async () => {
  const workflow = await readRecipe('backfill-year.yml');
  const declared = (workflow.on as { workflow_dispatch: { inputs: Record<string, { default?: string }> } })
    .workflow_dispatch.inputs;
  const inputs = Object.fromEntries(Object.entries(declared).map(([key, input]) => [key, input.default ?? '']));
  at('2025-12-20');
  const latest = harness.api.latestDay();
  const before = harness.artifacts.finalized().length;
  const job = await runJob('backfill-year.yml', { context: { inputs: { ...inputs, slug: 'octo-org' } } });
  expect(green(job)).toEqual(GREEN);
  expect(harness.artifacts.finalized().length - before).toBe(4);
  const days = dayRange('2025-12-12', latest).length;
  expect(job.shells.Report.stdout.split('\n').filter(Boolean).sort()).toEqual(
    [
      `organization-1-day: ${days} days archived, 0 missing, 2 pending`,
      'organization-28-day: 0 days archived, 0 missing, 0 pending',
      `users-1-day: ${days} days archived, 0 missing, 2 pending`,
      'users-28-day: 0 days archived, 0 missing, 0 pending',
      'user-teams-1-day: 0 days archived, 0 missing, 0 pending',
      'repos-1-day: 0 days archived, 0 missing, 0 pending',
    ].sort(),
  );
}, 120_000);

test('matrix.yml: one green job per organization, each with its own artifacts', async () => {
  const workflow = await readRecipe('matrix.yml');
  const orgs = Object.values(workflow.jobs)[0].strategy!.matrix.org as string[];
  for (const org of orgs) harness.api.entities.add(`organization/${org}`);
  at('2025-12-16');
  const latest = harness.api.latestDay();
  for (const org of orgs) {
    const before = harness.artifacts.finalized().length;
    const job = await runJob('matrix.yml', { context: { matrix: { org } } });
    expect(green(job)).toEqual(GREEN);
    const names = harness.artifacts
      .finalized()
      .slice(before)
      .map((a) => a.name);
    expect(names).toContain(`copilot-metrics-organization-${org}-users-1-day-2025-12-12_2025-12-15`);
    expect(json(job.actions.action.outputs.days)).toEqual(dayRange('2025-12-12', latest));
  }
}, 180_000);
