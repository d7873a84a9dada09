import * as core from '@actions/core';
import { addDays, dataWindow, laterDay } from '../days.js';
import type { SingleTarget } from '../inputs/settings.js';
import { LATEST_PROBE_DAYS } from '../tuning.js';
import { entityNotFound } from './failures.js';
import type { ReportRequester, ReportResponse } from './fetch-report.js';

/**
 * The report a target names. `latest` asks for yesterday (UTC), then the day before, up to
 * LATEST_PROBE_DAYS days, treating every "no report" shape as "not this day".
 */
export async function findReport(requester: ReportRequester, target: SingleTarget, now: Date): Promise<ReportResponse> {
  switch (target.kind) {
    case 'day': {
      const response = await requester.request(target.day);
      if (!response.found && response.notFound && !(await requester.entityVisible()))
        throw entityNotFound(requester.subject, target.day);
      return response;
    }
    case 'latest-28-day':
      return requester.request();
    case 'latest-day': {
      const window = dataWindow(now);
      let last: ReportResponse = { found: false, reason: 'no day of the data window was probed' };
      let every404 = true;
      for (let back = 0; back < LATEST_PROBE_DAYS; back++) {
        const day = addDays(window.last, -back);
        if (day < window.first) break;
        last = await requester.request(day);
        if (last.found) return last;
        every404 &&= last.notFound === true;
        core.info(`latest: ${last.reason} Trying the day before.`);
      }
      const oldest = addDays(window.last, -(LATEST_PROBE_DAYS - 1));
      const days = `the ${LATEST_PROBE_DAYS} days from ${laterDay(oldest, window.first)} to ${window.last}`;
      // A week of 404s is also what a wrong slug gives: one more request tells them apart.
      if (every404 && !(await requester.entityVisible()))
        throw entityNotFound(requester.subject, `every day of ${days}`);
      return { found: false, reason: `No report in ${days}. The last answer: ${last.reason}` };
    }
  }
}
