import * as core from '@actions/core';
import * as path from 'node:path';
import type { RunResult } from '../archive/archive-run.js';
import { reportFolder } from '../archive/layout.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { Outputs } from '../inputs/constants.js';
import type { RunSettings, Settings } from '../inputs/settings.js';

/** One report kind of the run: what one step per kind would have produced. */
export interface KindOutcome {
  settings: Settings;
  result: RunResult;
  artifact: UploadedArtifact | undefined;
  /** The summary's figures in Markdown ('' when there is no summary). */
  figures: string;
}

export type OutputValues = Record<Outputs, string>;

/** A kind's outputs as typed JSON: the value of `reports[kind]`. */
export type KindOutputs = Record<string, boolean | number | string | string[] | null>;

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** The day lists of a range; undefined outside range mode. */
function dayLists({ result }: KindOutcome): Record<string, string[]> | undefined {
  if (!result.range) return undefined;
  return {
    [Outputs.Days]: result.archived.map((a) => a.report.period.start),
    [Outputs.MissingDays]: result.missing.map((m) => m.day!),
    [Outputs.PendingDays]: result.pending,
    [Outputs.RestatedDays]: result.restated,
    [Outputs.SkippedDays]: result.skipped,
  };
}

/**
 * One kind's outputs. In range mode the period is the range, `path` is the report's folder, and
 * the files and totals cover the days downloaded now.
 */
export function kindOutputs(outcome: KindOutcome): KindOutputs {
  const { settings, result, artifact } = outcome;
  const { archived, range } = result;
  const single = range ? undefined : archived[0];
  const period = single?.report.period;
  return {
    [Outputs.Found]: archived.length > 0,
    [Outputs.ReportStartDay]: range?.since ?? period?.start ?? '',
    [Outputs.ReportEndDay]: range?.until ?? period?.end ?? '',
    [Outputs.Path]: range ? reportFolder(settings) : (single?.dir ?? ''),
    [Outputs.Files]: archived.flatMap((a) => a.files),
    [Outputs.Manifest]: single?.manifestPath ?? '',
    [Outputs.RecordCount]: sum(archived.map((a) => a.manifest.records)),
    [Outputs.Bytes]: sum(archived.map((a) => a.manifest.bytes)),
    [Outputs.ArtifactId]: artifact ? artifact.id : null,
    [Outputs.ArtifactName]: artifact?.name ?? '',
    [Outputs.ArtifactUrl]: artifact?.url ?? '',
    [Outputs.ArtifactDigest]: artifact?.digest ?? '',
    ...dayLists(outcome),
  };
}

/** The sorted union of one day list over the kinds. */
function unionOf(outcomes: KindOutcome[], pick: (result: RunResult) => string[]): string[] {
  return [...new Set(outcomes.flatMap((outcome) => pick(outcome.result)))].sort();
}

const rangeOnly = (pick: (result: RunResult) => string[]) => (result: RunResult) => (result.range ? pick(result) : []);

/**
 * Every output of a run. Lists are JSON arrays (`[]` when empty), for `fromJSON`. With one kind
 * they are that kind's; with several, the totals and lists cover every kind, and the outputs
 * that cannot cover several (`report-day`, `manifest`, `artifact-*`) are empty.
 */
export function runOutputs(settings: RunSettings, outcomes: KindOutcome[]): OutputValues {
  const each = outcomes.map(kindOutputs);
  const one = settings.kinds.length === 1 ? each[0] : undefined;
  const ofOne = (name: Outputs): string => (one?.[name] == null ? '' : String(one[name]));
  const archived = outcomes.flatMap((outcome) => outcome.result.archived);
  const single = one && !outcomes[0].result.range ? archived[0] : undefined;
  const found = each.filter((kind) => kind[Outputs.Found]);
  const days = (name: Outputs): string[] => found.map((kind) => String(kind[name])).sort();
  return {
    [Outputs.Found]: String(found.length > 0),
    [Outputs.ReportDay]: single?.report.period.span === '1-day' ? single.report.period.start : '',
    [Outputs.ReportStartDay]: one ? ofOne(Outputs.ReportStartDay) : (days(Outputs.ReportStartDay)[0] ?? ''),
    [Outputs.ReportEndDay]: one ? ofOne(Outputs.ReportEndDay) : (days(Outputs.ReportEndDay).at(-1) ?? ''),
    [Outputs.DownloadLinks]: JSON.stringify(archived.flatMap((a) => a.report.links)),
    [Outputs.Path]: one ? ofOne(Outputs.Path) : path.join(settings.root, settings.scope, settings.slug),
    [Outputs.Files]: JSON.stringify(archived.flatMap((a) => a.files)),
    [Outputs.Manifest]: ofOne(Outputs.Manifest),
    [Outputs.RecordCount]: archived.length ? String(sum(archived.map((a) => a.manifest.records))) : '',
    [Outputs.Bytes]: archived.length ? String(sum(archived.map((a) => a.manifest.bytes))) : '',
    [Outputs.ArtifactId]: ofOne(Outputs.ArtifactId),
    [Outputs.ArtifactName]: ofOne(Outputs.ArtifactName),
    [Outputs.ArtifactUrl]: ofOne(Outputs.ArtifactUrl),
    [Outputs.ArtifactDigest]: ofOne(Outputs.ArtifactDigest),
    [Outputs.Days]: JSON.stringify(
      unionOf(
        outcomes,
        rangeOnly((r) => r.archived.map((a) => a.report.period.start)),
      ),
    ),
    [Outputs.MissingDays]: JSON.stringify(
      unionOf(
        outcomes,
        rangeOnly((r) => r.missing.map((m) => m.day!)),
      ),
    ),
    [Outputs.PendingDays]: JSON.stringify(unionOf(outcomes, (r) => r.pending)),
    [Outputs.RestatedDays]: JSON.stringify(unionOf(outcomes, (r) => r.restated)),
    [Outputs.SkippedDays]: JSON.stringify(unionOf(outcomes, (r) => r.skipped)),
    [Outputs.Reports]: JSON.stringify(Object.fromEntries(outcomes.map((o, i) => [o.settings.report, each[i]]))),
  };
}

/** What `if-no-report` reports for a kind: the reason, or for a range the days that had no report. */
export function noReportMessage({ settings, result }: KindOutcome): string {
  if (!result.range) return result.missing[0].reason;
  const days = result.missing.map((m) => m.day).join(', ');
  return `No ${settings.report} report for ${result.missing.length} day(s) of ${result.range.since} to ${result.range.until}: ${days}. ${result.missing[0].reason}`;
}

/** Sets every output in one place. */
export function setOutputs(values: OutputValues): void {
  for (const name of Object.values(Outputs)) core.setOutput(name, values[name]);
}
