import { RequestError } from '@octokit/request-error';
import { isDay } from '../days.js';
import { oneDay, type Period } from '../period.js';
import { REPORTS, reportRoute, slugParameter, type ReportName } from '../reports.js';
import { registerLink } from '../secrets.js';
import type { Tuning } from '../tuning.js';
import { isSecureUrl } from '../urls.js';
import type { ApiClient } from './api-client.js';
import { describeApiFailure, notFoundDay, type RequestSubject } from './failures.js';
import { seatPages, type SeatPage } from './fetch-seats.js';

/** A report that exists: its signed links, in API order, and the days it covers. */
export interface ReportLinks {
  links: string[];
  period: Period;
}

export type ReportResponse = { found: true; report: ReportLinks } | { found: false; reason: string };

/** Signed links must be https (plain http only to this machine, as in local simulations). */
function checkLink(link: unknown): string {
  if (typeof link === 'string') {
    try {
      if (isSecureUrl(new URL(link))) return link;
    } catch {
      // reported below
    }
  }
  throw new Error('The API answered with a download link that is not an https URL.');
}

function readDay(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !isDay(value)) {
    throw new Error(`The API answered without a valid "${field}" (expected YYYY-MM-DD).`);
  }
  return value;
}

/** Asks the API for one report's signed links, telling "no report" apart from failures. */
export class ReportRequester {
  constructor(
    private readonly client: ApiClient,
    private readonly subject: RequestSubject,
    private readonly tuning: Tuning,
  ) {}

  /** A requester of another report of the same entity, through the same client. */
  forReport(report: ReportName): ReportRequester {
    return new ReportRequester(this.client, { ...this.subject, report }, this.tuning);
  }

  /** The pages of the entity's Copilot seat assignments (the `seats` report). */
  seatPages(): AsyncGenerator<SeatPage> {
    return seatPages(this.client, this.subject, this.tuning);
  }

  /** The 1-day report of `day`, or the 28-day report when `day` is undefined. */
  async request(day?: string): Promise<ReportResponse> {
    const { scope, slug, report } = this.subject;
    let status: number;
    let body: unknown;
    try {
      const response = await this.client.request(reportRoute(scope, report), {
        [slugParameter(scope)]: slug,
        ...(day === undefined ? {} : { day }),
      });
      status = response.status;
      body = response.data;
    } catch (error) {
      if (error instanceof RequestError && error.status === 404 && day !== undefined) {
        return { found: false, reason: notFoundDay(this.subject, day) };
      }
      throw describeApiFailure(error, this.subject, this.tuning);
    }
    return this.read(status, body, day);
  }

  private read(status: number, body: unknown, day?: string): ReportResponse {
    const when = day === undefined ? 'the latest 28 days' : day;
    const none = (why: string): ReportResponse => ({
      found: false,
      reason: `GitHub has no ${this.subject.report} report for ${when} (${why}).`,
    });
    if (status === 204) return none('204 No Content');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return none(`the body is ${JSON.stringify(body ?? '').slice(0, 60) || 'empty'}`);
    }
    const record = body as Record<string, unknown>;
    const links = record.download_links;
    if (!Array.isArray(links)) {
      throw new Error(`The API answered ${status} without a "download_links" list.`);
    }
    // Mask every link before anything could print one.
    const checked = links.map(checkLink);
    checked.forEach(registerLink);
    if (checked.length === 0) return none('no download links');
    return { found: true, report: { links: checked, period: this.period(record, day) } };
  }

  private period(body: Record<string, unknown>, day?: string): Period {
    if (REPORTS[this.subject.report].span === '1-day') {
      const reportDay = body.report_day === undefined ? day! : readDay(body, 'report_day');
      if (reportDay !== day) {
        throw new Error(`The API answered with the report of ${reportDay} when ${day} was asked for.`);
      }
      return oneDay(reportDay);
    }
    const start = readDay(body, 'report_start_day');
    const end = readDay(body, 'report_end_day');
    if (start > end) throw new Error(`The API answered with a 28-day period that ends before it starts.`);
    return { span: '28-day', start, end };
  }
}
