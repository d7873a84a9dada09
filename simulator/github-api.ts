/**
 * A simulated GitHub REST API serving the 12 Copilot usage-metrics report endpoints and the
 * two Copilot seat listings. It checks the token and headers, answers from generated report
 * content (signed links on the link host; seats paginated with Link headers, as GitHub does),
 * applies the data window and readiness, and plays scripted faults.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPORTS, isReportName, type ReportName, type Scope } from '../src/reports.js';
import type { Clock } from './clock.js';
import { LocalServer, type SeenHeaders } from './http-server.js';
import type { Blob, LinkHost } from './link-host.js';
import { organizationId, reportParts, seatsSnapshot, type SeatsSnapshot } from './report-data.js';

export type ApiFault =
  /** Answer with this status, headers and body (a string is sent raw, anything else as JSON). */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** Reset the connection without answering. */
  | { reset: true };

export interface ApiMatch {
  report?: ReportName;
  day?: string;
  scope?: Scope;
}

export interface ApiRule {
  match?: ApiMatch;
  /** How many matching requests it answers (default 1; Infinity for all). */
  times?: number;
  respond: ApiFault;
}

export interface ApiRequest {
  /** When it arrived (ms since the epoch). */
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: SeenHeaders;
  report?: ReportName;
  day?: string;
}

export interface ReportKey {
  scope: Scope;
  slug: string;
  report: ReportName;
  /** The 1-day report's day, or the last day of a 28-day report. */
  day: string;
}

/** First day of each report's data, as documented. */
const DATA_STARTS: Partial<Record<ReportName, string>> = {
  'organization-1-day': '2025-12-12',
  'organization-28-day': '2025-12-12',
  'user-teams-1-day': '2026-05-14',
  'repos-1-day': '2026-07-17',
};

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export class GitHubApi {
  readonly requests: ApiRequest[] = [];
  /** Tokens that may read the reports. */
  readonly tokens = new Set(['ghp_simulatedTokenForCopilotMetrics0000']);
  /** Entities that exist, as `scope/slug` (slugs lower-case). */
  readonly entities = new Set(['enterprise/octo-ent', 'organization/octo-org']);
  /** Days not yet processed: the newest this many days before today answer 404. */
  notReadyDays = 2;
  private rules: ApiRule[] = [];
  private readonly custom = new Map<string, Blob[]>();
  private readonly customSeats = new Map<string, SeatsSnapshot>();
  private readonly generated = new Map<string, Buffer[]>();
  private readonly linkPaths = new Map<string, string[]>();
  /** Each answer's links are a new generation (`gen` in the link), so tests can tell them apart. */
  generation = 0;
  /** Reports whose content GitHub changes from a simulated day on. */
  private restatements: Array<{ match: ApiMatch; from: string }> = [];

  private server!: LocalServer;

  private constructor(
    private readonly links: LinkHost,
    private readonly clock: Clock,
  ) {}

  static async start(links: LinkHost, clock: Clock): Promise<GitHubApi> {
    const api = new GitHubApi(links, clock);
    api.server = await LocalServer.start((req, res) => api.handle(req, res));
    return api;
  }

  get url(): string {
    return this.server.url;
  }

  get token(): string {
    return [...this.tokens][0];
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  inject(rule: ApiRule): void {
    this.rules.push({ times: 1, ...rule });
  }

  /** Drops the faults not yet played, the restatements, and restores the default readiness. */
  reset(): void {
    this.rules = [];
    this.restatements = [];
    this.notReadyDays = 2;
  }

  /** The simulated day (see Clock). */
  today(): string {
    return this.clock.today();
  }

  /** The newest day whose reports are ready. */
  latestDay(): string {
    return addDays(this.today(), -(this.notReadyDays + 1));
  }

  /** The reports matched never exist: every request for them answers 404, as a day GitHub lost would. */
  dropDay(match: ApiMatch & { day: string }): void {
    this.inject({ match, times: Infinity, respond: { status: 404, body: notFound() } });
  }

  /**
   * From the simulated day `from` on, the reports matched have other content (their activity
   * counts go up by one), as when GitHub restates a day.
   */
  restate(match: ApiMatch & { day: string }, from: string): void {
    this.restatements.push({ match, from });
  }

  /** The link path of a report's part (1-based), on the link host, e.g. to inject a fault there. */
  partPath(key: ReportKey, part: number): string {
    const custom = this.linkPaths.get(keyOf(key))?.[part - 1];
    const id = createHash('sha256').update(keyOf(key)).digest('hex').slice(0, 16);
    return custom ?? `/copilot-reports/${id}/${key.report}-${key.day}-part-${part}.ndjson`;
  }

  /** Serves these parts for a report instead of generated content; `paths` sets the link paths. */
  setReport(key: ReportKey, parts: Blob[], paths?: string[]): void {
    this.custom.set(keyOf(key), parts);
    if (paths) this.linkPaths.set(keyOf(key), paths);
  }

  /** Lists these seats for an entity instead of generated ones. */
  setSeats(scope: Scope, slug: string, snapshot: SeatsSnapshot): void {
    this.customSeats.set(`${scope}/${slug}`, snapshot);
  }

  /** The seats an entity lists today, all pages together. */
  seats(scope: Scope, slug: string): SeatsSnapshot {
    return this.customSeats.get(`${scope}/${slug}`) ?? seatsSnapshot({ scope, slug }, this.today());
  }

  /** The bytes of each part of a report, as the link host serves them. */
  parts(key: ReportKey): Blob[] {
    const parts = this.custom.get(keyOf(key)) ?? this.generatedParts(key);
    const restated = this.restatements.some(
      ({ match, from }) => this.today() >= from && matches(match, key.report, key.day, key.scope),
    );
    return restated ? parts.map((part) => (Buffer.isBuffer(part) ? restatedPart(part) : part)) : parts;
  }

  /** Generated content, made once per report: a schedule asks for the same reports day after day. */
  private generatedParts(key: ReportKey): Buffer[] {
    let parts = this.generated.get(keyOf(key));
    if (!parts) {
      parts = reportParts({ scope: key.scope, slug: key.slug }, key.report, key.day);
      this.generated.set(keyOf(key), parts);
    }
    return parts;
  }

  private takeRule(request: ApiRequest, scope: Scope): ApiRule | undefined {
    const rule = this.rules.find(({ match }) => matches(match, request.report, request.day, scope));
    if (rule && --rule.times! <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/(enterprises|orgs)\/([^/]+)\/copilot\/metrics\/reports\/([a-z0-9-]+?)(\/latest)?$/.exec(
      url.pathname,
    );
    const seats = /^\/(enterprises|orgs|organizations)\/([^/]+)\/copilot\/billing\/seats$/.exec(url.pathname);
    const request: ApiRequest = {
      at: Date.now(),
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: { ...req.headers },
    };
    this.requests.push(request);
    if (seats && req.method === 'GET') {
      request.report = 'seats';
      return this.handleSeats(req, res, request, seats[1], decodeURIComponent(seats[2]).toLowerCase());
    }
    if (!match || req.method !== 'GET') return json(res, 404, notFound());
    const [, owner, rawSlug, report, latest] = match;
    const scope: Scope = owner === 'enterprises' ? 'enterprise' : 'organization';
    if (isReportName(report)) request.report = report;
    request.day = url.searchParams.get('day') ?? undefined;
    if (this.refused(req, res, request, scope)) return;

    const slug = decodeURIComponent(rawSlug).toLowerCase();
    if (
      !isReportName(report) ||
      report === 'seats' ||
      !REPORTS[report].scopes.includes(scope) ||
      !this.entities.has(`${scope}/${slug}`)
    ) {
      return json(res, 404, notFound());
    }
    const span = REPORTS[report].span;
    if ((span === '28-day') !== Boolean(latest)) return json(res, 404, notFound());

    let day: string;
    if (span === '1-day') {
      const asked = url.searchParams.get('day');
      if (!asked || !/^\d{4}-\d{2}-\d{2}$/.test(asked)) {
        return json(res, 422, {
          message: 'Invalid request. "day" is required and must be a date.',
          status: '422',
        });
      }
      const start = DATA_STARTS[report] ?? '2025-10-10';
      if (asked > this.latestDay() || asked < start || asked < addDays(this.today(), -366))
        return json(res, 404, notFound());
      day = asked;
    } else {
      day = this.latestDay();
    }
    const key: ReportKey = { scope, slug, report, day };
    const links = this.sign(key);
    const body =
      span === '1-day'
        ? { download_links: links, report_day: day }
        : { download_links: links, report_start_day: addDays(day, -27), report_end_day: day };
    json(res, 200, body);
  }

  /** Plays a scripted fault, or refuses a bad token or API version; true when it answered. */
  private refused(req: IncomingMessage, res: ServerResponse, request: ApiRequest, scope: Scope): boolean {
    const fault = this.takeRule(request, scope)?.respond;
    if (fault) {
      if ('reset' in fault) req.socket.resetAndDestroy();
      else send(res, fault.status, fault.headers ?? {}, fault.body);
      return true;
    }
    const auth = String(req.headers.authorization ?? '');
    const token = auth.replace(/^(token|bearer) /i, '');
    if (!this.tokens.has(token)) {
      json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return true;
    }
    const version = req.headers['x-github-api-version'];
    if (version !== undefined && !['2022-11-28', '2026-03-10'].includes(String(version))) {
      json(res, 400, { message: `API version ${String(version)} is not supported.`, status: '400' });
      return true;
    }
    return false;
  }

  /**
   * One page of an entity's seats (`page`, `per_page` up to 100, default 50), with GitHub's
   * Link header. Like GitHub, an organization's links name it by id (`/organizations/{id}`).
   */
  private handleSeats(
    req: IncomingMessage,
    res: ServerResponse,
    request: ApiRequest,
    owner: string,
    name: string,
  ): void {
    const scope: Scope = owner === 'enterprises' ? 'enterprise' : 'organization';
    if (this.refused(req, res, request, scope)) return;
    const slug =
      owner === 'organizations'
        ? [...this.entities]
            .map((e) => e.split('/'))
            .find(([s, l]) => s === scope && String(organizationId({ scope, slug: l })) === name)?.[1]
        : name;
    if (slug === undefined || !this.entities.has(`${scope}/${slug}`)) return json(res, 404, notFound());
    const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page')) || 50));
    const page = Math.max(1, Number(request.query.get('page')) || 1);
    const { total_seats, seats } = this.seats(scope, slug);
    const pages = Math.max(1, Math.ceil(seats.length / perPage));
    const base =
      scope === 'enterprise'
        ? `${this.url}/enterprises/${slug}/copilot/billing/seats`
        : `${this.url}/organizations/${organizationId({ scope, slug })}/copilot/billing/seats`;
    const link = (n: number, rel: string): string => `<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const links = [
      ...(page > 1 ? [link(Math.min(page - 1, pages), 'prev')] : []),
      ...(page < pages ? [link(page + 1, 'next'), link(pages, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : []),
    ];
    send(res, 200, links.length ? { link: links.join(', ') } : {}, {
      total_seats,
      seats: seats.slice((page - 1) * perPage, page * perPage),
    });
  }

  /** Fresh signed links to every part of a report (a new generation each time). */
  private sign(key: ReportKey): string[] {
    const generation = ++this.generation;
    return this.parts(key).map((blob, i) => this.links.sign(this.partPath(key, i + 1), blob, i + 1, generation));
  }
}

function matches(match: ApiMatch | undefined, report?: ReportName, day?: string, scope?: Scope): boolean {
  return (
    (match?.report === undefined || match.report === report) &&
    (match?.day === undefined || match.day === day) &&
    (match?.scope === undefined || match.scope === scope)
  );
}

/** A part as GitHub restates it: every record's activity count one higher. */
function restatedPart(part: Buffer): Buffer {
  const lines = part
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      const count = record.code_generation_activity_count;
      return JSON.stringify(
        typeof count === 'number' ? { ...record, code_generation_activity_count: count + 1 } : record,
      );
    });
  return Buffer.from(lines.map((line) => `${line}\n`).join(''));
}

function keyOf(key: ReportKey): string {
  return `${key.scope}/${key.slug}/${key.report}/${key.day}`;
}

function notFound(): Record<string, string> {
  return { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, {}, body);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': '2026-03-10',
    ...headers,
    ...(status === 204 ? {} : { 'content-length': Buffer.byteLength(text) }),
  });
  res.end(status === 204 ? undefined : text);
}
