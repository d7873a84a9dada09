import * as core from '@actions/core';
import type { ArchivedPeriod } from '../archive/archive-period.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { formatBytes } from '../download/progress.js';
import { dayRecords, headline, type Headline } from '../insights/aggregate.js';
import { formatNumber, formatPercent } from '../insights/fields.js';
import { readRecords } from '../insights/read-records.js';
import { periodName } from '../period.js';
import { REPORTS, type ReportName } from '../reports.js';

export interface SummarySubject {
  scope: string;
  slug: string;
  report: ReportName;
}

function title(subject: SummarySubject): string {
  return `Copilot usage metrics: ${subject.report} of ${subject.scope} ${subject.slug}`;
}

async function readHeadline(archived: ArchivedPeriod): Promise<Headline> {
  const days: Record<string, unknown>[] = [];
  for await (const record of readRecords(archived.files).records) days.push(...dayRecords(record));
  return headline(days, archived.report.period.span);
}

function headlineTable(numbers: Headline): string[][] {
  return [
    [numbers.activeUsersLabel, formatNumber(numbers.activeUsers)],
    ['Interactions', formatNumber(numbers.interactions)],
    ['Code completions suggested', formatNumber(numbers.completionsSuggested)],
    ['Code completions accepted', formatNumber(numbers.completionsAccepted)],
    ['Acceptance rate', formatPercent(numbers.acceptanceRate)],
  ];
}

/** The job summary of a run that archived a report: what was fetched, and its headline. */
export async function writeArchiveSummary(
  subject: SummarySubject,
  archived: ArchivedPeriod,
  artifact: UploadedArtifact | undefined,
): Promise<void> {
  const { manifest } = archived;
  const artifactCell = artifact
    ? artifact.url
      ? `<a href="${artifact.url}">${artifact.name}</a>`
      : artifact.name
    : 'not uploaded';
  core.summary.addHeading(title(subject), 2).addTable([
    [
      { data: 'Report', header: true },
      { data: 'Period', header: true },
      { data: 'Parts', header: true },
      { data: 'Records', header: true },
      { data: 'Bytes', header: true },
      { data: 'Artifact', header: true },
    ],
    [
      subject.report,
      periodName(archived.report.period),
      String(manifest.files.length),
      formatNumber(manifest.records),
      formatBytes(manifest.bytes),
      artifactCell,
    ],
  ]);
  if (REPORTS[subject.report].content === 'aggregate') {
    const rows = headlineTable(await readHeadline(archived));
    core.summary.addHeading('Headline', 3).addTable([
      [
        { data: 'Metric', header: true },
        { data: 'Value', header: true },
      ],
      ...rows,
    ]);
  }
  await core.summary.write();
}

/** The job summary of a run that found no report. */
export async function writeNoReportSummary(subject: SummarySubject, reason: string): Promise<void> {
  await core.summary.addHeading(title(subject), 2).addRaw(`No report: ${reason}`, true).write();
}
