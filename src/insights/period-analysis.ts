import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DerivedFile } from '../archive/manifest.js';
import type { FileStats } from '../download/download-file.js';
import type { DownloadedPart, PartsAnalysis } from '../download/download-parts.js';
import { usageContent, type ReportContent, type ReportName } from '../reports.js';
import type { Analyzer, AnalyzerOptions } from './analyzer.js';
import { ANALYZERS } from './analyzers.js';
import { CsvWriter, csvColumns, csvLine, type CsvContent } from './csv.js';
import { LineSplitter } from './line-splitter.js';
import { parseRecord, type PartOptions, type PartResult } from './part-analysis.js';
import { loginShower } from './pseudonymize.js';
import { mergeDrift, newDrift, type Drift } from './schema.js';
import {
  TEAM_COLUMNS,
  mergeRollup,
  newRollup,
  rollupRows,
  type RollupState,
  type TeamDirectory,
} from './team-rollup.js';

export interface AnalysisOptions {
  report: ReportName;
  analyzer: AnalyzerOptions;
  /** Write part-NNN.csv beside each part (users, user-teams and repos reports). */
  csv: boolean;
  /** Derived files and the summary show logins as pseudonyms with this key. */
  pseudonymizeKey?: string;
  /** With the team rollup: the same day's teams, and the user-teams files they came from. */
  teams?: { directory: TeamDirectory; sources: string[] };
}

/** What a period's records gave: figures to merge into the run's, and what needs a warning. */
export interface PeriodInsights {
  state: unknown;
  drift: Drift;
  /** Lines that were not JSON objects, per part name. */
  invalid: Map<string, number>;
}

/**
 * Everything computed from a period's records besides the archive: the summary figures, the
 * CSVs and the team rollup. Each part is analysed in a worker thread while it downloads
 * (`partOptions` says how); `finish` merges the parts and writes the remaining files.
 */
export class PeriodAnalysis implements PartsAnalysis {
  private readonly content: ReportContent;
  private readonly analyzer: Analyzer<unknown>;
  /** The parts merged so far: each part's figures are merged as soon as it completes. */
  private state: unknown;
  private readonly drift = newDrift();
  private readonly rollup = newRollup();
  private readonly invalid = new Map<string, number>();
  private readonly csvs = new Map<string, FileStats>();
  private readonly extra = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly options: AnalysisOptions,
  ) {
    this.content = usageContent(options.report);
    this.analyzer = ANALYZERS[this.content];
  }

  /** How the worker analyses a part: which figures, and where its CSV goes. */
  partOptions(partName: string): PartOptions {
    const { report, analyzer, csv, pseudonymizeKey, teams } = this.options;
    const csvFile =
      csv && this.content !== 'aggregate' ? path.join(this.folder, partName.replace(/\.ndjson$/, '.csv')) : undefined;
    return { report, analyzer, csvFile, pseudonymizeKey, teams: teams?.directory };
  }

  add(partName: string, result: PartResult): void {
    // The first part's state takes in the others: no copy of a large state.
    if (this.state === undefined) this.state = result.state;
    else this.analyzer.merge(this.state, result.state);
    mergeDrift(this.drift, result.drift);
    mergeRollup(this.rollup, result.rollup);
    if (result.invalid > 0) this.invalid.set(partName, result.invalid);
    if (result.csv) {
      this.csvs.set(partName, result.csv);
      result.csv.extra.forEach((field) => this.extra.add(field));
    }
  }

  /** Writes the remaining derived files, and lists all of them for the manifest. */
  async finish(parts: DownloadedPart[], day: string): Promise<{ derived: DerivedFile[]; insights: PeriodInsights }> {
    const derived: DerivedFile[] = [];
    for (const part of parts) {
      const written = this.csvs.get(part.name);
      if (!written) continue;
      const name = part.name.replace(/\.ndjson$/, '.csv');
      const stats = this.extra.size > 0 ? await this.rewriteCsv(part.name, name, [...this.extra].sort()) : written;
      derived.push({ name, bytes: stats.bytes, sha256: stats.sha256, records: stats.records, from: [part.name] });
    }
    if (this.options.teams) derived.push(...(await this.writeRollup(this.rollup, parts, day)));
    const invalid = new Map([...this.invalid].sort(([a], [b]) => a.localeCompare(b)));
    const state = this.state ?? this.analyzer.create(this.options.analyzer);
    return { derived, insights: { state, drift: this.drift, invalid } };
  }

  /** A new plain field arrived: the CSV is written again with a column for it. */
  private async rewriteCsv(part: string, name: string, extra: string[]) {
    const columns = [...csvColumns(this.content as CsvContent), ...extra];
    const writer = new CsvWriter(path.join(this.folder, name), columns, loginShower(this.options.pseudonymizeKey));
    let waits: Promise<void>[] = [];
    const splitter = new LineSplitter((line) => {
      const record = parseRecord(line);
      const busy = record && writer.row(record);
      if (busy) waits.push(busy);
    });
    for await (const chunk of createReadStream(path.join(this.folder, part))) {
      splitter.push(chunk as Buffer);
      await Promise.all(waits);
      waits = [];
    }
    splitter.end();
    return writer.close();
  }

  private async writeRollup(rollup: RollupState, parts: DownloadedPart[], day: string): Promise<DerivedFile[]> {
    const teams = this.options.teams!;
    const rows = rollupRows(rollup, teams.directory, day);
    const from = [...parts.map((part) => part.name), ...teams.sources];
    const files: [string, string][] = [
      ['teams.ndjson', rows.map((row) => `${JSON.stringify(row)}\n`).join('')],
      [
        'teams.csv',
        [TEAM_COLUMNS, ...rows.map((row) => TEAM_COLUMNS.map((column) => row[column]))].map(csvLine).join(''),
      ],
    ];
    const derived: DerivedFile[] = [];
    for (const [name, text] of files) {
      await fs.writeFile(path.join(this.folder, name), text);
      const sha256 = createHash('sha256').update(text).digest('hex');
      derived.push({ name, bytes: Buffer.byteLength(text), sha256, records: rows.length, from });
    }
    core.info(`${day}: team rollup of ${rows.length} teams in teams.ndjson and teams.csv.`);
    return derived;
  }
}
