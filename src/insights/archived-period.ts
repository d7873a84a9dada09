/**
 * The figures of a period already archived on disk (a day skipped by `skip-existing`), read
 * from its parts as listed in its manifest, so that a range's summary covers every day of the
 * range at no API cost. Only for aggregate reports: one small record per day.
 */
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import type { Manifest } from '../archive/manifest.js';
import { REPORTS, usageContent, type ReportName } from '../reports.js';
import type { AnalyzerOptions } from './analyzer.js';
import { ANALYZERS } from './analyzers.js';
import { MAX_RECORD_BYTES } from '../tuning.js';
import { LineSplitter } from './line-splitter.js';
import { parseRecord } from './part-analysis.js';
import type { PeriodInsights } from './period-analysis.js';
import { newDrift } from './schema.js';

export const readsArchived = (report: ReportName): boolean => REPORTS[report].content === 'aggregate';

/** `manifest` is the folder's, already checked (its file names are plain names in the folder). */
export async function archivedInsights(
  folder: string,
  manifest: Manifest,
  report: ReportName,
  options: AnalyzerOptions,
): Promise<PeriodInsights> {
  const analyzer = ANALYZERS[usageContent(report)];
  const state = analyzer.create(options);
  const splitter = new LineSplitter((line) => {
    const record = line.trim() ? parseRecord(line) : undefined;
    if (record) analyzer.add(state, record);
  }, MAX_RECORD_BYTES);
  for (const file of manifest.files) {
    for await (const chunk of createReadStream(path.join(folder, file.name))) splitter.push(chunk as Buffer);
    splitter.end();
  }
  // Invalid lines and schema drift were reported when the day was fetched.
  return { state, drift: newDrift(), invalid: new Map(), oversized: new Map() };
}
