import * as core from '@actions/core';
import type { HttpClient } from '@actions/http-client';
import * as path from 'node:path';
import type { PartOptions, PartResult } from '../insights/part-analysis.js';
import { describeLink } from '../secrets.js';
import type { WorkerPool } from '../threads/worker-pool.js';
import { DOWNLOAD_ATTEMPTS, type Tuning } from '../tuning.js';
import { DownloadError, describeFailure, downloadFile, failureKind, type FileStats } from './download-file.js';
import type { Limiter } from './limiter.js';
import type { PartSink } from './part-sink.js';
import { formatBytes } from './progress.js';
import { retry } from './retry.js';
import type { SignedLinks } from './signed-links.js';

export interface DownloadedPart extends FileStats {
  /** Base name, e.g. `part-001.ndjson`. */
  name: string;
}

export function partName(index: number): string {
  return `part-${String(index + 1).padStart(3, '0')}.ndjson`;
}

export interface DownloadContext {
  http: HttpClient;
  /** Shared by all downloads of the run, so the bound holds across days too. */
  limiter: Limiter;
  /** The threads that analyse the parts' records. */
  pool: WorkerPool;
  tuning: Tuning;
}

/** What the download asks of an analysis: how to analyse a part, and to take what it found. */
export interface PartsAnalysis {
  partOptions(name: string): PartOptions;
  add(name: string, result: PartResult): void;
}

/** Downloads one part, retrying; its analysis, if any, reads the file as it is written. */
async function downloadPart(
  links: SignedLinks,
  index: number,
  folder: string,
  context: DownloadContext,
  signal: AbortSignal,
  sink: PartSink | undefined,
): Promise<DownloadedPart> {
  const name = partName(index);
  const label = `${name} (${describeLink(links.get(index))})`;
  const stats = await retry(
    label,
    async (attempt) => {
      const link = links.get(index);
      try {
        if (attempt > 1) await sink?.restart();
        const options = { idleTimeoutMs: context.tuning.idleTimeoutMs, limits: context.tuning, label, signal, sink };
        return await downloadFile(context.http, link, path.join(folder, name), options);
      } catch (error) {
        const reason = describeFailure(error);
        if (failureKind(error) === 'expired' && !(await links.renew(index, link))) {
          throw new DownloadError(`${reason}, and so were fresh links`, 'fatal');
        }
        throw new DownloadError(reason, failureKind(error));
      }
    },
    {
      attempts: DOWNLOAD_ATTEMPTS,
      backoffMs: context.tuning.backoffMs,
      retryable: (error) => failureKind(error) !== 'fatal',
      signal,
    },
  );
  core.info(`${name}: ${formatBytes(stats.bytes)}, ${stats.records} records, sha256 ${stats.sha256}`);
  return { name, ...stats };
}

/**
 * Downloads one part, then waits for its analysis to read the rest of the file. The download
 * slot is free meanwhile: the next part downloads while this one's records are read.
 */
async function downloadAndAnalyse(
  links: SignedLinks,
  index: number,
  folder: string,
  context: DownloadContext,
  signal: AbortSignal,
  analysis: PartsAnalysis | undefined,
): Promise<DownloadedPart> {
  const name = partName(index);
  let sink: PartSink | undefined;
  try {
    const part = await context.limiter.run(() => {
      signal.throwIfAborted();
      sink = analysis && context.pool.sink(analysis.partOptions(name), path.join(folder, name));
      return downloadPart(links, index, folder, context, signal, sink);
    });
    if (sink) analysis!.add(name, await sink.end(part.bytes));
    return part;
  } catch (error) {
    await sink?.abandon().catch(() => undefined);
    throw error;
  }
}

/**
 * Downloads every link of a report into `folder`, in parallel up to the limiter's bound; with
 * an analysis, a worker thread reads each part's file as it is written.
 * When one part fails for good, the others are aborted, and this waits until all have
 * stopped writing before it throws, so the caller can remove the folder safely.
 */
export async function downloadParts(
  links: SignedLinks,
  count: number,
  folder: string,
  context: DownloadContext,
  analysis?: PartsAnalysis,
): Promise<DownloadedPart[]> {
  const controller = new AbortController();
  const tasks = Array.from({ length: count }, (_, index) =>
    downloadAndAnalyse(links, index, folder, context, controller.signal, analysis),
  );
  // The first failure is the cause; the others are aborts it set off.
  let cause: unknown;
  for (const task of tasks) {
    task.catch((error: unknown) => {
      if (!controller.signal.aborted) cause = error;
      controller.abort();
    });
  }
  const results = await Promise.allSettled(tasks);
  if (controller.signal.aborted) throw cause;
  return results.map((result) => (result as PromiseFulfilledResult<DownloadedPart>).value);
}
