import { RequestError } from '@octokit/request-error';
import { REPORTS, type ReportName, type Scope } from '../reports.js';
import { API_RETRIES, type Tuning } from '../tuning.js';

/** What a failed API call was for, so its message can say what to check. */
export interface RequestSubject {
  scope: Scope;
  slug: string;
  report: ReportName;
  apiUrl: string;
}

/** A failure that every report kind of the run would meet too: a bad token, or a slug GitHub does not know. */
export class AccessError extends Error {}

const READY_HINT = 'a day is usually ready about two days after it ends (UTC), and each report has its own first day';

/** Who may list the Copilot seats: owners and billing managers only. */
function seatPermissions(scope: Scope): string {
  return scope === 'enterprise'
    ? 'an enterprise owner or billing manager; a classic token needs manage_billing:copilot or read:enterprise'
    : 'an organization owner (or billing manager); a classic token needs manage_billing:copilot or read:org; a fine-grained token or GitHub App needs the "GitHub Copilot Business" organization permission (read)';
}

function permissions(scope: Scope, report: ReportName): string {
  if (report === 'seats') return seatPermissions(scope);
  return scope === 'enterprise'
    ? 'an enterprise owner, billing manager or a role with "View Enterprise Copilot Metrics"; a classic token needs manage_billing:copilot or read:enterprise; a fine-grained token or GitHub App needs "Enterprise Copilot metrics" read (the App installed on the enterprise)'
    : 'an organization owner or a role with "View Organization Copilot Metrics"; a classic token needs read:org; a fine-grained token or GitHub App needs "Organization Copilot metrics" read';
}

function owner(subject: RequestSubject): string {
  return `${subject.scope === 'enterprise' ? 'enterprise' : 'organization'} "${subject.slug}"`;
}

/** The message for a 404 on a 1-day report, which is "no report", not a failure. */
export function notFoundDay(subject: RequestSubject, day: string): string {
  return `GitHub has no ${subject.report} report for ${day} of ${owner(subject)} (404): the day may not be processed yet (${READY_HINT}), it may be before the data starts, or the slug may be wrong.`;
}

/** Every day asked answered 404, and so did the entity's own 28-day report: the slug is wrong, or hidden. */
export function entityNotFound(subject: RequestSubject, asked: string): AccessError {
  const name = subject.scope === 'enterprise' ? 'enterprise slug' : 'organization login';
  return new AccessError(
    `GitHub has no ${owner(subject)} that this token can see: ${asked} answered 404, and so did its ${subject.scope === 'enterprise' ? 'enterprise' : 'organization'}-28-day report. Check the "slug" input (the ${name}), and that the token may read Copilot metrics: ${permissions(subject.scope, subject.report)}.`,
  );
}

function header(error: RequestError, name: string): string | undefined {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
}

/** When the error is a rate limit: the wait GitHub asked for, in seconds, if it said one. */
function rateLimit(error: RequestError): { wait?: number } | undefined {
  const retryAfter = header(error, 'retry-after');
  if (retryAfter !== undefined) return { wait: Number(retryAfter) };
  if (header(error, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    return { wait: Math.max(0, Math.ceil(reset - Date.now() / 1000)) };
  }
  return /rate limit/i.test(error.message) ? {} : undefined;
}

function requestLine(error: RequestError): string {
  const url = new URL(error.request.url);
  return `${error.request.method} ${url.pathname}${url.search}`;
}

/** Turns an API error into one message that says what happened and what to check. */
export function describeApiFailure(error: unknown, subject: RequestSubject, tuning: Tuning): Error {
  if (!(error instanceof RequestError)) return error instanceof Error ? error : new Error(String(error));
  const what = `${subject.report} of ${owner(subject)}`;
  const limit = rateLimit(error);
  if ((error.status === 403 || error.status === 429) && limit) {
    const asked = limit.wait === undefined ? '' : `, asked to wait ${limit.wait} s`;
    return new Error(
      `GitHub API rate limit on ${requestLine(error)} (${error.status}${asked}): the action waits at most ${tuning.maxRateLimitWaitSeconds} s and retries ${API_RETRIES} times. Run it again later, or space out workflows that share this token.`,
    );
  }
  switch (error.status) {
    case 401:
      return new AccessError(
        `GitHub API answered 401 Unauthorized for ${what}: the token is invalid or expired. Check the "token" input: use a personal access token or GitHub App token that may read Copilot usage metrics (the built-in GITHUB_TOKEN cannot).`,
      );
    case 403:
      if (subject.report === 'seats') {
        return new Error(
          `GitHub API answered 403 Forbidden for ${what}: the token may not list Copilot seats. Needed: ${permissions(subject.scope, subject.report)}. The built-in GITHUB_TOKEN cannot list them.`,
        );
      }
      return new Error(
        `GitHub API answered 403 Forbidden for ${what}: the token lacks access, or the "Copilot usage metrics" policy is disabled. Needed: ${permissions(subject.scope, subject.report)}. Also check that the "Copilot usage metrics" policy is enabled${subject.scope === 'enterprise' ? ' ("Enabled everywhere")' : ''}. The built-in GITHUB_TOKEN cannot read these reports.`,
      );
    case 404:
      return new AccessError(
        `GitHub API answered 404 Not Found for ${what}: check the "slug" input (the ${subject.scope === 'enterprise' ? 'enterprise slug' : 'organization login'}) and that the token may read ${subject.report === 'seats' ? 'its Copilot seats' : 'Copilot metrics'}: ${permissions(subject.scope, subject.report)}.${REPORTS[subject.report].span === '28-day' ? ' The 28-day report always exists for an entity with Copilot metrics enabled.' : ''}`,
      );
  }
  const attempts = API_RETRIES + 1;
  if (error.status === 500 && !error.response) {
    const cause = error.cause instanceof Error ? error.cause : undefined;
    const code =
      (cause?.cause as { code?: string } | undefined)?.code ?? (cause as { code?: string } | undefined)?.code;
    return new Error(
      `Could not reach the GitHub API at ${subject.apiUrl} (${code ?? error.message}) after ${attempts} attempts: check the "api-url" input and the runner's network.`,
    );
  }
  if (error.status >= 500) {
    return new Error(
      `GitHub API answered ${error.status} to ${requestLine(error)} on all ${attempts} attempts: GitHub may be having trouble (https://www.githubstatus.com). Run it again later.`,
    );
  }
  return new Error(`GitHub API answered ${error.status} to ${requestLine(error)}: ${error.message}`);
}
