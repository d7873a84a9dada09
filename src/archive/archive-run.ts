import * as core from '@actions/core';
import * as path from 'node:path';
import { now } from '../clock.js';
import { addDays, dayRange } from '../days.js';
import type { DownloadContext } from '../download/download-parts.js';
import { Limiter } from '../download/limiter.js';
import type { Settings } from '../inputs/settings.js';
import { PeriodAnalysis, type AnalysisOptions } from '../insights/period-analysis.js';
import type { AnalyzerOptions, Insights } from '../insights/analyzer.js';
import { RunInsights } from '../insights/run-insights.js';
import { readTeamDirectory } from '../insights/team-rollup.js';
import { oneDay, type Period } from '../period.js';
import { REPORTS } from '../reports.js';
import type { ReportRequester, ReportResponse } from '../request/fetch-report.js';
import { findReport } from '../request/find-report.js';
import { archivePeriod, type ArchivedPeriod } from './archive-period.js';
import { archiveSeats } from './archive-seats.js';
import { periodFolder } from './layout.js';
import { archiveProblem } from './verify-archive.js';

/** A report GitHub does not have: a day of a range, or the single report asked for. */
export interface Missing {
  day?: string;
  reason: string;
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
  /** The merged figures, when the records were analysed. */
  insights?: Insights;
}

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

  /** The same day's user-teams report, archived beside, for the team rollup. */
  private async teams(period: Period): Promise<AnalysisOptions['teams']> {
    const requester = this.requester.forReport('user-teams-1-day');
    const response = await requester.request(period.start);
    if (!response.found) {
      core.warning(`No team rollup for ${period.start}: ${response.reason}`);
      return undefined;
    }
    const location = { ...this.settings, report: 'user-teams-1-day' as const };
    const teams = await archivePeriod(response.report, this.refresher(requester, period), location, this.download);
    this.companions.push(teams);
    const from = periodFolder(this.settings, period);
    return {
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

  /** Asks for a report and, when it exists, archives it. */
  async fetchAndArchive(request: () => Promise<ReportResponse>, day?: string): Promise<ArchivedPeriod | Missing> {
    const response = await request();
    if (!response.found) return { day, reason: response.reason };
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

function isMissing(outcome: unknown): outcome is Missing {
  return typeof outcome === 'object' && outcome !== null && 'reason' in outcome;
}

/**
 * Range mode: every day from since to until, started in order, a few at a time. A missing
 * day is noted and the others go on. A failure starts no new day and fails the run once the
 * days under way have finished; each of those is complete, with its manifest.
 */
async function archiveRange(run: Run, since: string, until: string): Promise<RunResult> {
  const { settings } = run;
  const days = dayRange(since, until);
  const refreshFrom = addDays(until, 1 - settings.skip.refreshDays);
  const limiter = new Limiter(DAY_CONCURRENCY);
  let failure: { error: unknown } | undefined;
  const outcomes = await Promise.all(
    days.map((day) =>
      limiter.run(async (): Promise<ArchivedPeriod | Missing | 'skipped' | undefined> => {
        if (failure) return undefined;
        try {
          if (settings.skip.skipExisting && day < refreshFrom) {
            const problem = await archiveProblem(periodFolder(settings, oneDay(day)), day);
            if (!problem) return 'skipped';
            core.info(`${day}: the archived copy is not usable (${problem}); fetching it again.`);
          }
          const outcome = await run.fetchAndArchive(() => run.requester.request(day), day);
          if (isMissing(outcome)) core.info(outcome.reason);
          return outcome;
        } catch (error) {
          failure ??= { error };
          return undefined;
        }
      }),
    ),
  );
  if (failure) throw failure.error;
  return {
    range: { since, until },
    archived: outcomes.filter((o): o is ArchivedPeriod => typeof o === 'object' && !isMissing(o)),
    companions: run.companions,
    skipped: days.filter((_, i) => outcomes[i] === 'skipped'),
    missing: outcomes.filter(isMissing),
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
  const found = isMissing(outcome) ? { archived: [], missing: [outcome] } : { archived: [outcome], missing: [] };
  return { ...found, companions: run.companions, skipped: [], insights: run.insights };
}
