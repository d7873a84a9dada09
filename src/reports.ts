/** The report catalogue: which reports exist, for which scope, and where each one is served. */

export type Scope = 'enterprise' | 'organization';

export type ReportName =
  | 'enterprise-1-day'
  | 'enterprise-28-day'
  | 'organization-1-day'
  | 'organization-28-day'
  | 'users-1-day'
  | 'users-28-day'
  | 'user-teams-1-day'
  | 'repos-1-day'
  | 'seats';

/** What the rows of a usage report describe; it decides how the summary reads them. */
export type ReportContent = 'aggregate' | 'users' | 'user-teams' | 'repos';

export interface ReportInfo {
  /**
   * `1-day` reports take a `day`; `28-day` reports are only served as `/latest`; a `snapshot`
   * (`seats`) is the state on the day it is fetched, and is archived only when named.
   */
  span: '1-day' | '28-day' | 'snapshot';
  /** `seats` rows are seat assignments, summarized by insights/seats.ts, not by an analyzer. */
  content: ReportContent | 'seats';
  scopes: readonly Scope[];
}

const BOTH: readonly Scope[] = ['enterprise', 'organization'];

export const REPORTS: Readonly<Record<ReportName, ReportInfo>> = {
  'enterprise-1-day': { span: '1-day', content: 'aggregate', scopes: ['enterprise'] },
  'enterprise-28-day': { span: '28-day', content: 'aggregate', scopes: ['enterprise'] },
  'organization-1-day': { span: '1-day', content: 'aggregate', scopes: ['organization'] },
  'organization-28-day': { span: '28-day', content: 'aggregate', scopes: ['organization'] },
  'users-1-day': { span: '1-day', content: 'users', scopes: BOTH },
  'users-28-day': { span: '28-day', content: 'users', scopes: BOTH },
  'user-teams-1-day': { span: '1-day', content: 'user-teams', scopes: BOTH },
  'repos-1-day': { span: '1-day', content: 'repos', scopes: BOTH },
  seats: { span: 'snapshot', content: 'seats', scopes: BOTH },
};

export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

/** `report: all`: every usage-report kind of the scope, in catalogue order (not `seats`, which needs billing rights). */
export function usageReports(scope: Scope): ReportName[] {
  return REPORT_NAMES.filter((name) => REPORTS[name].scopes.includes(scope) && REPORTS[name].span !== 'snapshot');
}

/** The first day of data, as documented: per scope, and later for the newer report kinds. */
const SCOPE_FIRST_DAY: Record<Scope, string> = { enterprise: '2025-10-10', organization: '2025-12-12' };
const REPORT_FIRST_DAY: Partial<Record<ReportName, string>> = {
  'user-teams-1-day': '2026-05-14',
  'repos-1-day': '2026-07-17',
};

/** The first day GitHub has data for a report of a scope (before the one-year limit applies). */
export function firstDataDay(scope: Scope, report: ReportName): string {
  const kind = REPORT_FIRST_DAY[report];
  return kind && kind > SCOPE_FIRST_DAY[scope] ? kind : SCOPE_FIRST_DAY[scope];
}

/** The scope's own 28-day report: it exists for every entity whose metrics the token may read. */
export function entityReport(scope: Scope): ReportName {
  return scope === 'enterprise' ? 'enterprise-28-day' : 'organization-28-day';
}

export function isReportName(value: string): value is ReportName {
  return Object.hasOwn(REPORTS, value);
}

/** The content of a usage report, which an analyzer reads (seats have their own summary). */
export function usageContent(report: ReportName): ReportContent {
  const { content } = REPORTS[report];
  if (content === 'seats') throw new Error(`${report} is not a usage report.`);
  return content;
}

/** The Octokit route of a report, e.g. `GET /orgs/{org}/copilot/metrics/reports/users-1-day`. */
export function reportRoute(scope: Scope, report: ReportName): string {
  const owner = scope === 'enterprise' ? '/enterprises/{enterprise}' : '/orgs/{org}';
  if (report === 'seats') return `GET ${owner}/copilot/billing/seats`;
  const latest = REPORTS[report].span === '28-day' ? '/latest' : '';
  return `GET ${owner}/copilot/metrics/reports/${report}${latest}`;
}

/** The route parameter that carries the slug. */
export function slugParameter(scope: Scope): 'enterprise' | 'org' {
  return scope === 'enterprise' ? 'enterprise' : 'org';
}
