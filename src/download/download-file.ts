import type { HttpClient } from '@actions/http-client';
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { redact } from '../secrets.js';
import { chunkReceived } from './free-chunks.js';
import { Progress } from './progress.js';
import type { PartSink } from './part-sink.js';
import { RecordCounter } from './record-counter.js';

/** What a downloaded file holds, measured on the way to disk. */
export interface FileStats {
  bytes: number;
  sha256: string;
  records: number;
}

/**
 * retryable: a later attempt may work (5xx, reset, timeout, short body).
 * expired: the signed link was refused (401/403/404/410); fresh links may work.
 * fatal: retrying cannot help (a full disk, an unexpected status).
 */
export type FailureKind = 'retryable' | 'expired' | 'fatal';

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
  }
}

const EXPIRED_STATUSES = [401, 403, 404, 410];
const FILE_SYSTEM_CODES = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'EMFILE', 'EDQUOT'];

export function failureKind(error: unknown): FailureKind {
  if (error instanceof DownloadError) return error.kind;
  const code = (error as { code?: string }).code;
  if (code && FILE_SYSTEM_CODES.includes(code)) return 'fatal';
  if ((error as Error).name === 'AbortError') return 'fatal';
  return 'retryable';
}

/** A download error's message, without anything secret, for logs. */
export function describeFailure(error: unknown): string {
  if (error instanceof DownloadError) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  const text = redact(message ?? String(error));
  return code && !text.includes(code) ? `${text} (${code})` : text;
}

function statusFailure(status: number, statusText: string): DownloadError {
  const message = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (EXPIRED_STATUSES.includes(status)) return new DownloadError(`${message}: the signed link was refused`, 'expired');
  if (status === 408 || status === 429 || status >= 500) return new DownloadError(message, 'retryable');
  return new DownloadError(`unexpected ${message}`, 'fatal');
}

/** Content-Encoding decoders; the file holds the decoded bytes. */
function decoder(encoding: string): Transform[] {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return [zlib.createGunzip()];
    case 'deflate':
      return [zlib.createInflate()];
    case 'br':
      return [zlib.createBrotliDecompress()];
    case '':
    case 'identity':
      return [];
    default:
      throw new DownloadError(`unsupported Content-Encoding "${encoding}"`, 'fatal');
  }
}

/** Passes chunks through unchanged while counting them. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * Hashes, counts bytes and records, and reports progress, in one pass over the bytes on their
 * way to disk; tells the part's analysis how far the file is written.
 */
class Measure extends Transform {
  private readonly hash = createHash('sha256');
  private readonly counter = new RecordCounter();
  bytes = 0;

  constructor(
    private readonly progress: Progress,
    private readonly file: WriteStream,
    private readonly sink: PartSink | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.counter.push(chunk);
    this.bytes += chunk.length;
    this.progress.update(this.bytes);
    this.sink?.written(this.file.bytesWritten);
    chunkReceived(chunk.length);
    done(null, chunk);
  }

  stats(): FileStats {
    return { bytes: this.bytes, sha256: this.hash.digest('hex'), records: this.counter.records };
  }
}

export interface DownloadOptions {
  /** Abort when no byte arrives for this long. */
  idleTimeoutMs: number;
  /** Label for progress lines, e.g. `part-002 (host/path)`. */
  label: string;
  signal?: AbortSignal;
  /** The part's analysis, told how far the file is written. */
  sink?: PartSink;
}

/**
 * Streams one signed link to `destination`: a plain GET with no credentials, decoded if the
 * host set a Content-Encoding, hashed and counted on the way, checked against Content-Length.
 */
export async function downloadFile(
  http: HttpClient,
  link: string,
  destination: string,
  options: DownloadOptions,
): Promise<FileStats> {
  options.signal?.throwIfAborted();
  const response = await http.get(link, { accept: '*/*' });
  const message = response.message;
  const status = message.statusCode ?? 0;
  if (status !== 200) {
    message.resume();
    throw statusFailure(status, message.statusMessage ?? '');
  }
  const encoding = String(message.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const lengthHeader = message.headers['content-length'];
  const expected = lengthHeader === undefined ? undefined : Number(lengthHeader);

  let stages: Transform[];
  try {
    stages = decoder(encoding);
  } catch (error) {
    message.resume();
    throw error;
  }
  const raw = stages.length > 0 ? new ByteCounter() : undefined;
  const file = createWriteStream(destination);
  const measure = new Measure(new Progress(options.label, encoding ? undefined : expected), file, options.sink);
  message.setTimeout(options.idleTimeoutMs, () => {
    message.destroy(new DownloadError(`no data for ${options.idleTimeoutMs / 1000} s`, 'retryable'));
  });
  await pipeline([message, ...(raw ? [raw] : []), ...stages, measure, file], {
    signal: options.signal,
  });
  const received = raw ? raw.bytes : measure.bytes;
  if (expected !== undefined && received !== expected) {
    throw new DownloadError(`body ended after ${received} of ${expected} bytes`, 'retryable');
  }
  return measure.stats();
}
