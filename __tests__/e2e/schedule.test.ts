/**
 * A month of the recommended daily recipe (examples/daily.yml, the README's quick start): the
 * scheduled runs of 30 days, one a day, in one workspace (the recipe's cache carries the archive
 * folder from run to run), against the simulator's clock. The action step's inputs are read from
 * the recipe itself. On the way GitHub loses one day for good, restates one, is a day late once,
 * one run fails half-way (a part that cannot be downloaded), and the workflow does not run for
 * five days. At the end every day that exists is archived once, byte-exact.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays, dayRange } from '../../src/days.js';
import { REPORTS, type ReportName } from '../../src/reports.js';
import { runtimeToken } from '../../simulator/artifact-service.js';
import type { ActionRun } from '../../simulator/run-action.js';
import { expectArchivedExactly, sha256 } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { actionStep, expandAll, readRecipe } from '../harness/workflow.js';

const harness = useHarness();

/** The first scheduled run: two weeks after the enterprise data starts (2025-10-10), at the recipe's cron time. */
const FIRST_DAY = '2025-10-24';
/** The workflow does not run on these days (disabled, or an Actions outage): longer than the refresh window. */
const SKIPPED = dayRange('2025-11-04', '2025-11-08');
const RUN_DAYS = Array.from({ length: 30 }, (_, i) => addDays(FIRST_DAY, i)).filter((day) => !SKIPPED.includes(day));
const LAST_RUN = RUN_DAYS[RUN_DAYS.length - 1];
/** GitHub never produces this day (both 1-day kinds of the enterprise answer 404). */
const LOST = '2025-11-02';
/** This users-1-day day changes on this run day, while still in the refresh window (the 3 newest days). */
const RESTATED = { day: '2025-11-10', on: '2025-11-15' };
/** GitHub is a day late on this run day: no new day, the next run gets two. */
const LATE_RUN = '2025-11-18';
/** This run cannot download the newest users-1-day day (its first part keeps failing). */
const FAILED_RUN = '2025-11-20';

/** The cron time of the recipe. */
const cronTime = async (): Promise<string> => {
  const workflow = await readRecipe('daily.yml');
  const cron = (workflow.on as { schedule: Array<{ cron: string }> }).schedule[0].cron;
  const [minute, hour] = cron.split(' ').map(Number);
  return `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
};

const ENTITY = { scope: 'enterprise' as const, slug: 'octo-ent' };
const json = <T>(text: string): T => JSON.parse(text) as T;

interface KindOutputs {
  found: boolean;
  days?: string[];
  'missing-days'?: string[];
  'pending-days'?: string[];
  'restated-days'?: string[];
  'artifact-name': string;
}

test('a month of the recommended daily recipe, with five days of no runs, keeps a complete, byte-exact archive', async () => {
  const workflow = await readRecipe('daily.yml');
  const step = actionStep(workflow);
  const time = await cronTime();
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-schedule-'));
  const root = path.join(workspace, 'copilot-metrics/enterprise/octo-ent');
  harness.api.dropDay({ ...ENTITY, day: LOST });
  harness.api.restate({ ...ENTITY, report: 'users-1-day', day: RESTATED.day }, RESTATED.on);

  const runs = new Map<string, ActionRun>();
  const latest = new Map<string, string>();
  for (const [i, runDay] of RUN_DAYS.entries()) {
    harness.clock.set(`${runDay}${time}`);
    harness.api.notReadyDays = runDay === LATE_RUN ? 3 : 2;
    latest.set(runDay, harness.api.latestDay());
    if (runDay === FAILED_RUN) {
      const key = { ...ENTITY, report: 'users-1-day' as const, day: harness.api.latestDay() };
      harness.links.inject({
        match: { path: harness.api.partPath(key, 1) },
        times: Infinity,
        respond: { status: 500 },
      });
    }
    const inputs = expandAll(step.with, {
      secrets: { COPILOT_METRICS_TOKEN: harness.api.token },
      github: { run_id: String(5000 + i) },
    });
    // Each scheduled run is its own workflow run, with its own artifacts.
    const env = { ACTIONS_RUNTIME_TOKEN: runtimeToken(`schedule-${i}`, 'job-1') };
    runs.set(runDay, await harness.run(inputs, { workspace, env }));
    harness.links.reset();
  }

  const kinds = (run: ActionRun) => json<Record<string, KindOutputs>>(run.outputs.reports);
  for (const [runDay, run] of runs) {
    const newest = latest.get(runDay)!;
    const context = `run of ${runDay}:\n${run.stdout.slice(-3000)}`;
    if (runDay === FAILED_RUN) {
      expect({ code: run.code, context }).toEqual({ code: 1, context });
      expect(run.errors.join('\n')).toContain('users-1-day');
      // Half-way: the other kinds were archived, the failed one is left out of the outputs.
      expect(kinds(run)['enterprise-1-day'].days).toContain(newest);
      expect(kinds(run)['users-1-day']).toBeUndefined();
      continue;
    }
    // Green; the only warning names the day GitHub lost, once it is older than the newest ready day.
    expect({ code: run.code, errors: run.errors, context }).toEqual({ code: 0, errors: [], context });
    const lost = newest > LOST;
    expect(run.warnings).toEqual(lost ? [expect.stringContaining(LOST)] : []);
    expect(json(run.outputs['missing-days'])).toEqual(lost ? [LOST] : []);
    // The days after the newest one that exists are pending, never missing.
    const newestExisting = newest === LOST ? addDays(LOST, -1) : newest;
    const yesterday = addDays(runDay, -1);
    expect(json(run.outputs['pending-days'])).toEqual(dayRange(addDays(newestExisting, 1), yesterday));
    expect(json(run.outputs['restated-days'])).toEqual(runDay === RESTATED.on ? [RESTATED.day] : []);
    // The user-teams and repos data has not started yet: an empty range, no artifact.
    expect(kinds(run)['user-teams-1-day']).toMatchObject({ found: false, days: [], 'missing-days': [] });
    expect(kinds(run)['repos-1-day']).toMatchObject({ found: false, days: [], 'missing-days': [] });
  }

  // A normal run fetches only the refresh window (the 3 newest ready days); the first one the
  // whole backfill; the day after the failed run the day it could not download, and the next.
  const fetched = (runDay: string) => kinds(runs.get(runDay)!)['users-1-day'].days;
  expect(fetched(FIRST_DAY)).toEqual(dayRange('2025-10-10', latest.get(FIRST_DAY)!));
  expect(fetched('2025-11-01')).toEqual(dayRange(addDays(latest.get('2025-11-01')!, -2), latest.get('2025-11-01')!));
  // The first run after the five-day gap: the days no run archived, older than its refresh
  // window too (the lost day is missing, not fetched).
  const beforeGap = latest.get(addDays(SKIPPED[0], -1))!;
  const afterGap = addDays(SKIPPED[SKIPPED.length - 1], 1);
  const gapDays = dayRange(addDays(beforeGap, 1), latest.get(afterGap)!).filter((day) => day !== LOST);
  expect(gapDays.length).toBeGreaterThan(3);
  expect(fetched(afterGap)).toEqual(gapDays);
  const failedDay = latest.get(FAILED_RUN)!;
  const afterFailure = runs.get(addDays(FAILED_RUN, 1))!;
  expect(fetched(addDays(FAILED_RUN, 1))).toContain(failedDay);
  expect(kinds(afterFailure)['users-1-day']['restated-days']).toEqual([]);

  // The restated day: fetched again, its new manifest keeps the replaced copy under `previous`.
  const restatedFolder = path.join(root, 'users-1-day', RESTATED.day);
  const manifest = json<{ previous: { files: Array<{ sha256: string }> } }>(
    await fs.readFile(path.join(restatedFolder, 'manifest.json'), 'utf8'),
  );
  harness.clock.set(`${addDays(RESTATED.on, -1)}${time}`);
  const before = harness.api.parts({ ...ENTITY, report: 'users-1-day', day: RESTATED.day }) as Buffer[];
  expect(manifest.previous.files.map((file) => file.sha256)).toEqual(before.map(sha256));
  harness.clock.set(`${LAST_RUN}${time}`);

  // Every day that exists is archived once, byte-exact, and nothing else is there.
  const lastDay = latest.get(LAST_RUN)!;
  for (const report of ['enterprise-1-day', 'users-1-day'] as ReportName[]) {
    const expected = dayRange('2025-10-10', lastDay).filter((day) => day !== LOST);
    expect(await fs.readdir(path.join(root, report))).toEqual(expected);
    for (const day of expected) {
      await expectArchivedExactly(
        path.join(root, report, day),
        harness.api.parts({ ...ENTITY, report, day }) as Buffer[],
      );
    }
  }
  // The 28-day kinds: one folder per distinct latest report seen by the runs.
  const ends = [...new Set(latest.values())];
  for (const report of ['enterprise-28-day', 'users-28-day'] as ReportName[]) {
    expect(REPORTS[report].span).toBe('28-day');
    const expected = ends.map((end) => `${addDays(end, -27)}_${end}`);
    expect(await fs.readdir(path.join(root, report))).toEqual(expected);
    for (const end of ends) {
      await expectArchivedExactly(
        path.join(root, report, `${addDays(end, -27)}_${end}`),
        harness.api.parts({ ...ENTITY, report, day: end }) as Buffer[],
      );
    }
  }
  expect((await fs.readdir(root)).sort()).toEqual([
    'enterprise-1-day',
    'enterprise-28-day',
    'users-1-day',
    'users-28-day',
  ]);
  await fs.rm(workspace, { recursive: true, force: true });
}, 600_000);
