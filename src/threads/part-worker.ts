/**
 * Worker thread entry, bundled on its own as dist/part-worker/index.js. It analyses each
 * part's records by reading the part's file as the download writes it, so that parsing runs
 * beside the downloads without holding them back: a slow analysis reads later from disk
 * (the page cache, mostly) instead of stalling the network.
 */
import { parentPort } from 'node:worker_threads';
import type { PartOptions } from '../insights/part-analysis.js';
import { freeOldColumns, stateColumns } from '../release-memory.js';
import { PartReader } from './part-reader.js';

export type ToWorker =
  | { type: 'start'; id: number; options: PartOptions; file: string }
  /** The file's first `bytes` bytes are written. */
  | { type: 'written'; id: number; bytes: number }
  /** The file is complete at `bytes` bytes. */
  | { type: 'end'; id: number; bytes: number }
  | { type: 'restart' | 'abandon'; id: number };

export type FromWorker =
  { type: 'done'; id: number; result?: unknown } | { type: 'error'; id: number; message: string };

/** Bytes read at a time: big reads keep the per-read cost small. */
const READ_SIZE = 1024 * 1024;

const port = parentPort!;
const parts = new Map<number, PartReader>();
/** Parts whose reading failed between requests, with the failure to answer the next one. */
const failed = new Map<number, Error>();
/** One buffer for every read: parts are read one after another. */
const slab = Buffer.allocUnsafeSlow(READ_SIZE);
// Messages are handled one after another, in the order they were sent.
let queue: Promise<void> = Promise.resolve();

function part(id: number): PartReader {
  const found = parts.get(id);
  if (!found) throw new Error(`no part ${id}`);
  return found;
}

async function handle(message: ToWorker): Promise<void> {
  try {
    switch (message.type) {
      case 'start':
        parts.set(message.id, new PartReader(message.options, message.file));
        return;
      case 'written':
        // A failed part answers its next request with the failure; until then it is skipped.
        if (!failed.has(message.id)) await part(message.id).readTo(message.bytes, slab);
        return;
      case 'restart':
        failed.delete(message.id);
        await part(message.id).restart();
        break;
      case 'end': {
        const failure = failed.get(message.id);
        if (failure) throw failure;
        const reader = part(message.id);
        await reader.readTo(message.bytes, slab);
        reader.close();
        const result = await reader.analysis.end();
        parts.delete(message.id);
        const columns = stateColumns(result.state);
        freeOldColumns(columns);
        // The columns' memory moves to the main thread rather than being copied: this thread's
        // copy would stay until its next full collection.
        port.postMessage(
          { type: 'done', id: message.id, result } satisfies FromWorker,
          columns.map((column) => column.buffer as ArrayBuffer),
        );
        return;
      }
      case 'abandon': {
        const reader = parts.get(message.id);
        reader?.close();
        await reader?.analysis.abandon();
        parts.delete(message.id);
        failed.delete(message.id);
        break;
      }
    }
    port.postMessage({ type: 'done', id: message.id } satisfies FromWorker);
  } catch (error) {
    if (message.type === 'written') {
      failed.set(message.id, error as Error);
      return;
    }
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'error', id: message.id, message: text } satisfies FromWorker);
  }
}

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});
