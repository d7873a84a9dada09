import { RequestError } from '@octokit/request-error';
import { isDay } from '../days.js';
import { formatBytes } from '../download/progress.js';
import { oneDay, type Period } from '../period.js';
import { REPORTS, entityReport, reportRoute, slugParameter, type ReportName } from '../reports.js';
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

export type ReportResponse =
  | { found: true; report: ReportLinks }
  /** `notFound`: the API answered 404, which a wrong slug gives too. */
  | { found: false; reason: string; notFound?: boolean };

/** An answer lists a report's links: far beyond this, it is not one, and it is not held whole. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * The answer's text, read here rather than by Octokit: Octokit hands back the raw text when its
 * JSON parser gives up (as on Node 20 for answers of 8 MiB or more), which would look like a
 * "no report" string.
 */
async function readAnswer(body: unknown): Promise<string> {
  if (body === null || body === undefined) return '';
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (bytes > MAX_ANSWER_BYTES) break;
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(`The API's answer broke off after ${formatBytes(bytes)}: ${reason}`, { cause: error });
  }
  if (bytes > MAX_ANSWER_BYTES) {
    throw new Error(`The API answered with more than ${formatBytes(MAX_ANSWER_BYTES)}, which is not a list of links.`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What a body that is not JSON looks like, for the error: its size and start, with no query string. */
function describeText(text: string): string {
  const start = text.slice(0, 60).replace(/\?[^\s"]*/g, '?…');
  return `${formatBytes(Buffer.byteLength(text))} starting with ${JSON.stringify(start)}`;
}

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
    readonly subject: RequestSubject,
    private readonly tuning: Tuning,
  ) {}

  /** A requester of another report of the same entity, through the same client. */
  forReport(report: ReportName): ReportRequester {
    return new ReportRequester(this.client, { ...this.subject, report }, this.tuning);
  }

  /**
   * Whether the entity exists and the token may read its metrics: its own 28-day report, which
   * every such entity has, answers anything but 404. Tells "no day is processed yet" from a
   * wrong slug when every day asked for answered 404.
   */
  async entityVisible(): Promise<boolean> {
    const { scope, slug } = this.subject;
    const subject = { ...this.subject, report: entityReport(scope) };
    try {
      await this.client.request(reportRoute(scope, subject.report), { [slugParameter(scope)]: slug });
      return true;
    } catch (error) {
      if (error instanceof RequestError && error.status === 404) return false;
      throw describeApiFailure(error, subject, this.tuning);
    }
  }

  /** The pages of the entity's Copilot seat assignments (the `seats` report). */
  seatPages(): AsyncGenerator<SeatPage> {
    return seatPages(this.client, this.subject, this.tuning);
  }

  /** The 1-day report of `day`, or the 28-day report when `day` is undefined. */
  async request(day?: string): Promise<ReportResponse> {
    const { scope, slug, report } = this.subject;
    let status: number;
    let data: unknown;
    try {
      const response = await this.client.request(reportRoute(scope, report), {
        [slugParameter(scope)]: slug,
        ...(day === undefined ? {} : { day }),
        request: { parseSuccessResponseBody: false },
      });
      status = response.status;
      data = response.data;
    } catch (error) {
      if (error instanceof RequestError && error.status === 404 && day !== undefined) {
        return { found: false, reason: notFoundDay(this.subject, day), notFound: true };
      }
      throw describeApiFailure(error, this.subject, this.tuning);
    }
    return this.read(status, await readAnswer(data), day);
  }

  private read(status: number, text: string, day?: string): ReportResponse {
    const when = day === undefined ? 'the latest 28 days' : day;
    const none = (why: string): ReportResponse => ({
      found: false,
      reason: `GitHub has no ${this.subject.report} report for ${when} (${why}).`,
    });
    if (status === 204) return none('204 No Content');
    if (!text.trim()) return none('the body is empty');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `The API answered ${status} for ${when} with a body that is not JSON (${describeText(text)}). It is not one of the "no report" answers, so the step fails rather than miss a report.`,
      );
    }
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
