import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { now } from '../clock.js';
import { formatBytes } from '../download/progress.js';
import type { Settings } from '../inputs/settings.js';
import { loginShower } from '../insights/pseudonymize.js';
import { SeatInsights, SeatTally } from '../insights/seats.js';
import { oneDay } from '../period.js';
import type { ReportRequester } from '../request/fetch-report.js';
import type { RunResult } from './archive-run.js';
import { periodFolder } from './layout.js';
import { MANIFEST_NAME, buildManifest, writeManifest, type DerivedFile, type ManifestFile } from './manifest.js';
import { StagedFolder } from './staged-folder.js';

const PART = 'part-001.ndjson';
const INACTIVE = 'inactive.csv';

/** Writes every page's seats to the part, one compact JSON object a line, in API order. */
async function writeSeats(
  requester: ReportRequester,
  file: string,
  tally: SeatTally,
): Promise<{ part: ManifestFile; totalSeats: number; pages: number }> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'w');
  let bytes = 0;
  let records = 0;
  let pages = 0;
  let totalSeats: number | undefined;
  try {
    for await (const page of requester.seatPages()) {
      pages++;
      totalSeats ??= page.totalSeats;
      const data = Buffer.from(page.seats.map((seat) => `${JSON.stringify(seat)}\n`).join(''));
      page.seats.forEach((seat) => tally.add(seat));
      hash.update(data);
      bytes += data.length;
      records += page.seats.length;
      await handle.write(data);
    }
  } finally {
    await handle.close();
  }
  return { part: { name: PART, bytes, sha256: hash.digest('hex'), records }, totalSeats: totalSeats ?? 0, pages };
}

async function writeDerived(folder: string, name: string, text: string, records: number): Promise<DerivedFile> {
  await fs.writeFile(path.join(folder, name), text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { name, bytes: Buffer.byteLength(text), sha256, records, from: [PART] };
}

/**
 * The `seats` report: every page of the Copilot seat assignments, archived as the snapshot of
 * the UTC day of the fetch (a fetch the same day replaces it), with `total_seats` in the
 * manifest, inactive.csv when `csv` is on, and the seats' figures for the summary.
 */
export async function archiveSeats(requester: ReportRequester, settings: Settings): Promise<RunResult> {
  const fetchedAt = now();
  const period = oneDay(fetchedAt.toISOString().slice(0, 10));
  const target = periodFolder(settings, period);
  const staged = await StagedFolder.create(target, settings.root);
  try {
    const tally = new SeatTally(fetchedAt);
    const { part, totalSeats, pages } = await writeSeats(requester, path.join(staged.dir, PART), tally);
    const derived: DerivedFile[] = [];
    if (settings.insights.csv) {
      const { text, rows } = tally.inactiveCsv(loginShower(settings.insights.pseudonymizeKey));
      derived.push(await writeDerived(staged.dir, INACTIVE, text, rows));
    }
    const { files, derived: derivedFiles, ...head } = buildManifest(settings, period, [part], derived, fetchedAt);
    const manifest = { ...head, total_seats: totalSeats, files, derived: derivedFiles };
    await writeManifest(staged.dir, manifest);
    await staged.commit();
    core.info(
      `${period.start}: ${part.records} seat assignment(s) on ${pages} page(s), ${totalSeats} seat(s) billed, ${formatBytes(part.bytes)} in ${target}`,
    );
    const archived = {
      report: { links: [], period },
      dir: target,
      files: [path.join(target, PART)],
      derived: derived.map((file) => path.join(target, file.name)),
      manifestPath: path.join(target, MANIFEST_NAME),
      manifest,
      restated: false,
    };
    const insights = new SeatInsights(tally.figures(totalSeats), settings.insights.csv ? INACTIVE : undefined);
    return { archived: [archived], companions: [], skipped: [], missing: [], pending: [], restated: [], insights };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
