/**
 * Received chunks live outside the JavaScript heap and are freed only when V8 collects them,
 * which it starts by itself after about 64 MiB of them: four downloads would hold that much
 * for nothing. A minor collection every few MiB frees them early; it is cheap, since almost
 * nothing in the young generation survives between chunks.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const EVERY_BYTES = 4 * 1024 * 1024;

type Collect = (options: { type: 'minor' }) => void;
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
