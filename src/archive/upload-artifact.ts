import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArtifactSettings } from '../inputs/settings.js';
import type * as ArtifactClient from './artifact-client.js';

/** Beside the bundle: dist/artifact-client/index.js, loaded only when uploading. */
const CLIENT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifact-client', 'index.js');

export interface UploadedArtifact {
  id: number;
  name: string;
  url: string;
  /** Plain SHA-256 hex of the uploaded zip, as actions/upload-artifact gives it. */
  digest: string;
  size: number;
}

/** Fills `{scope}`, `{slug}`, `{report}` and `{period}` into the artifact-name template. */
export function artifactName(template: string, values: Record<'scope' | 'slug' | 'report' | 'period', string>): string {
  return template.replace(/\{(scope|slug|report|period)\}/g, (_, key: keyof typeof values) => values[key]);
}

/** `{server}/{owner}/{repo}/actions/runs/{run_id}/artifacts/{id}`, or empty outside a workflow run. */
function artifactUrl(id: number, env: NodeJS.ProcessEnv = process.env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  return repository && runId ? `${server}/${repository}/actions/runs/${runId}/artifacts/${id}` : '';
}

/**
 * Uploads the files as one artifact, with paths relative to `root` so that it unpacks to
 * `{scope}/{slug}/{report}/{period}/...`. With `overwrite`, a same-named artifact of this run
 * is deleted first, as actions/upload-artifact does.
 */
export async function uploadArtifact(
  settings: ArtifactSettings,
  name: string,
  files: string[],
  root: string,
): Promise<UploadedArtifact> {
  const client = (await import(/* webpackIgnore: true */ pathToFileURL(CLIENT_FILE).href)) as typeof ArtifactClient;
  let result;
  try {
    result = await client.upload(name, files, root, settings);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /\(409\)|already exists/i.test(message)
      ? ` An artifact named "${name}" already exists in this run: set overwrite: true, or another artifact-name.`
      : '';
    throw new Error(`Artifact upload failed: ${message}.${hint}`, { cause: error });
  }
  if (result.id === undefined) throw new Error('Artifact upload failed: the service returned no artifact id.');
  const id = result.id;
  return { id, name, url: artifactUrl(id), digest: result.digest ?? '', size: result.size ?? 0 };
}
