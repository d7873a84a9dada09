import type { ReportName } from '../reports.js';
import type { Row } from './fields.js';

export interface RenderContext {
  report: ReportName;
  /** Rows of the top-users table; 0 shows no login at all. */
  topUsers: number;
  /** A login as the summary may show it: pseudonymized when a key is set. */
  login: (login: string) => string;
  /** Range mode: every day asked for, so that a day without a value can be named. */
  range?: { since: string; until: string };
}

/** A run's figures as the summary reads them: a usage report's (RunInsights) or the seats'. */
export interface Insights {
  /** The summary section, in Markdown. */
  render(context: RenderContext): string;
  /** Warns, once per run, about fields and features this action does not know. */
  warnDrift(): void;
}

/**
 * The figures of one kind of report, computed record by record. Each part gets its own state
 * (a retried part starts over); the states of all parts, and of all days of a range, are
 * merged before rendering. States hold no more than a few numbers per user, team or repository.
 */
export interface AnalyzerOptions {
  /** Keep logins, for a top-users table (the users report only). */
  keepLogins: boolean;
  /**
   * Each row is a different user, as in one users-1-day report (one row per user per day):
   * rows need no merging by user. False for 28-day reports and ranges of days.
   */
  rowsAreUsers: boolean;
}

export interface Analyzer<State> {
  create(options: AnalyzerOptions): State;
  add(state: State, record: Row): void;
  merge(into: State, from: State): void;
  /** The summary section, in Markdown. */
  render(state: State, context: RenderContext): string;
}
