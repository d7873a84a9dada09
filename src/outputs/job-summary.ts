import * as core from '@actions/core';
import type { ArchivedPeriod } from '../archive/archive-period.js';
import type { RunResult } from '../archive/archive-run.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { addDays } from '../days.js';
import { formatBytes } from '../download/progress.js';
import type { Settings } from '../inputs/settings.js';
import { dayRecords, headline, type Headline } from '../insights/aggregate.js';
import { formatNumber, formatPercent } from '../insights/fields.js';
import { readRecords } from '../insights/read-records.js';
import { periodName } from '../period.js';
import { REPORTS } from '../reports.js';

type Summary = typeof core.summary;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function header(...cells: string[]) {
  return cells.map((data) => ({ data, header: true }));
}

function artifactCell(artifact: UploadedArtifact | undefined): string {
  if (!artifact) return 'not uploaded';
  const name = escapeHtml(artifact.name);
  return artifact.url ? `<a href="${escapeHtml(artifact.url)}">${name}</a>` : name;
}

/** Days as runs: `2026-01-01 – 2026-01-31 (31 days), 2026-02-03`. */
export function compactDays(days: string[]): string {
  const runs: string[][] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === day) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run.at(-1)} (${run.length} days)`))
    .join(', ');
}

async function readHeadline(archived: ArchivedPeriod): Promise<Headline> {
  const days: Record<string, unknown>[] = [];
  for await (const record of readRecords(archived.files).records) days.push(...dayRecords(record));
  return headline(days, archived.report.period.span);
}

async function addHeadline(summary: Summary, archived: ArchivedPeriod): Promise<void> {
  const numbers = await readHeadline(archived);
  summary
    .addHeading('Headline', 3)
    .addTable([
      header('Metric', 'Value'),
      [numbers.activeUsersLabel, formatNumber(numbers.activeUsers)],
      ['Interactions', formatNumber(numbers.interactions)],
      ['Code completions suggested', formatNumber(numbers.completionsSuggested)],
      ['Code completions accepted', formatNumber(numbers.completionsAccepted)],
      ['Acceptance rate', formatPercent(numbers.acceptanceRate)],
    ]);
}

async function addSingle(
  summary: Summary,
  settings: Settings,
  archived: ArchivedPeriod,
  artifact?: UploadedArtifact,
) {
  const { manifest } = archived;
  summary.addTable([
    header('Report', 'Period', 'Parts', 'Records', 'Bytes', 'Artifact'),
    [
      settings.report,
      periodName(archived.report.period),
      String(manifest.files.length),
      formatNumber(manifest.records),
      formatBytes(manifest.bytes),
      artifactCell(artifact),
    ],
  ]);
  if (REPORTS[settings.report].content === 'aggregate') await addHeadline(summary, archived);
}

function addRange(
  summary: Summary,
  settings: Settings,
  result: RunResult,
  artifact?: UploadedArtifact,
): void {
  const { range, archived, skipped, missing } = result;
  summary.addRaw(
    `<p>${settings.report} from ${range!.since} to ${range!.until}: <b>${archived.length}</b> day(s) fetched, <b>${skipped.length}</b> skipped (already archived), <b>${missing.length}</b> missing. Artifact: ${artifactCell(artifact)}</p>`,
    true,
  );
  if (archived.length > 0) {
    summary.addTable([
      header('Day', 'Parts', 'Records', 'Bytes'),
      ...archived.map((a) => [
        a.report.period.start,
        String(a.manifest.files.length),
        formatNumber(a.manifest.records),
        formatBytes(a.manifest.bytes),
      ]),
    ]);
  }
  if (skipped.length > 0) summary.addRaw(`<p>Skipped: ${compactDays(skipped)}</p>`, true);
  if (missing.length > 0)
    summary.addRaw(`<p>Missing: ${compactDays(missing.map((m) => m.day!))}</p>`, true);
}

/** The job summary: what was fetched, what was skipped or missing, and the headline figures. */
export async function writeSummary(
  settings: Settings,
  result: RunResult,
  artifact?: UploadedArtifact,
): Promise<void> {
  const summary = core.summary.addHeading(
    `Copilot usage metrics: ${settings.report} of ${settings.scope} ${escapeHtml(settings.slug)}`,
    2,
  );
  if (result.range) addRange(summary, settings, result, artifact);
  else if (result.archived.length > 0)
    await addSingle(summary, settings, result.archived[0], artifact);
  else summary.addRaw(`<p>No report: ${escapeHtml(result.missing[0].reason)}</p>`, true);
  await summary.write();
}
