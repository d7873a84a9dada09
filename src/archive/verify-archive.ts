import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_NAME, type Manifest, type ManifestFile } from './manifest.js';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a manifest's file entry is not one this action writes, or undefined when it is. */
function entryProblem(entry: unknown, where: string): string | undefined {
  if (!isObject(entry)) return `${where} is ${entry === null ? 'null' : 'not an object'}`;
  // Names come from a file anyone could edit: only plain names inside the folder count.
  if (typeof entry.name !== 'string' || !entry.name || path.basename(entry.name) !== entry.name) {
    return `${where} has a bad name`;
  }
  if (!Number.isSafeInteger(entry.bytes) || (entry.bytes as number) < 0) return `${entry.name} has no valid "bytes"`;
  if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) {
    return `${entry.name} has no valid "sha256"`;
  }
  return undefined;
}

/** Why `value` is not a manifest this action wrote, or undefined when it is one. */
function manifestProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `the manifest is ${value === null ? 'null' : 'not a JSON object'}`;
  for (const list of ['files', 'derived'] as const) {
    const entries = value[list];
    if (entries === undefined && list === 'derived') continue;
    if (!Array.isArray(entries)) return `the manifest has no "${list}" list`;
    for (const [i, entry] of entries.entries()) {
      const problem = entryProblem(entry, `${list}[${i}]`);
      if (problem) return `the manifest's ${problem}`;
    }
  }
  return undefined;
}

export type ManifestRead = { manifest: Manifest; problem?: undefined } | { manifest?: undefined; problem: string };

/** The manifest in `folder`, checked to have the shape this action writes, or why it is not usable. */
export async function readManifest(folder: string): Promise<ManifestRead> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.readFile(path.join(folder, MANIFEST_NAME), 'utf8'));
  } catch {
    return { problem: 'no readable manifest' };
  }
  const problem = manifestProblem(value);
  return problem ? { problem } : { manifest: value as unknown as Manifest };
}

/** Every file a manifest lists: its parts and its derived files. */
export function listedFiles(manifest: Manifest): ManifestFile[] {
  return [...manifest.files, ...(manifest.derived ?? [])];
}

/**
 * The period in `folder` as a complete archive, or why it is not one: its manifest exists, has
 * the shape this action writes, is of `day` when one is given, and every file it lists is
 * present with the listed size and SHA-256.
 */
export async function checkArchive(folder: string, day?: string): Promise<ManifestRead> {
  const read = await readManifest(folder);
  if (!read.manifest) return read;
  if (day !== undefined && read.manifest.report_day !== day) return { problem: 'the manifest is not this day' };
  for (const file of listedFiles(read.manifest)) {
    const target = path.join(folder, file.name);
    const size = await fs.stat(target).then(
      (stat) => stat.size,
      () => undefined,
    );
    if (size === undefined) return { problem: `${file.name} is missing` };
    if (size !== file.bytes || (await sha256Of(target)) !== file.sha256) {
      return { problem: `${file.name} does not match its SHA-256 in the manifest` };
    }
  }
  return read;
}
