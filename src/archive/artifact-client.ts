/**
 * The Actions artifact client, bundled on its own as dist/artifact-client/index.js and loaded
 * only when a run uploads: with the Azure SDK and the zip code it is most of the code, and a
 * run without an upload then neither parses nor holds it.
 */
import * as core from '@actions/core';
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';

export interface UploadOptions {
  retentionDays: number | undefined;
  compressionLevel: number;
  /** Delete a same-named artifact of this run first, as actions/upload-artifact does. */
  overwrite: boolean;
}

export async function upload(
  name: string,
  files: string[],
  root: string,
  options: UploadOptions,
): Promise<{ id?: number; digest?: string; size?: number }> {
  const client = new DefaultArtifactClient();
  if (options.overwrite) {
    try {
      await client.deleteArtifact(name);
    } catch (error) {
      if (!(error instanceof ArtifactNotFoundError)) throw error;
      core.debug(`No artifact named ${name} to overwrite.`);
    }
  }
  const { retentionDays, compressionLevel } = options;
  return client.uploadArtifact(name, files, root, { retentionDays, compressionLevel });
}
