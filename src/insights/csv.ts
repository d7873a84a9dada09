import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { FileStats } from '../download/download-file.js';
import type { ReportContent } from '../reports.js';
import type { Row } from './fields.js';
import { BREAKDOWNS, ROW_FIELDS } from './schema.js';

export type CsvContent = Exclude<ReportContent, 'aggregate'>;

/** Documented fields that hold objects or lists, which a CSV leaves out. */
const NESTED = new Set(['ai_adoption_phase', 'pull_requests', 'pull_request_review_times', ...BREAKDOWNS]);

/** The documented top-level scalar fields, in the order the CSV columns take. */
export function csvColumns(content: CsvContent): string[] {
  return ROW_FIELDS[content].filter((field) => !NESTED.has(field));
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Writes one CSV file: a header, then a line per record, hashing and counting on the way.
 * Unknown scalar fields are noted in `extra` (the caller rewrites the file to add them).
 */
export class CsvWriter {
  private readonly hash = createHash('sha256');
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;
  private rows = 0;
  readonly extra = new Set<string>();
  private readonly known: Set<string>;

  /** `header: false` writes the rows only (a part's share of the period's CSV). */
  constructor(
    readonly file: string,
    private readonly columns: string[],
    private readonly login: (login: string) => string,
    header = true,
  ) {
    this.known = new Set(columns);
    this.stream = createWriteStream(file);
    if (header) this.push(csvLine(columns));
  }

  /** Adds a record; resolves when the file can take more. */
  row(record: Row): Promise<void> | undefined {
    for (const key in record) if (!this.known.has(key) && isScalar(record[key])) this.extra.add(key);
    const values = this.columns.map((column) =>
      column === 'user_login' && typeof record[column] === 'string' ? this.login(record[column]) : record[column],
    );
    this.rows++;
    this.push(csvLine(values));
    return this.pendingLength >= 256 * 1024 ? this.flush() : undefined;
  }

  private push(line: string): void {
    this.pending.push(line);
    this.pendingLength += line.length;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(data);
    this.bytes += data.length;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<FileStats> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return { bytes: this.bytes, sha256: this.hash.digest('hex'), records: this.rows };
  }

  /** Stops writing (the part is downloaded again); the file is rewritten from the start. */
  async abandon(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close');
    this.stream.destroy();
    await closed;
  }
}

/**
 * Joins the parts' rows into one CSV with one header, in part order: bytes are copied, no
 * record is parsed again.
 */
export async function joinCsv(file: string, columns: string[], bodies: string[], records: number): Promise<FileStats> {
  const hash = createHash('sha256');
  const stream = createWriteStream(file);
  let bytes = 0;
  const write = async (data: Buffer): Promise<void> => {
    hash.update(data);
    bytes += data.length;
    if (!stream.write(data)) await once(stream, 'drain');
  };
  try {
    await write(Buffer.from(csvLine(columns)));
    for (const body of bodies) for await (const chunk of createReadStream(body)) await write(chunk as Buffer);
  } finally {
    stream.end();
  }
  await once(stream, 'finish');
  return { bytes, sha256: hash.digest('hex'), records };
}
