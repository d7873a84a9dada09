import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileStats } from '../download/download-file.js';
import type { Period } from '../period.js';
import type { ReportName, Scope } from '../reports.js';

export const MANIFEST_NAME = 'manifest.json';

export interface ManifestFile extends FileStats {
  name: string;
}

/** A file computed from the raw parts (a CSV, the team rollup). */
export interface DerivedFile extends ManifestFile {
  /** The files it was computed from. */
  from: string[];
}

/** The copy a restatement replaced: when it was fetched, and its parts. */
export interface PreviousCopy {
  fetched_at: string;
  files: Omit<ManifestFile, 'records'>[];
}

export interface Manifest {
  scope: Scope;
  slug: string;
  report: ReportName;
  report_day?: string;
  report_start_day?: string;
  report_end_day?: string;
  api_version: string;
  fetched_at: string;
  records: number;
  bytes: number;
  /** `seats` only: the seats billed, as GitHub counts them (a user seated twice counts once). */
  total_seats?: number;
  files: ManifestFile[];
  derived: DerivedFile[];
  /** Only after a restatement: the copy it replaced (not older ones). */
  previous?: PreviousCopy;
}

export interface ManifestSubject {
  scope: Scope;
  slug: string;
  report: ReportName;
  apiVersion: string;
}

export function buildManifest(
  subject: ManifestSubject,
  period: Period,
  files: ManifestFile[],
  derived: DerivedFile[],
  fetchedAt: Date,
  previous?: PreviousCopy,
): Manifest {
  const days =
    period.span === '1-day'
      ? { report_day: period.start }
      : { report_start_day: period.start, report_end_day: period.end };
  const entry = ({ name, bytes, sha256, records }: ManifestFile): ManifestFile => ({
    name,
    bytes,
    sha256,
    records,
  });
  return {
    scope: subject.scope,
    slug: subject.slug,
    report: subject.report,
    ...days,
    api_version: subject.apiVersion,
    fetched_at: fetchedAt.toISOString(),
    records: files.reduce((sum, file) => sum + file.records, 0),
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.map(entry),
    derived: derived.map((file) => ({ ...entry(file), from: file.from })),
    ...(previous && { previous }),
  };
}

/** The parts of the copy a new fetch replaces, when their content differs from the new parts. */
export function replacedCopy(old: Manifest, parts: ManifestFile[]): PreviousCopy | undefined {
  const same =
    old.files.length === parts.length &&
    old.files.every((file, i) => file.name === parts[i].name && file.sha256 === parts[i].sha256);
  if (same) return undefined;
  return { fetched_at: old.fetched_at, files: old.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })) };
}

/** Writes `manifest.json` into `folder`; it is the last file written for a period. */
export async function writeManifest(folder: string, manifest: Manifest): Promise<string> {
  const target = path.join(folder, MANIFEST_NAME);
  await fs.writeFile(target, `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}
