import * as core from '@actions/core';
import { addDays, dayRange } from '../days.js';
import type { DownloadContext } from '../download/download-parts.js';
import { Limiter } from '../download/limiter.js';
import type { Settings } from '../inputs/settings.js';
import { oneDay } from '../period.js';
import type { ReportRequester, ReportResponse } from '../request/fetch-report.js';
import { findReport } from '../request/find-report.js';
import { archivePeriod, type ArchivedPeriod } from './archive-period.js';
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
  skipped: string[];
  missing: Missing[];
}

/** Days of a range requested at once; their downloads share the run's download bound. */
const DAY_CONCURRENCY = 4;

/** Asks for a report and, when it exists, archives it; refreshes its links from the same request. */
async function fetchAndArchive(
  request: () => Promise<ReportResponse>,
  requester: ReportRequester,
  settings: Settings,
  context: DownloadContext,
  day?: string,
): Promise<ArchivedPeriod | Missing> {
  const response = await request();
  if (!response.found) return { day, reason: response.reason };
  const { period } = response.report;
  const fetchFreshLinks = async (): Promise<string[]> => {
    const again = await requester.request(period.span === '1-day' ? period.start : undefined);
    if (!again.found) throw new Error(`The report disappeared while downloading: ${again.reason}`);
    return again.report.links;
  };
  return archivePeriod(response.report, fetchFreshLinks, settings, context);
}

function isMissing(outcome: unknown): outcome is Missing {
  return typeof outcome === 'object' && outcome !== null && 'reason' in outcome;
}

/**
 * Range mode: every day from since to until, started in order, a few at a time. A missing
 * day is noted and the others go on. A failure starts no new day and fails the run once the
 * days under way have finished; each of those is complete, with its manifest.
 */
async function archiveRange(
  requester: ReportRequester,
  settings: Settings,
  context: DownloadContext,
  since: string,
  until: string,
): Promise<RunResult> {
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
          const outcome = await fetchAndArchive(
            () => requester.request(day),
            requester,
            settings,
            context,
            day,
          );
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
    skipped: days.filter((_, i) => outcomes[i] === 'skipped'),
    missing: outcomes.filter(isMissing),
  };
}

/** Archives what the settings ask for: one report, or every day of a range. */
export async function archiveTarget(
  requester: ReportRequester,
  settings: Settings,
  context: DownloadContext,
): Promise<RunResult> {
  const { target } = settings;
  if (target.kind === 'range')
    return archiveRange(requester, settings, context, target.since, target.until);
  const outcome = await fetchAndArchive(
    () => findReport(requester, target, new Date()),
    requester,
    settings,
    context,
  );
  return isMissing(outcome)
    ? { archived: [], skipped: [], missing: [outcome] }
    : { archived: [outcome], skipped: [], missing: [] };
}
