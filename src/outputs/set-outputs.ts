import * as core from '@actions/core';
import type { ArchivedPeriod } from '../archive/archive-period.js';
import type { UploadedArtifact } from '../archive/upload-artifact.js';
import { Outputs } from '../inputs/constants.js';

export type OutputValues = Record<Outputs, string>;

/** Every output empty, and `found` false: what a run without a report sets. */
export function emptyOutputs(): OutputValues {
  const values = Object.fromEntries(
    Object.values(Outputs).map((name) => [name, '']),
  ) as OutputValues;
  values[Outputs.Found] = 'false';
  return values;
}

function artifactOutputs(artifact: UploadedArtifact | undefined): Partial<OutputValues> {
  if (!artifact) return {};
  return {
    [Outputs.ArtifactId]: String(artifact.id),
    [Outputs.ArtifactName]: artifact.name,
    [Outputs.ArtifactUrl]: artifact.url,
    [Outputs.ArtifactDigest]: artifact.digest,
  };
}

/** The outputs of a run that archived one report. Lists are JSON, for `fromJSON`. */
export function periodOutputs(
  archived: ArchivedPeriod,
  artifact: UploadedArtifact | undefined,
): OutputValues {
  const { period, links } = archived.report;
  return {
    ...emptyOutputs(),
    [Outputs.Found]: 'true',
    [Outputs.ReportDay]: period.span === '1-day' ? period.start : '',
    [Outputs.ReportStartDay]: period.start,
    [Outputs.ReportEndDay]: period.end,
    [Outputs.DownloadLinks]: JSON.stringify(links),
    [Outputs.Path]: archived.dir,
    [Outputs.Files]: JSON.stringify(archived.files),
    [Outputs.Manifest]: archived.manifestPath,
    [Outputs.RecordCount]: String(archived.manifest.records),
    [Outputs.Bytes]: String(archived.manifest.bytes),
    ...artifactOutputs(artifact),
  };
}

/** Sets every output in one place. */
export function setOutputs(values: OutputValues): void {
  for (const name of Object.values(Outputs)) core.setOutput(name, values[name]);
}
