import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_NAME, type Manifest } from './manifest.js';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Why the period in `folder` is not a complete archive of `day`, or undefined when it is:
 * its manifest exists and every file it lists is present with the listed size and SHA-256.
 */
export async function archiveProblem(folder: string, day: string): Promise<string | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(folder, MANIFEST_NAME), 'utf8')) as Manifest;
  } catch {
    return 'no readable manifest';
  }
  if (manifest.report_day !== day || !Array.isArray(manifest.files)) return 'the manifest is not this day';
  for (const file of [...manifest.files, ...(manifest.derived ?? [])]) {
    // Names come from a file anyone could edit: only plain names inside the folder count.
    if (typeof file.name !== 'string' || path.basename(file.name) !== file.name) return 'the manifest lists a bad name';
    const target = path.join(folder, file.name);
    const size = await fs.stat(target).then(
      (stat) => stat.size,
      () => undefined,
    );
    if (size === undefined) return `${file.name} is missing`;
    if (size !== file.bytes || (await sha256Of(target)) !== file.sha256) {
      return `${file.name} does not match its SHA-256 in the manifest`;
    }
  }
  return undefined;
}

/** The manifest of the complete archived copy of `day` in `folder`, or undefined when there is none. */
export async function usableManifest(folder: string, day: string): Promise<Manifest | undefined> {
  if (await archiveProblem(folder, day)) return undefined;
  return JSON.parse(await fs.readFile(path.join(folder, MANIFEST_NAME), 'utf8')) as Manifest;
}
