/**
 * Frees memory that V8 would otherwise keep for a long while.
 *
 * - Received chunks live outside the JavaScript heap and are freed only when V8 collects them,
 *   which it starts by itself after about 64 MiB of them: eight downloads would hold that much
 *   for nothing. A minor collection every few MiB frees them early; it is cheap, since almost
 *   nothing in the young generation survives between chunks.
 * - An analysis state's typed-array columns are replaced by bigger ones as it grows, in a
 *   worker thread as a part is read and in the main thread as parts are merged. The old ones
 *   are in the old generation, which only a full collection frees: one per part in each thread
 *   (a few ms on these small heaps) keeps them from piling up until the end of the run. States
 *   without columns, or with small ones (a short range's many small days), skip it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const EVERY_BYTES = 4 * 1024 * 1024;
/** Columns smaller than this grew out of too little memory to be worth a full collection. */
const GROWN_COLUMN_BYTES = 1024 * 1024;

type Collect = (options: { type: 'minor' | 'major' }) => void;
let collect: Collect | undefined;
let received = 0;

/** V8's gc(), which a process started without --expose-gc can still reach this way. */
function exposeCollect(): Collect {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as Collect;
  setFlagsFromString('--no-expose-gc');
  return gc;
}

/** Counts bytes received; every few MiB, frees the chunks already written. */
export function chunkReceived(bytes: number): void {
  received += bytes;
  if (received < EVERY_BYTES) return;
  received = 0;
  collect ??= exposeCollect();
  collect({ type: 'minor' });
}

/** An analysis state's typed-array columns, at its top level and one level down. */
export function stateColumns(state: unknown): ArrayBufferView[] {
  const values = typeof state === 'object' && state !== null ? Object.values(state) : [];
  return values.flatMap((value) =>
    ArrayBuffer.isView(value)
      ? [value]
      : typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
        ? Object.values(value).filter((inner) => ArrayBuffer.isView(inner))
        : [],
  );
}

/** Frees the columns a state grew out of, once the state is merged or sent on. */
export function freeOldColumns(columns: ArrayBufferView[]): void {
  if (columns.reduce((bytes, column) => bytes + column.byteLength, 0) < GROWN_COLUMN_BYTES) return;
  collect ??= exposeCollect();
  collect({ type: 'major' });
}
