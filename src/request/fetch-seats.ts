import { reportRoute, slugParameter } from '../reports.js';
import type { Tuning } from '../tuning.js';
import type { ApiClient } from './api-client.js';
import { describeApiFailure, type RequestSubject } from './failures.js';

/** One page of the seat listing. */
export interface SeatPage {
  /** Seats billed, as the page states it (an enterprise counts a user seated twice once). */
  totalSeats: number;
  /** The seat objects of the page, as parsed, in API order. */
  seats: unknown[];
}

/** The most GitHub serves per page, so the fewest requests. */
const PER_PAGE = 100;

/** A bound on the pages followed (a million seats), should the Link headers never end. */
const MAX_PAGES = 10_000;

function readPage(body: unknown): SeatPage {
  const page = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { seats, total_seats: totalSeats } = page;
  if (!Array.isArray(seats) || typeof totalSeats !== 'number' || !Number.isInteger(totalSeats) || totalSeats < 0) {
    throw new Error('The API answered a page of Copilot seats without a "seats" list and a "total_seats" count.');
  }
  return { totalSeats, seats };
}

/**
 * Checks the next page's URL in a Link header before Octokit follows it with the token: it
 * must be a seat listing of the same API (GitHub names an organization there by its id,
 * `/organizations/{id}/...`, so the exact path may differ from the first request's), and new.
 */
function checkNextPage(link: string | undefined, apiUrl: string, seen: Set<string>): void {
  const next = /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
  if (next === undefined) return;
  const api = new URL(apiUrl);
  let url: URL | undefined;
  try {
    url = new URL(next);
  } catch {
    url = undefined;
  }
  const root = api.pathname.replace(/\/+$/, '');
  if (
    !url ||
    url.origin !== api.origin ||
    !url.pathname.startsWith(`${root}/`) ||
    !url.pathname.endsWith('/copilot/billing/seats')
  ) {
    throw new Error(
      `The API's Link header points the next page of Copilot seats outside ${api.origin}${root}: not followed.`,
    );
  }
  if (seen.has(next) || seen.size >= MAX_PAGES) {
    throw new Error('The API keeps pointing to pages of Copilot seats already read: the listing does not end.');
  }
  seen.add(next);
}

/**
 * Every page of `GET /orgs/{org}/copilot/billing/seats` (or the enterprise twin), 100 seats a
 * page, through Octokit's pagination, which follows the `rel="next"` links.
 */
export async function* seatPages(client: ApiClient, subject: RequestSubject, tuning: Tuning): AsyncGenerator<SeatPage> {
  const pages = client.paginate.iterator(reportRoute(subject.scope, 'seats'), {
    [slugParameter(subject.scope)]: subject.slug,
    per_page: PER_PAGE,
  });
  const seen = new Set<string>();
  try {
    for await (const response of pages) {
      yield readPage(response.data);
      // Checked before the loop asks the iterator for the page it names.
      checkNextPage(response.headers.link, subject.apiUrl, seen);
    }
  } catch (error) {
    throw describeApiFailure(error, subject, tuning);
  }
}
