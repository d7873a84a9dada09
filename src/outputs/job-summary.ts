import * as core from '@actions/core';
import type { RunResult } from '../archive/archive-run.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { compactDays } from '../days.js';
import { formatBytes } from '../download/progress.js';
import type { RunSettings, Settings } from '../inputs/settings.js';
import type { Insights } from '../insights/analyzer.js';
import { dataBreakLines } from '../insights/data-breaks.js';
import { formatNumber } from '../insights/fields.js';
import { blocks, heading, table } from '../insights/markdown.js';
import { loginShower } from '../insights/pseudonymize.js';
import { periodName } from '../period.js';
import type { KindOutcome } from './set-outputs.js';

function artifactText(artifact: UploadedArtifact | undefined): string {
  if (!artifact) return 'not uploaded';
  return artifact.url ? `[${artifact.name}](${artifact.url})` : artifact.name;
}

const RESTATED_NOTE =
  'fetched again and changed since the archived copy; each manifest keeps the replaced copy as "previous"';

/** What was archived: one report, or the days of a range. */
function overview({ settings, result, artifact }: KindOutcome): string {
  const { range, archived, skipped, missing, pending, restated } = result;
  if (!range) {
    if (archived.length === 0) return `No report: ${missing[0].reason}`;
    const [period] = archived;
    return blocks(
      table(
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
      ),
      restated.length > 0 && `Restated: ${restated.join(', ')} (${RESTATED_NOTE}).`,
    );
  }
  return blocks(
    `${settings.report} from ${range.since} to ${range.until}: **${archived.length}** day(s) fetched, **${skipped.length}** skipped (already archived), **${missing.length}** missing, **${pending.length}** pending (not processed by GitHub yet), **${restated.length}** restated. Artifact: ${artifactText(artifact)}`,
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
    pending.length > 0 && `Pending: ${compactDays(pending)} (GitHub needs about two days after a day ends)`,
    restated.length > 0 && `Restated: ${compactDays(restated)} (${RESTATED_NOTE})`,
  );
}

/** The dated data breaks that the range, or the archived period, covers. */
function knownBreaks(result: RunResult): string {
  if (result.range) return dataBreakLines(result.range.since, result.range.until);
  const period = result.archived[0]?.report.period;
  return period ? dataBreakLines(period.start, period.end) : '';
}

/** What the records say, in Markdown; empty when they were not analysed. */
export function renderFigures(settings: Settings, insights: Insights | undefined): string {
  return (
    insights?.render({
      report: settings.report,
      topUsers: settings.insights.summaryTopUsers,
      login: loginShower(settings.insights.pseudonymizeKey),
      range: settings.target.kind === 'range' ? settings.target : undefined,
    }) ?? ''
  );
}

/** The job summary, in Markdown: a section per report kind, with what was fetched, skipped or missing, and what the records say. */
export async function writeSummary(settings: RunSettings, outcomes: KindOutcome[]): Promise<void> {
  const markdown = blocks(
    ...outcomes.map((outcome) =>
      blocks(
        heading(2, `Copilot usage metrics: ${outcome.settings.report} of ${settings.scope} ${settings.slug}`),
        overview(outcome),
        knownBreaks(outcome.result),
        outcome.figures,
      ),
    ),
  );
  await core.summary.addRaw(`${markdown}\n`).write();
}
