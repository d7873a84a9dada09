/** Reads an artifact back the way a later job would: with the real DefaultArtifactClient. */
import { DefaultArtifactClient } from '@actions/artifact';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Harness } from './harness.js';
import { listFiles } from '../../simulator/run-action.js';

/** Every file of the artifact, by its path inside the artifact; `env` may name another workflow run. */
export async function readArtifact(
  harness: Harness,
  id: number,
  env: Record<string, string> = {},
): Promise<Map<string, Buffer>> {
  const saved = { ...process.env };
  Object.assign(process.env, harness.env, env, { GITHUB_SERVER_URL: 'https://github.com' });
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-artifact-'));
  // The toolkit logs through process.stdout; keep the test output readable.
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await new DefaultArtifactClient().downloadArtifact(id, { path: folder });
    const files = new Map<string, Buffer>();
    for (const file of await listFiles(folder)) files.set(file, await fs.readFile(path.join(folder, file)));
    return files;
  } finally {
    process.stdout.write = write;
    process.env = saved;
    await fs.rm(folder, { recursive: true, force: true });
  }
}
