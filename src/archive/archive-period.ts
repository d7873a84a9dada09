import * as core from '@actions/core';
import * as path from 'node:path';
import { now } from '../clock.js';
import { downloadParts, type DownloadContext } from '../download/download-parts.js';
import { formatBytes } from '../download/progress.js';
import { SignedLinks } from '../download/signed-links.js';
import type { PeriodAnalysis, PeriodInsights } from '../insights/period-analysis.js';
import { periodName } from '../period.js';
import type { ReportLinks } from '../request/fetch-report.js';
import { LINK_REFRESHES, MAX_RECORD_BYTES } from '../tuning.js';
import { periodFolder, type ReportLocation } from './layout.js';
import {
  MANIFEST_NAME,
  buildManifest,
  replacedCopy,
  writeManifest,
  type Manifest,
  type ManifestSubject,
} from './manifest.js';
import { StagedFolder } from './staged-folder.js';
import { checkArchive } from './verify-archive.js';

/** One period written to disk, complete with its manifest. */
export interface ArchivedPeriod {
  report: ReportLinks;
  /** Absolute folder of the period. */
  dir: string;
  /** Absolute paths of the raw parts, in API order. */
  files: string[];
  /** Absolute paths of the derived files (CSVs, team rollup). */
  derived: string[];
  manifestPath: string;
  manifest: Manifest;
  /** The figures of its records, when an analysis ran. */
  insights?: PeriodInsights;
  /** It replaced a complete archived copy whose content differs: GitHub restated the day. */
  restated: boolean;
}

/**
 * Downloads every part of a report into a staging folder, analysing the records on the way
 * when asked to, writes the derived files and then the manifest, and only then moves the
 * period into place. On failure nothing of this run is left on disk.
 */
export async function archivePeriod(
  found: ReportLinks,
  fetchFreshLinks: () => Promise<string[]>,
  location: ReportLocation & ManifestSubject,
  context: DownloadContext,
  analyze?: (folder: string) => PeriodAnalysis,
): Promise<ArchivedPeriod> {
  const target = periodFolder(location, found.period);
  const { period } = found;
  // Locked, with any complete leftover copy put back: only then is the archived copy read.
  const staged = await StagedFolder.create(target, location.root);
  const analysis = analyze?.(staged.dir);
  try {
    // A day fetched again over a complete copy: compared after the download, to catch restatements.
    const old = period.span === '1-day' ? (await checkArchive(target, period.start)).manifest : undefined;
    const links = new SignedLinks(found.links, fetchFreshLinks, LINK_REFRESHES);
    core.info(`${periodName(found.period)}: downloading ${found.links.length} file(s).`);
    const parts = await downloadParts(links, found.links.length, staged.dir, context, analysis);
    const { derived, insights } = analysis ? await analysis.finish(parts) : { derived: [] };
    for (const [part, lines] of insights?.invalid ?? []) {
      core.warning(
        `${periodName(found.period)} ${part}: ${lines} line(s) are not valid JSON records; they stay in the raw file and are left out of the summary and the CSV.`,
      );
    }
    for (const [part, lines] of insights?.oversized ?? []) {
      core.warning(
        `${periodName(found.period)} ${part}: ${lines} line(s) are longer than ${formatBytes(MAX_RECORD_BYTES)}, the most a record may hold; they stay in the raw file and are left out of the summary and the CSV.`,
      );
    }
    const replaced = old && replacedCopy(old, parts);
    // An unchanged copy keeps the record of the last restatement.
    const manifest = buildManifest(location, found.period, parts, derived, now(), replaced ?? old?.previous);
    await writeManifest(staged.dir, manifest);
    await staged.commit();
    if (replaced) {
      core.notice(
        `${periodName(period)}: restated by GitHub: the new copy differs from the one fetched at ${replaced.fetched_at}, which the manifest keeps as "previous".`,
      );
    }
    core.info(
      `${periodName(found.period)}: ${parts.length} file(s), ${manifest.records} records, ${formatBytes(manifest.bytes)} in ${target}`,
    );
    return {
      report: { links: links.all(), period: found.period },
      dir: target,
      files: parts.map((part) => path.join(target, part.name)),
      derived: derived.map((file) => path.join(target, file.name)),
      manifestPath: path.join(target, MANIFEST_NAME),
      manifest,
      insights,
      restated: replaced !== undefined,
    };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
