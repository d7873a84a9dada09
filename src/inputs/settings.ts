import type { ReportName, Scope } from '../reports.js';

/** What the step does when the report does not exist. */
export type NoReportPolicy = 'error' | 'warn' | 'ignore';

/** Which report period(s) to fetch. */
export type Target =
  /** One given 1-day report. */
  | { kind: 'day'; day: string }
  /** The newest 1-day report, probing back from yesterday. */
  | { kind: 'latest-day' }
  /** The 28-day report, which the API only serves as `/latest`. */
  | { kind: 'latest-28-day' }
  /** Every 1-day report from `since` to `until`, both included. */
  | { kind: 'range'; since: string; until: string }
  /** The state on the day of the fetch (`seats`). */
  | { kind: 'snapshot' };

/** A target that names one report of the usage-metrics API. */
export type SingleTarget = Exclude<Target, { kind: 'range' | 'snapshot' }>;

/** Range mode: which days already archived may be skipped. */
export interface SkipSettings {
  /** Skip days whose manifest and files are already under `path` and intact. */
  skipExisting: boolean;
  /** The newest days (counting back from the newest day that has a report) fetched again anyway: GitHub restates them. */
  refreshDays: number;
}

/** One report kind of the run, and which of its periods to fetch. */
export interface KindRequest {
  report: ReportName;
  target: Target;
}

export interface ArtifactSettings {
  /** Upload the files as a workflow artifact at all. */
  enabled: boolean;
  /** Artifact name; `{scope}`, `{slug}`, `{report}` and `{period}` are filled in. */
  nameTemplate: string;
  /** Days to keep the artifact; undefined keeps the repository's default. */
  retentionDays: number | undefined;
  /** Zip compression level, 0 (none) to 9 (best). */
  compressionLevel: number;
  /** Delete a same-named artifact of this run before uploading. */
  overwrite: boolean;
  /** Include the raw parts; false uploads only the manifests and the derived files. */
  raw: boolean;
}

/** What is computed from the records besides the archive itself. */
export interface InsightSettings {
  /** Rows of the summary's top-users table; 0 shows no login at all. */
  summaryTopUsers: number;
  /** Write part-NNN.csv beside each users, user-teams and repos part. */
  csv: boolean;
  /** With users-1-day: fetch that day's user-teams-1-day too, and write teams.ndjson and teams.csv. */
  teamRollup: boolean;
  /** A secret: derived files and the summary show logins as HMAC-SHA256 pseudonyms. */
  pseudonymizeKey: string | undefined;
}

/** Every input, parsed and validated once; nothing reads `core.getInput` after this. */
export interface RunSettings {
  /** Token that may read the reports; registered as a secret before anything is logged. */
  token: string;
  scope: Scope;
  /** Enterprise slug or organization login, lower-cased. */
  slug: string;
  /** The report kinds asked for, in order, each with its target (one step per kind would do the same). */
  kinds: KindRequest[];
  skip: SkipSettings;
  /** Absolute root folder of the archive. */
  root: string;
  artifact: ArtifactSettings;
  ifNoReport: NoReportPolicy;
  /** REST API root without a trailing slash. */
  apiUrl: string;
  /** Sent as `X-GitHub-Api-Version`. */
  apiVersion: string;
  /** Write a job summary. */
  jobSummary: boolean;
  insights: InsightSettings;
}

/** The settings of one report kind of the run: what one step per kind would have. */
export type Settings = Omit<RunSettings, 'kinds'> & KindRequest;

export function kindSettings(run: RunSettings, kind: KindRequest): Settings {
  // The team rollup is built from a users report; the other kinds of a list go without it.
  const teamRollup = run.insights.teamRollup && (kind.report === 'users-1-day' || kind.report === 'users-28-day');
  const { scope, slug, token, skip, root, artifact, ifNoReport, apiUrl, apiVersion, jobSummary } = run;
  const shared = { scope, slug, token, skip, root, artifact, ifNoReport, apiUrl, apiVersion, jobSummary };
  return { ...shared, ...kind, insights: { ...run.insights, teamRollup } };
}
