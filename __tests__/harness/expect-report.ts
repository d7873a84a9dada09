/** Independent checks of what the action wrote: recomputed here, not taken from the action. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

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

/** Asserts that a successful run wrote exactly the simulator's parts, and a matching manifest. */
export async function expectArchivedExactly(folder: string, parts: Buffer[]): Promise<void> {
  const names = parts.map((_, i) => `part-${String(i + 1).padStart(3, '0')}.ndjson`);
  expect((await fs.readdir(folder)).sort()).toEqual([...names, 'manifest.json'].sort());
  const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  for (const [i, name] of names.entries()) {
    const bytes = await fs.readFile(path.join(folder, name));
    expect(bytes.equals(parts[i])).toBe(true);
    expect(manifest.files[i]).toEqual({
      name,
      bytes: parts[i].length,
      sha256: sha256(parts[i]),
      records: countRecords(parts[i]),
    });
  }
}
