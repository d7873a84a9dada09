/** Input names, exactly as declared in action.yml. */
export enum Inputs {
  Token = 'token',
  Scope = 'scope',
  Slug = 'slug',
  Report = 'report',
  Day = 'day',
  Since = 'since',
  Until = 'until',
  SkipExisting = 'skip-existing',
  RefreshDays = 'refresh-days',
  Path = 'path',
  UploadArtifact = 'upload-artifact',
  ArtifactName = 'artifact-name',
  RetentionDays = 'retention-days',
  CompressionLevel = 'compression-level',
  Overwrite = 'overwrite',
  IfNoReport = 'if-no-report',
  ApiUrl = 'api-url',
  ApiVersion = 'api-version',
  JobSummary = 'job-summary',
  SummaryTopUsers = 'summary-top-users',
  Csv = 'csv',
  TeamRollup = 'team-rollup',
  PseudonymizeKey = 'pseudonymize-key',
  Raw = 'raw',
}

/**
 * Defaults, used when an input is empty. They match action.yml, so a run outside the
 * runner (which fills in action.yml's defaults) behaves the same; a test checks they agree.
 */
export const Defaults = {
  [Inputs.Day]: 'latest',
  [Inputs.SkipExisting]: 'false',
  [Inputs.RefreshDays]: '3',
  [Inputs.Path]: 'copilot-metrics',
  [Inputs.UploadArtifact]: 'true',
  [Inputs.ArtifactName]: 'copilot-metrics-{scope}-{slug}-{report}-{period}',
  [Inputs.RetentionDays]: '0',
  [Inputs.CompressionLevel]: '6',
  [Inputs.Overwrite]: 'false',
  [Inputs.IfNoReport]: 'error',
  [Inputs.ApiVersion]: '2026-03-10',
  [Inputs.JobSummary]: 'true',
  [Inputs.SummaryTopUsers]: '0',
  [Inputs.Csv]: 'false',
  [Inputs.TeamRollup]: 'false',
  [Inputs.Raw]: 'true',
} as const satisfies Partial<Record<Inputs, string>>;

/** Output names, exactly as declared in action.yml. */
export enum Outputs {
  Found = 'found',
  ReportDay = 'report-day',
  ReportStartDay = 'report-start-day',
  ReportEndDay = 'report-end-day',
  DownloadLinks = 'download-links',
  Path = 'path',
  Files = 'files',
  Manifest = 'manifest',
  RecordCount = 'record-count',
  Bytes = 'bytes',
  ArtifactId = 'artifact-id',
  ArtifactName = 'artifact-name',
  ArtifactUrl = 'artifact-url',
  ArtifactDigest = 'artifact-digest',
  Days = 'days',
  MissingDays = 'missing-days',
  PendingDays = 'pending-days',
  RestatedDays = 'restated-days',
  SkippedDays = 'skipped-days',
  Reports = 'reports',
}
