/** Big users-1-day parts for the benchmark, built from the simulator's realistic rows. */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { userRows } from '../../simulator/report-data.js';

/** A line of exactly `size` bytes: an empty object padded with spaces, or blank when tiny. */
function filler(size: number): string {
  return size >= 3 ? `{}${' '.repeat(size - 3)}\n` : `${' '.repeat(size - 1)}\n`;
}

/** Writes a part of exactly `bytes` bytes of NDJSON users rows (reused if it exists). */
export async function generatePart(file: string, bytes: number, seed: number): Promise<void> {
  if (existsSync(file) && statSync(file).size === bytes) return;
  const templates: string[] = [];
  for (let day = 1; day <= 20; day++) {
    const rows = userRows({ scope: 'enterprise', slug: `bench-${seed}` }, `2026-10-${String(day).padStart(2, '0')}`);
    templates.push(...rows.map((row) => JSON.stringify(row)));
  }
  const out = createWriteStream(file);
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    let line = `${templates[i % templates.length].replace(/"user_id":\d+/, `"user_id":${seed * 10_000_000 + i}`)}\n`;
    if (written + Buffer.byteLength(line) > bytes) line = filler(bytes - written);
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
