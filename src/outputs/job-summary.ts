import * as core from '@actions/core';
import type { RunResult } from '../archive/archive-run.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { addDays } from '../days.js';
import { formatBytes } from '../download/progress.js';
import type { Settings } from '../inputs/settings.js';
import type { Insights } from '../insights/analyzer.js';
import { formatNumber } from '../insights/fields.js';
import { blocks, heading, table } from '../insights/markdown.js';
import { loginShower } from '../insights/pseudonymize.js';
import { periodName } from '../period.js';

function artifactText(artifact: UploadedArtifact | undefined): string {
  if (!artifact) return 'not uploaded';
  return artifact.url ? `[${artifact.name}](${artifact.url})` : artifact.name;
}

/** Days as runs: `2026-01-01 – 2026-01-31 (31 days), 2026-02-03`. */
function compactDays(days: string[]): string {
  const runs: string[][] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === day) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run.at(-1)} (${run.length} days)`)).join(', ');
}

/** What was archived: one report, or the days of a range. */
function overview(settings: Settings, result: RunResult, artifact?: UploadedArtifact): string {
  const { range, archived, skipped, missing } = result;
  if (!range) {
    if (archived.length === 0) return `No report: ${missing[0].reason}`;
    const [period] = archived;
    return table(
      ['Report', 'Period', 'Parts', 'Records', 'Bytes', 'Artifact'],
      [
        [
          settings.report,
          periodName(period.report.period),
          String(period.manifest.files.length),
          formatNumber(period.manifest.records),
          formatBytes(period.manifest.bytes),
          artifactText(artifact),
        ],
      ],
    );
  }
  return blocks(
    `${settings.report} from ${range.since} to ${range.until}: **${archived.length}** day(s) fetched, **${skipped.length}** skipped (already archived), **${missing.length}** missing. Artifact: ${artifactText(artifact)}`,
    archived.length > 0 &&
      table(
        ['Day', 'Parts', 'Records', 'Bytes'],
        archived.map((a) => [
          a.report.period.start,
          String(a.manifest.files.length),
          formatNumber(a.manifest.records),
          formatBytes(a.manifest.bytes),
        ]),
      ),
    skipped.length > 0 && `Skipped: ${compactDays(skipped)}`,
    missing.length > 0 && `Missing: ${compactDays(missing.map((m) => m.day!))}`,
  );
}

/** What the records say, in Markdown; empty when they were not analysed. */
export function renderFigures(settings: Settings, insights: Insights | undefined): string {
  return (
    insights?.render({
      report: settings.report,
      topUsers: settings.insights.summaryTopUsers,
      login: loginShower(settings.insights.pseudonymizeKey),
    }) ?? ''
  );
}

/** The job summary, in Markdown: what was fetched, skipped or missing, and what the records say. */
export async function writeSummary(
  settings: Settings,
  result: RunResult,
  figures: string,
  artifact?: UploadedArtifact,
): Promise<void> {
  const markdown = blocks(
    heading(2, `Copilot usage metrics: ${settings.report} of ${settings.scope} ${settings.slug}`),
    overview(settings, result, artifact),
    figures,
  );
  await core.summary.addRaw(`${markdown}\n`).write();
}
