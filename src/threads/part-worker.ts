/**
 * Worker thread entry, bundled on its own as dist/part-worker/index.js. It analyses each
 * part's records from the bytes the main thread sends as they are downloaded, so that parsing
 * every record runs beside the downloads instead of after them.
 */
import { parentPort } from 'node:worker_threads';
import { PartAnalysis, type PartOptions } from '../insights/part-analysis.js';

export type ToWorker =
  | { type: 'start'; id: number; options: PartOptions }
  /** `length` bytes of `buffer`; the buffer goes back with the ack, for the next chunk. */
  | { type: 'chunk'; id: number; buffer: ArrayBuffer; length: number }
  | { type: 'restart' | 'end' | 'abandon'; id: number };

export type FromWorker =
  | { type: 'ack'; buffer: ArrayBuffer; length: number }
  | { type: 'done'; id: number; result?: unknown }
  | { type: 'error'; id: number; message: string };

const port = parentPort!;
const parts = new Map<number, PartAnalysis>();
// Messages are handled one after another, in the order they were sent.
let queue: Promise<void> = Promise.resolve();

function part(id: number): PartAnalysis {
  const found = parts.get(id);
  if (!found) throw new Error(`no part ${id}`);
  return found;
}

async function handle(message: ToWorker): Promise<void> {
  try {
    switch (message.type) {
      case 'start':
        parts.set(message.id, new PartAnalysis(message.options));
        return;
      case 'chunk': {
        const { buffer, length } = message;
        try {
          await part(message.id).write(new Uint8Array(buffer, 0, length));
        } finally {
          // The buffer goes back even on failure, so the main thread's count stays right.
          port.postMessage({ type: 'ack', buffer, length } satisfies FromWorker, [buffer]);
        }
        return;
      }
      case 'restart':
        await part(message.id).restart();
        break;
      case 'end': {
        const result = await part(message.id).end();
        parts.delete(message.id);
        port.postMessage({ type: 'done', id: message.id, result } satisfies FromWorker);
        return;
      }
      case 'abandon':
        await parts.get(message.id)?.abandon();
        parts.delete(message.id);
        break;
    }
    port.postMessage({ type: 'done', id: message.id } satisfies FromWorker);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'error', id: message.id, message: text } satisfies FromWorker);
  }
}

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});
