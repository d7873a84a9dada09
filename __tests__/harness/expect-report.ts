/** Independent checks of what the action wrote: recomputed here, not taken from the action. */
import { createHash } from 'node:crypto';

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Non-empty lines, counted the simple way. */
export function countRecords(bytes: Buffer): number {
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
}

/** Every header value of a request, flattened, to look for leaked credentials. */
export function headerText(headers: Record<string, string | string[] | undefined>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('\n');
}
