import type { HttpClient } from '@actions/http-client';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { redact } from '../secrets.js';
import { PartFile } from './part-file.js';
import type { PartSink } from './part-sink.js';
import { SlowLinkWatchdog, type SpeedLimits } from './slow-link-watchdog.js';
import { Progress } from './progress.js';

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

/** Passes the host's bytes through unchanged while the watchdog counts them. */
class ByteCounter extends Transform {
  constructor(private readonly watchdog: SlowLinkWatchdog) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.watchdog.count(chunk.length);
    done(null, chunk);
  }
}

export interface DownloadOptions {
  /** Abort when no byte arrives for this long. */
  idleTimeoutMs: number;
  /** Abort when the bytes arrive too slowly, or the attempt takes too long. */
  limits: SpeedLimits;
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
  const watchdog = new SlowLinkWatchdog(options.limits);
  try {
    return await receive(http, link, destination, options, watchdog);
  } catch (error) {
    if (watchdog.reason) throw new DownloadError(watchdog.reason, 'retryable');
    throw error;
  } finally {
    watchdog.stop();
  }
}

async function receive(
  http: HttpClient,
  link: string,
  destination: string,
  options: DownloadOptions,
  watchdog: SlowLinkWatchdog,
): Promise<FileStats> {
  // A response that comes after the watchdog gave up is dropped, freeing its socket.
  const response = await watchdog.guard(http.get(link, { accept: '*/*' }), (late) => late.message.destroy());
  const message = response.message;
  watchdog.onTrip = (reason) => message.destroy(new DownloadError(reason, 'retryable'));
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
  const raw = new ByteCounter(watchdog);
  const file = new PartFile(destination, new Progress(options.label, encoding ? undefined : expected), options.sink);
  message.setTimeout(options.idleTimeoutMs, () => {
    message.destroy(new DownloadError(`no data for ${options.idleTimeoutMs / 1000} s`, 'retryable'));
  });
  await pipeline([message, raw, ...stages, file], {
    signal: options.signal,
  });
  if (expected !== undefined && watchdog.received !== expected) {
    throw new DownloadError(`body ended after ${watchdog.received} of ${expected} bytes`, 'retryable');
  }
  return file.stats();
}
