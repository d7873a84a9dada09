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
  | { kind: 'latest-28-day' };

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
}

/** Every input, parsed and validated once; nothing reads `core.getInput` after this. */
export interface Settings {
  /** Token that may read the reports; registered as a secret before anything is logged. */
  token: string;
  scope: Scope;
  /** Enterprise slug or organization login, lower-cased. */
  slug: string;
  report: ReportName;
  target: Target;
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
}
