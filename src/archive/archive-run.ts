import * as core from '@actions/core';
import * as path from 'node:path';
import { now } from '../clock.js';
import { addDays, dataWindow, dayRange, laterDay } from '../days.js';
import type { DownloadContext } from '../download/download-parts.js';
import { Limiter } from '../download/limiter.js';
import type { Settings } from '../inputs/settings.js';
import { PeriodAnalysis, type AnalysisOptions } from '../insights/period-analysis.js';
import type { AnalyzerOptions, Insights } from '../insights/analyzer.js';
import { RunInsights } from '../insights/run-insights.js';
import { readTeamDirectory } from '../insights/team-rollup.js';
import { archivedInsights, readsArchived } from '../insights/archived-period.js';
import { oneDay, periodName, type Period } from '../period.js';
import { REPORTS } from '../reports.js';
import type { ReportRequester, ReportResponse } from '../request/fetch-report.js';
import { entityNotFound } from '../request/failures.js';
import { findReport } from '../request/find-report.js';
import { archivePeriod, type ArchivedPeriod } from './archive-period.js';
import { archiveSeats } from './archive-seats.js';
import { periodFolder } from './layout.js';
import type { Manifest } from './manifest.js';
import { checkArchive } from './verify-archive.js';

/** A report GitHub does not have: a day of a range, or the single report asked for. */
export interface Missing {
  day?: string;
  reason: string;
  /** The API answered 404, which a wrong slug gives too. */
  notFound?: boolean;
}

/** What a run archived: the periods downloaded now, the days skipped, the reports missing. */
export interface RunResult {
  /** Range mode only: the days asked for. */
  range?: { since: string; until: string };
  archived: ArchivedPeriod[];
  /** Reports fetched to build another's derived files (the user-teams of a team rollup). */
  companions: ArchivedPeriod[];
  skipped: string[];
  missing: Missing[];
  /** Range mode: the newest days with no report yet, which GitHub has probably not processed yet. */
  pending: string[];
  /** Days fetched again whose content changed since the archived copy. */
  restated: string[];
  /** The merged figures, when the records were analysed. */
  insights?: Insights;
}

/** Days a 28-day team rollup probes back from the period's last day for a user-teams report. */
const TEAM_PROBE_DAYS = 7;

/** Days of a range requested at once; their downloads share the run's download bound. */
const DAY_CONCURRENCY = 4;

/** One run's shared state: where to ask, what to compute, and what has been archived. */
class Run {
  readonly companions: ArchivedPeriod[] = [];
  readonly insights?: RunInsights;

  constructor(
    readonly requester: ReportRequester,
    readonly settings: Settings,
    readonly download: DownloadContext,
  ) {
    const { jobSummary, insights } = settings;
    // Records are parsed only when something needs them.
    if (jobSummary || insights.csv || insights.teamRollup) {
      this.insights = new RunInsights(settings.report, this.analyzerOptions());
    }
  }

  private analyzerOptions(): AnalyzerOptions {
    const { jobSummary, insights, report, target } = this.settings;
    return {
      // Logins are kept in the figures only for a top-users table.
      keepLogins: jobSummary && insights.summaryTopUsers > 0,
      rowsAreUsers: REPORTS[report].span === '1-day' && target.kind !== 'range',
    };
  }

  private refresher(requester: ReportRequester, period: Period): () => Promise<string[]> {
    return async () => {
      const again = await requester.request(period.span === '1-day' ? period.start : undefined);
      if (!again.found) throw new Error(`The report disappeared while downloading: ${again.reason}`);
      return again.report.links;
    };
  }

  /**
   * The user-teams report of the team rollup, archived beside (with its CSV when asked for): the
   * same day's for a 1-day report; for a 28-day one, its last day's or else the newest day of
   * the period that has one, probing back at most TEAM_PROBE_DAYS days.
   */
  private async teams(period: Period): Promise<AnalysisOptions['teams']> {
    const requester = this.requester.forReport('user-teams-1-day');
    const oldest = period.span === '1-day' ? period.end : laterDay(period.start, addDays(period.end, -TEAM_PROBE_DAYS));
    let response: ReportResponse = { found: false, reason: 'no day was probed' };
    for (let day = period.end; day >= oldest && !response.found; day = addDays(day, -1)) {
      response = await requester.request(day);
    }
    if (!response.found) {
      core.warning(`No team rollup for ${periodName(period)}: ${response.reason}`);
      return undefined;
    }
    const { insights, report } = this.settings;
    const location = { ...this.settings, report: 'user-teams-1-day' as const };
    const options: AnalysisOptions = {
      report: 'user-teams-1-day',
      analyzer: { keepLogins: false, rowsAreUsers: false },
      csv: true,
      pseudonymizeKey: insights.pseudonymizeKey,
    };
    const teamPeriod = response.report.period;
    const teams = await archivePeriod(
      response.report,
      this.refresher(requester, teamPeriod),
      location,
      this.download,
      insights.csv ? (folder) => new PeriodAnalysis(folder, options) : undefined,
    );
    teams.insights = undefined;
    this.companions.push(teams);
    const from = periodFolder({ ...this.settings, report }, period);
    return {
      day: teamPeriod.start,
      directory: await readTeamDirectory(teams.files),
      sources: teams.files.map((file) => path.relative(from, file)),
    };
  }

  /** How a period's records are analysed, when the run needs them. */
  private async analysis(period: Period): Promise<((folder: string) => PeriodAnalysis) | undefined> {
    if (!this.insights) return undefined;
    const { csv, pseudonymizeKey, teamRollup } = this.settings.insights;
    const options: AnalysisOptions = {
      report: this.settings.report,
      analyzer: this.analyzerOptions(),
      csv,
      pseudonymizeKey,
      teams: teamRollup ? await this.teams(period) : undefined,
    };
    return (folder) => new PeriodAnalysis(folder, options);
  }

  /** A day skipped as archived still counts in the summary's chart: read from disk. */
  async addArchived(folder: string, manifest: Manifest): Promise<void> {
    if (!this.insights || !this.settings.jobSummary || !readsArchived(this.settings.report)) return;
    this.insights.add(await archivedInsights(folder, manifest, this.settings.report, this.analyzerOptions()));
  }

  /** Asks for a report and, when it exists, archives it. */
  async fetchAndArchive(request: () => Promise<ReportResponse>, day?: string): Promise<ArchivedPeriod | Missing> {
    const response = await request();
    if (!response.found) return { day, reason: response.reason, notFound: response.notFound };
    const { period } = response.report;
    const archived = await archivePeriod(
      response.report,
      this.refresher(this.requester, period),
      this.settings,
      this.download,
      await this.analysis(period),
    );
    if (archived.insights) this.insights!.add(archived.insights);
    // Merged into the run's figures: a long range keeps one state, not one per day.
    archived.insights = undefined;
    return archived;
  }
}

/** Days this recent may simply not be processed yet: GitHub needs about two days after a day ends. */
const PENDING_DAYS = 7;

function isMissing(outcome: unknown): outcome is Missing {
  return typeof outcome === 'object' && outcome !== null && 'reason' in outcome;
}

type DayOutcome = ArchivedPeriod | Missing | 'skipped';

/** Fetches a day of a range, or skips it when `skip-existing` finds it archived and intact. */
async function archiveDay(run: Run, day: string, mayBeSkipped: boolean): Promise<DayOutcome> {
  if (mayBeSkipped) {
    const folder = periodFolder(run.settings, oneDay(day));
    const { manifest, problem } = await checkArchive(folder, day);
    if (manifest) {
      await run.addArchived(folder, manifest);
      return 'skipped';
    }
    core.info(`${day}: the archived copy is not usable (${problem}); fetching it again.`);
  }
  const outcome = await run.fetchAndArchive(() => run.requester.request(day), day);
  if (isMissing(outcome)) core.info(outcome.reason);
  return outcome;
}

/** After this many days in a row answer 404, one request checks that the slug exists at all. */
const ENTITY_CHECK_AFTER = 7;

/**
 * Range mode. First the newest days, one at a time, until one has a report: that day starts the
 * refresh window, and the days after it that have no report are pending (not processed yet), not
 * missing. Then the older days, a few at a time. A missing day is noted and the others go on. A
 * failure starts no new day and fails the run once the days under way have finished; each of
 * those is complete, with its manifest.
 */
async function archiveRange(run: Run, since: string, until: string): Promise<RunResult> {
  const { settings } = run;
  const { skipExisting, refreshDays } = settings.skip;
  const days = dayRange(since, until);
  const outcomes = new Map<string, DayOutcome>();

  let newest: string | undefined;
  let every404 = true;
  for (const day of [...days].reverse()) {
    // Until the newest day is known, a day is in the refresh window unless none is refreshed.
    const outcome = await archiveDay(run, day, skipExisting && refreshDays === 0);
    outcomes.set(day, outcome);
    if (!isMissing(outcome)) {
      newest = day;
      break;
    }
    every404 &&= outcome.notFound === true;
    // A week of 404s (or the whole range) is also what a wrong slug gives: one request tells them apart.
    const checkNow = every404 && outcomes.size === Math.min(ENTITY_CHECK_AFTER, days.length);
    if (checkNow && !(await run.requester.entityVisible())) {
      throw entityNotFound(settings, `every day from ${day} to ${until}`);
    }
  }

  if (newest !== undefined) {
    const refreshFrom = addDays(newest, 1 - refreshDays);
    const limiter = new Limiter(DAY_CONCURRENCY);
    let failure: { error: unknown } | undefined;
    await Promise.all(
      days
        .filter((day) => day < newest!)
        .map((day) =>
          limiter.run(async () => {
            if (failure) return;
            try {
              outcomes.set(day, await archiveDay(run, day, skipExisting && day < refreshFrom));
            } catch (error) {
              failure ??= { error };
            }
          }),
        ),
    );
    if (failure) throw failure.error;
  }

  // Not processed yet: no report, newer than every day that has one, and within the last week.
  const recent = addDays(dataWindow(now()).last, 1 - PENDING_DAYS);
  const isPending = (day: string): boolean => (newest === undefined || day > newest) && day >= recent;
  const missing: Missing[] = [];
  const pending: string[] = [];
  for (const day of days) {
    const outcome = outcomes.get(day);
    if (!isMissing(outcome)) continue;
    if (isPending(day)) pending.push(day);
    else missing.push(outcome);
  }
  const archived = days
    .map((day) => outcomes.get(day))
    .filter((o): o is ArchivedPeriod => typeof o === 'object' && !isMissing(o));
  return {
    range: { since, until },
    archived,
    companions: run.companions,
    skipped: days.filter((day) => outcomes.get(day) === 'skipped'),
    missing,
    pending,
    restated: archived.filter((a) => a.restated).map((a) => a.report.period.start),
    insights: run.insights,
  };
}

/** Archives what the settings ask for: one report, every day of a range, or the seats. */
export async function archiveTarget(
  requester: ReportRequester,
  settings: Settings,
  download: DownloadContext,
): Promise<RunResult> {
  const { target } = settings;
  if (target.kind === 'snapshot') return archiveSeats(requester, settings);
  const run = new Run(requester, settings, download);
  if (target.kind === 'range') return archiveRange(run, target.since, target.until);
  const outcome = await run.fetchAndArchive(() => findReport(requester, target, now()));
  const found = isMissing(outcome)
    ? { archived: [], missing: [outcome], restated: [] }
    : { archived: [outcome], missing: [], restated: outcome.restated ? [outcome.report.period.start] : [] };
  return { ...found, companions: run.companions, skipped: [], pending: [], insights: run.insights };
}
