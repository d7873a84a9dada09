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
import { CsvWriter, csvColumns, csvLine, joinCsv, type CsvContent } from './csv.js';
import type { Row } from './fields.js';
import { LineSplitter } from './line-splitter.js';
import { freeOldColumns, stateColumns } from '../release-memory.js';
import { MAX_RECORD_BYTES } from '../tuning.js';
import { parseRecord, type PartOptions, type PartResult } from './part-analysis.js';
import { loginShower } from './pseudonymize.js';
import { mergeDrift, newDrift, type Drift } from './schema.js';
import { TEAM_COLUMNS, mergeRollup, newRollup, rollupRows, type TeamDirectory } from './team-rollup.js';

export interface AnalysisOptions {
  report: ReportName;
  analyzer: AnalyzerOptions;
  /** Write `{report}.csv` for the period, from every part (users, user-teams and repos reports). */
  csv: boolean;
  /** Derived files and the summary show logins as pseudonyms with this key. */
  pseudonymizeKey?: string;
  /** With the team rollup: one day's teams, and the user-teams files they came from. */
  teams?: { day: string; directory: TeamDirectory; sources: string[] };
}

/** What a period's records gave: figures to merge into the run's, and what needs a warning. */
export interface PeriodInsights {
  state: unknown;
  drift: Drift;
  /** Lines that were not JSON objects, per part name. */
  invalid: Map<string, number>;
  /** Lines longer than MAX_RECORD_BYTES, left out unread, per part name. */
  oversized: Map<string, number>;
  /** The team rollup's rows (a few per team), and the user-teams day it used. */
  teams?: { day: string; rows: Row[] };
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
  private readonly oversized = new Map<string, number>();
  private readonly csvs = new Map<string, FileStats>();
  private readonly extra = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly options: AnalysisOptions,
  ) {
    this.content = usageContent(options.report);
    this.analyzer = ANALYZERS[this.content];
  }

  /** How the worker analyses a part: which figures, and where its CSV rows go. */
  partOptions(partName: string): PartOptions {
    const { report, analyzer, csv, pseudonymizeKey, teams } = this.options;
    const csvFile = csv && this.content !== 'aggregate' ? this.rowsFile(partName) : undefined;
    return { report, analyzer, csvFile, pseudonymizeKey, teams: teams?.directory };
  }

  /** A part's CSV rows, written by its worker and joined into the period's CSV at the end. */
  private rowsFile(partName: string): string {
    return path.join(this.folder, `.${partName}.csv-rows`);
  }

  add(partName: string, result: PartResult): void {
    // The first part's state takes in the others: no copy of a large state.
    if (this.state === undefined) this.state = result.state;
    else {
      this.analyzer.merge(this.state, result.state);
      freeOldColumns(stateColumns(this.state));
    }
    mergeDrift(this.drift, result.drift);
    mergeRollup(this.rollup, result.rollup);
    if (result.invalid > 0) this.invalid.set(partName, result.invalid);
    if (result.oversized > 0) this.oversized.set(partName, result.oversized);
    if (result.csv) {
      this.csvs.set(partName, result.csv);
      result.csv.extra.forEach((field) => this.extra.add(field));
    }
  }

  /** Writes the remaining derived files, and lists all of them for the manifest. */
  async finish(parts: DownloadedPart[]): Promise<{ derived: DerivedFile[]; insights: PeriodInsights }> {
    const derived: DerivedFile[] = [];
    if (this.csvs.size > 0) derived.push(await this.writeCsv(parts));
    const { teams } = this.options;
    const rows = teams && rollupRows(this.rollup, teams.directory, teams.day);
    if (rows) derived.push(...(await this.writeRollup(rows, parts)));
    const byPart = (counts: Map<string, number>) => new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
    const state = this.state ?? this.analyzer.create(this.options.analyzer);
    const invalid = byPart(this.invalid);
    const oversized = byPart(this.oversized);
    return {
      derived,
      insights: { state, drift: this.drift, invalid, oversized, teams: rows && { day: teams!.day, rows } },
    };
  }

  /**
   * `{report}.csv`: one header, then the rows of every part in part order. A new plain field
   * seen in some part gets a column: then the parts are read again into the wider CSV.
   */
  private async writeCsv(parts: DownloadedPart[]): Promise<DerivedFile> {
    const name = `${this.options.report}.csv`;
    const file = path.join(this.folder, name);
    const columns = [...csvColumns(this.content as CsvContent), ...[...this.extra].sort()];
    const records = [...this.csvs.values()].reduce((total, written) => total + written.records, 0);
    const bodies = parts.map((part) => this.rowsFile(part.name));
    const stats =
      this.extra.size > 0 ? await this.rewriteCsv(file, columns, parts) : await joinCsv(file, columns, bodies, records);
    await Promise.all(bodies.map((body) => fs.rm(body, { force: true })));
    return { name, ...stats, from: parts.map((part) => part.name) };
  }

  private async rewriteCsv(file: string, columns: string[], parts: DownloadedPart[]): Promise<FileStats> {
    const writer = new CsvWriter(file, columns, loginShower(this.options.pseudonymizeKey));
    let waits: Promise<void>[] = [];
    const splitter = new LineSplitter((line) => {
      const record = parseRecord(line);
      const busy = record && writer.row(record);
      if (busy) waits.push(busy);
    }, MAX_RECORD_BYTES);
    for (const part of parts) {
      for await (const chunk of createReadStream(path.join(this.folder, part.name))) {
        splitter.push(chunk as Buffer);
        await Promise.all(waits);
        waits = [];
      }
      splitter.end();
    }
    return writer.close();
  }

  private async writeRollup(rows: Row[], parts: DownloadedPart[]): Promise<DerivedFile[]> {
    const teams = this.options.teams!;
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
    core.info(`${teams.day}: team rollup of ${rows.length} teams in teams.ndjson and teams.csv.`);
    return derived;
  }
}
