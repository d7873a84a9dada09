/**
 * The analysis of one part, fed its file's bytes as the download writes them: each line is
 * parsed once, then goes to the report's analyzer, the schema-drift check, the team rollup and
 * the CSV. Pure of the Actions toolkit, so it runs in a worker thread.
 */
import type { FileStats } from '../download/download-file.js';
import { usageContent, type ReportName } from '../reports.js';
import { MAX_RECORD_BYTES } from '../tuning.js';
import type { AnalyzerOptions } from './analyzer.js';
import { ANALYZERS } from './analyzers.js';
import { CsvWriter, csvColumns, type CsvContent } from './csv.js';
import type { Row } from './fields.js';
import { LineSplitter } from './line-splitter.js';
import { loginShower } from './pseudonymize.js';
import { newDrift, noteDrift, type Drift } from './schema.js';
import { addToRollup, newRollup, type RollupState, type TeamDirectory } from './team-rollup.js';

export interface PartOptions {
  report: ReportName;
  analyzer: AnalyzerOptions;
  /** Where to write the part's CSV rows (no header), when asked for. */
  csvFile?: string;
  /** Shows logins in the CSV as pseudonyms. */
  pseudonymizeKey?: string;
  /** With the team rollup: who is in which team. */
  teams?: TeamDirectory;
}

export interface PartResult {
  state: unknown;
  drift: Drift;
  /** Lines that were not JSON objects. */
  invalid: number;
  /** Lines longer than MAX_RECORD_BYTES: never held in memory, left out. */
  oversized: number;
  rollup: RollupState;
  /** The CSV written, and the plain fields it has no column for yet. */
  csv?: FileStats & { extra: string[] };
}

/** A line's record, or undefined when it is not a JSON object. */
export function parseRecord(line: string): Row | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : undefined;
  } catch {
    return undefined;
  }
}

export class PartAnalysis {
  private readonly analyzer;
  private readonly content;
  private state: unknown;
  private drift = newDrift();
  private invalid = 0;
  private oversized = 0;
  private rollup = newRollup();
  private csv?: CsvWriter;
  private pending: Promise<void>[] = [];
  private readonly splitter = new LineSplitter(
    (line) => this.line(line),
    MAX_RECORD_BYTES,
    () => this.oversized++,
  );

  constructor(private readonly options: PartOptions) {
    this.content = usageContent(options.report);
    this.analyzer = ANALYZERS[this.content];
    this.state = this.analyzer.create(options.analyzer);
    this.csv = this.newCsv();
  }

  private newCsv(): CsvWriter | undefined {
    const { csvFile, pseudonymizeKey } = this.options;
    return csvFile
      ? new CsvWriter(csvFile, csvColumns(this.content as CsvContent), loginShower(pseudonymizeKey), false)
      : undefined;
  }

  private line(text: string): void {
    if (!text.trim()) return;
    const record = parseRecord(text);
    if (!record) {
      this.invalid++;
      return;
    }
    this.analyzer.add(this.state, record);
    noteDrift(this.drift, this.content, record);
    if (this.options.teams) addToRollup(this.rollup, this.options.teams, record);
    const busy = this.csv?.row(record);
    if (busy) this.pending.push(busy);
  }

  /** Resolves when the CSV can take more. */
  write(chunk: Buffer): Promise<void> | undefined {
    this.splitter.push(chunk);
    if (this.pending.length === 0) return undefined;
    const busy = Promise.all(this.pending).then(() => undefined);
    this.pending = [];
    return busy;
  }

  /** The download starts over: forget what was seen. */
  async restart(): Promise<void> {
    await this.abandon();
    this.splitter.reset();
    this.state = this.analyzer.create(this.options.analyzer);
    this.drift = newDrift();
    this.invalid = 0;
    this.oversized = 0;
    this.rollup = newRollup();
    this.csv = this.newCsv();
  }

  async end(): Promise<PartResult> {
    this.splitter.end();
    await Promise.all(this.pending);
    const csv = this.csv && { ...(await this.csv.close()), extra: [...this.csv.extra] };
    const { state, drift, invalid, oversized, rollup } = this;
    return { state, drift, invalid, oversized, rollup, csv };
  }

  /** Stops writing: the part is downloaded again, or the period failed. */
  async abandon(): Promise<void> {
    await Promise.all(this.pending).catch(() => undefined);
    this.pending = [];
    await this.csv?.abandon();
  }
}
