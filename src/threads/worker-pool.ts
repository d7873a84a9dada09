/**
 * Worker threads that analyse the parts' records while they download. The main thread
 * receives, hashes and writes the bytes, and only tells a thread how far a part's file is
 * written; the thread reads the file itself. JSON parsing, the costly part, runs beside the
 * downloads and never holds them back. A thread starts with the first part that reaches
 * `threadAnalysisBytes` (1 MiB): smaller parts are read in the main thread once downloaded,
 * because starting a thread costs more (about 100 ms of CPU and 20 MiB) than reading them. So a
 * run of small reports, the daily case, starts no thread.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DownloadError } from '../download/download-file.js';
import type { PartSink } from '../download/part-sink.js';
import type { PartOptions, PartResult } from '../insights/part-analysis.js';
import { PartReader } from './part-reader.js';
import type { FromWorker, ToWorker } from './part-worker.js';

/**
 * One thread per core beyond the main thread's, at most two (which keep up with eight downloads
 * at real link speeds). On a 2-core runner a second thread would only compete for the same
 * core, and cost its memory.
 */
const WORKERS = Math.min(2, Math.max(1, availableParallelism() - 1));
/** A thread hears of a part's progress at most once per this many bytes written. */
const NOTICE_BYTES = 1024 * 1024;
/** The young generation's size: each record's garbage dies young, so this bounds memory. */
const YOUNG_GENERATION_MB = 2;
/** Beside the bundle: dist/part-worker/index.js. */
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'part-worker', 'index.js');

interface Channel {
  worker: Worker;
  /** Replies awaited, by part id. */
  replies: Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>;
  /** Set when the thread died: every later request fails with it. */
  failure?: Error;
}

/** A small part's analysis, in the main thread: its whole file, read at once. */
async function analyseHere(options: PartOptions, file: string, bytes: number): Promise<PartResult> {
  const reader = new PartReader(options, file);
  try {
    await reader.readTo(bytes, Buffer.allocUnsafe(bytes));
    return await reader.analysis.end();
  } catch (error) {
    await reader.analysis.abandon();
    throw new DownloadError(`analysing the records failed: ${(error as Error).message}`, 'fatal');
  } finally {
    reader.close();
  }
}

export class WorkerPool {
  private readonly channels: Channel[] = [];
  private nextId = 0;

  /** @param threadBytes the size from which a part goes to a thread (Tuning.threadAnalysisBytes) */
  constructor(private readonly threadBytes: number) {}

  private channel(id: number): Channel {
    const index = id % WORKERS;
    this.channels[index] ??= this.open();
    return this.channels[index];
  }

  private open(): Channel {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const channel: Channel = { worker, replies: new Map() };
    worker.on('message', (message: FromWorker) => {
      const reply = channel.replies.get(message.id);
      channel.replies.delete(message.id);
      if (message.type === 'done') reply?.resolve(message.result);
      else reply?.reject(new DownloadError(`analysing the records failed: ${message.message}`, 'fatal'));
    });
    worker.on('error', (error) => {
      channel.failure = new DownloadError(`a worker thread failed: ${error.message}`, 'fatal');
      channel.replies.forEach((reply) => reply.reject(channel.failure!));
      channel.replies.clear();
    });
    return channel;
  }

  /**
   * A sink that analyses one part's records, read from `file`: by a thread as it is written once
   * the part reaches threadBytes (the thread reads from the file's start), else in the main
   * thread when it is complete.
   */
  sink(options: PartOptions, file: string): PartSink {
    let thread: PartSink | undefined;
    const inThread = (bytes: number): PartSink | undefined =>
      thread ?? (bytes >= this.threadBytes ? (thread = this.threadSink(options, file)) : undefined);
    return {
      written: (bytes) => inThread(bytes)?.written(bytes),
      restart: async () => thread?.restart(),
      end: (bytes) => inThread(bytes)?.end(bytes) ?? analyseHere(options, file, bytes),
      abandon: async () => thread?.abandon(),
    };
  }

  /** A sink whose part a thread reads as it is written. */
  private threadSink(options: PartOptions, file: string): PartSink {
    const id = this.nextId++;
    const channel = this.channel(id);
    const send = (message: ToWorker): void => channel.worker.postMessage(message);
    const ask = <T>(message: ToWorker): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (channel.failure) return reject(channel.failure);
        channel.replies.set(id, { resolve: resolve as (result: unknown) => void, reject });
        send(message);
      });
    let told = 0;
    send({ type: 'start', id, options, file });
    return {
      written(bytes) {
        if (bytes - told < NOTICE_BYTES || channel.failure) return;
        told = bytes;
        send({ type: 'written', id, bytes });
      },
      restart: () => {
        told = 0;
        return ask<void>({ type: 'restart', id });
      },
      end: (bytes) => ask<PartResult>({ type: 'end', id, bytes }),
      abandon: () => ask<void>({ type: 'abandon', id }),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.worker.terminate()));
  }
}
