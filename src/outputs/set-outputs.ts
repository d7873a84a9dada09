import * as core from '@actions/core';
import type { RunResult } from '../archive/archive-run.js';
import { reportFolder } from '../archive/layout.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { Outputs } from '../inputs/constants.js';
import type { Settings } from '../inputs/settings.js';

export type OutputValues = Record<Outputs, string>;

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Every output of a run. Lists are JSON, for `fromJSON`. In range mode the period is the
 * range, `path` is the report's folder, and the files and totals cover the days downloaded now.
 */
export function runOutputs(
  settings: Settings,
  result: RunResult,
  artifact: UploadedArtifact | undefined,
): OutputValues {
  const { archived, range } = result;
  const single = range ? undefined : archived[0];
  const period = single?.report.period;
  return {
    [Outputs.Found]: String(archived.length > 0),
    [Outputs.ReportDay]: period?.span === '1-day' ? period.start : '',
    [Outputs.ReportStartDay]: range?.since ?? period?.start ?? '',
    [Outputs.ReportEndDay]: range?.until ?? period?.end ?? '',
    [Outputs.DownloadLinks]: archived.length ? JSON.stringify(archived.flatMap((a) => a.report.links)) : '',
    [Outputs.Path]: range ? reportFolder(settings) : (single?.dir ?? ''),
    [Outputs.Files]: archived.length ? JSON.stringify(archived.flatMap((a) => a.files)) : '',
    [Outputs.Manifest]: single?.manifestPath ?? '',
    [Outputs.RecordCount]: archived.length ? String(sum(archived.map((a) => a.manifest.records))) : '',
    [Outputs.Bytes]: archived.length ? String(sum(archived.map((a) => a.manifest.bytes))) : '',
    [Outputs.ArtifactId]: artifact ? String(artifact.id) : '',
    [Outputs.ArtifactName]: artifact?.name ?? '',
    [Outputs.ArtifactUrl]: artifact?.url ?? '',
    [Outputs.ArtifactDigest]: artifact?.digest ?? '',
    [Outputs.Days]: range ? JSON.stringify(archived.map((a) => a.report.period.start)) : '',
    [Outputs.MissingDays]: range ? JSON.stringify(result.missing.map((m) => m.day)) : '',
    [Outputs.SkippedDays]: range ? JSON.stringify(result.skipped) : '',
  };
}

/** What `if-no-report` reports: the reason, or for a range the days that had no report. */
export function noReportMessage(settings: Settings, result: RunResult): string {
  if (!result.range) return result.missing[0].reason;
  const days = result.missing.map((m) => m.day).join(', ');
  return `No ${settings.report} report for ${result.missing.length} day(s) of ${result.range.since} to ${result.range.until}: ${days}. ${result.missing[0].reason}`;
}

/** Sets every output in one place. */
export function setOutputs(values: OutputValues): void {
  for (const name of Object.values(Outputs)) core.setOutput(name, values[name]);
}
