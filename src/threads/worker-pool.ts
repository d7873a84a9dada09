/**
 * Two worker threads that analyse the parts' records while they download. The main thread
 * receives, hashes and writes the bytes and hands each chunk over; JSON parsing, the costly
 * part, runs beside it. Threads start with the first analysis, so a run without one has none.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DownloadError } from '../download/download-file.js';
import type { PartSink } from '../download/part-sink.js';
import type { PartOptions, PartResult } from '../insights/part-analysis.js';
import type { FromWorker, ToWorker } from './part-worker.js';

/** Threads; two keep up with four downloads at real link speeds. */
const WORKERS = 2;
/** Bytes handed to a thread and not yet analysed, beyond which the downloads wait. */
const MAX_IN_FLIGHT = 2 * 1024 * 1024;
/** Chunks travel in buffers of this size that go to the thread and back: copying allocates nothing. */
const BUFFER_SIZE = 64 * 1024;
/** A small young generation: each record's garbage is collected soon, keeping memory flat. */
const YOUNG_GENERATION_MB = 2;
/** Beside the bundle: dist/part-worker/index.js. */
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'part-worker', 'index.js');

interface Channel {
  worker: Worker;
  inFlight: number;
  /** Buffers back from the thread, ready for the next chunks. */
  free: ArrayBuffer[];
  /** Writers waiting for the thread to catch up. */
  drained: (() => void)[];
  /** Replies awaited, by part id. */
  replies: Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>;
  /** Set when the thread died: every later request fails with it. */
  failure?: Error;
  /** Parts whose analysis failed without a request waiting for the answer. */
  failed: Map<number, Error>;
}

export class WorkerPool {
  private readonly channels: Channel[] = [];
  private nextId = 0;

  private channel(id: number): Channel {
    const index = id % WORKERS;
    this.channels[index] ??= this.open();
    return this.channels[index];
  }

  private open(): Channel {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const channel: Channel = { worker, inFlight: 0, free: [], drained: [], replies: new Map(), failed: new Map() };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ack') {
        channel.inFlight -= message.length;
        if (message.buffer.byteLength === BUFFER_SIZE) channel.free.push(message.buffer);
        if (channel.inFlight <= MAX_IN_FLIGHT / 2) channel.drained.splice(0).forEach((resume) => resume());
        return;
      }
      const reply = channel.replies.get(message.id);
      channel.replies.delete(message.id);
      if (message.type === 'done') return reply?.resolve(message.result);
      const failure = new DownloadError(`analysing the records failed: ${message.message}`, 'fatal');
      if (reply) reply.reject(failure);
      else channel.failed.set(message.id, failure);
    });
    worker.on('error', (error) => {
      channel.failure = new DownloadError(`a worker thread failed: ${error.message}`, 'fatal');
      channel.replies.forEach((reply) => reply.reject(channel.failure!));
      channel.replies.clear();
      channel.drained.splice(0).forEach((resume) => resume());
    });
    return channel;
  }

  /** A sink that analyses one part's records. */
  sink(options: PartOptions): PartSink {
    const id = this.nextId++;
    const channel = this.channel(id);
    const send = (message: ToWorker, transfer?: ArrayBuffer[]): void => channel.worker.postMessage(message, transfer);
    const ask = <T>(type: 'restart' | 'end' | 'abandon'): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const failure = channel.failure ?? channel.failed.get(id);
        if (failure) return reject(failure);
        channel.replies.set(id, { resolve: resolve as (result: unknown) => void, reject });
        send({ type, id });
      });
    send({ type: 'start', id, options });
    return {
      write(chunk) {
        const failure = channel.failure ?? channel.failed.get(id);
        if (failure) return Promise.reject(failure);
        // A copy the thread owns: the chunk's memory belongs to the socket.
        const buffer =
          chunk.length <= BUFFER_SIZE
            ? (channel.free.pop() ?? new ArrayBuffer(BUFFER_SIZE))
            : new ArrayBuffer(chunk.length);
        new Uint8Array(buffer).set(chunk);
        channel.inFlight += chunk.length;
        send({ type: 'chunk', id, buffer, length: chunk.length }, [buffer]);
        if (channel.inFlight <= MAX_IN_FLIGHT) return undefined;
        return new Promise<void>((resume) => channel.drained.push(resume));
      },
      restart: () => ask<void>('restart'),
      end: () => ask<PartResult>('end'),
      abandon: () => ask<void>('abandon'),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.worker.terminate()));
  }
}
