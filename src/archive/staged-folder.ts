import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_NAME } from './manifest.js';
import { PeriodLock } from './period-lock.js';
import { checkArchive, listedFiles, readManifest } from './verify-archive.js';

/** Names this action writes in a period folder, besides those its manifest lists. */
const OWN_NAMES = /^(part-\d{3,}\.(ndjson|csv)|teams\.(ndjson|csv)|manifest\.json)$/;

/** Staged folders not yet committed or discarded, removed on the way out of a signal. */
const live = new Set<StagedFolder>();

/**
 * A period is written into a hidden sibling folder and renamed into place only when every
 * file and the manifest are complete. A failed run leaves the earlier archive untouched
 * and no partial files anywhere; a lock keeps a second run off the same period meanwhile.
 */
export class StagedFolder {
  /** Set while the old copy is moved aside and the new one into place. */
  private swapping = false;

  private constructor(
    /** Where the files are written now. */
    readonly dir: string,
    /** Where they appear when committed. */
    readonly target: string,
    private readonly root: string,
    private readonly lock: PeriodLock,
  ) {}

  /** Where the previous copy waits while the new one is moved into place. */
  private get old(): string {
    return `${this.dir}.old`;
  }

  /** A staging folder for `target`, a folder under `root`. */
  static async create(target: string, root: string): Promise<StagedFolder> {
    const parent = path.dirname(target);
    await fs.mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST' && error.code !== 'ENOTDIR') throw error;
      throw new Error(`Cannot create the folder ${parent}: a file that is not a folder is in its path.`);
    });
    const lock = await PeriodLock.take(target);
    try {
      await recoverLeftovers(target);
      await assertOwnFolder(target);
      const dir = path.join(parent, `${leftoverPrefix(target)}${randomBytes(4).toString('hex')}`);
      await fs.mkdir(dir);
      const staged = new StagedFolder(dir, target, root, lock);
      watchSignals();
      live.add(staged);
      return staged;
    } catch (error) {
      lock.release();
      await removeEmptyFolders(parent, root);
      throw error;
    }
  }

  /** Replaces the target with the staged files. */
  async commit(): Promise<void> {
    await assertOwnFolder(this.target);
    this.swapping = true;
    const existed = await fs.rename(this.target, this.old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await fs.rename(this.dir, this.target);
    if (existed) await fs.rm(this.old, { recursive: true, force: true });
    this.swapping = false;
    this.finish();
  }

  /** Removes the staged files, and the folders above them left empty, up to the root itself. */
  async discard(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
    this.finish();
    await removeEmptyFolders(path.dirname(this.dir), this.root);
  }

  private finish(): void {
    live.delete(this);
    this.lock.release();
  }

  /**
   * On the way out of a signal: no staged files left behind, and a swap under way is either
   * finished or undone, so the period keeps a complete copy.
   */
  abandonNow(): void {
    if (this.swapping && !existsSync(this.target) && existsSync(this.old)) renameSync(this.old, this.target);
    for (const dir of [this.dir, ...(existsSync(this.target) ? [this.old] : [])]) {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
    this.finish();
  }
}

function leftoverPrefix(target: string): string {
  return `.${path.basename(target)}.partial-`;
}

/**
 * Staging folders a killed run left beside `target`. When the target is missing (the run died
 * between the two renames of a swap), the newest complete copy among them is put back first;
 * only then are the others removed, so the period never loses its last complete copy.
 */
async function recoverLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const leftovers = (await fs.readdir(parent))
    .filter((entry) => entry.startsWith(leftoverPrefix(target)))
    .map((entry) => path.join(parent, entry));
  if (leftovers.length === 0) return;
  if (!existsSync(target)) {
    const complete: { dir: string; fetchedAt: string }[] = [];
    for (const dir of leftovers) {
      const { manifest } = await checkArchive(dir);
      if (manifest) complete.push({ dir, fetchedAt: String(manifest.fetched_at) });
    }
    const newest = complete.sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt))[0];
    if (newest) {
      await fs.rename(newest.dir, target);
      core.info(`Put back the complete copy of ${target} that an interrupted run left in ${newest.dir}.`);
    }
  }
  for (const dir of leftovers) await fs.rm(dir, { recursive: true, force: true });
}

/** Fails, naming the path, when `target` holds anything this action did not write: it is never replaced. */
async function assertOwnFolder(target: string): Promise<void> {
  const stat = await fs.lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stat) return;
  const advice = 'this action did not write it, so it will not replace it: move it away or choose another `path`';
  if (!stat.isDirectory()) throw new Error(`${target} already exists and is not a folder; ${advice}.`);
  const { manifest } = await readManifest(target);
  const listed = new Set([MANIFEST_NAME, ...(manifest ? listedFiles(manifest).map((file) => file.name) : [])]);
  for (const entry of await fs.readdir(target, { withFileTypes: true })) {
    if (entry.isFile() && (listed.has(entry.name) || OWN_NAMES.test(entry.name))) continue;
    throw new Error(`The period folder ${target} holds ${entry.name}; ${advice}.`);
  }
}

/** Removes `from` and the folders above it while they are empty, up to `root` itself. */
async function removeEmptyFolders(from: string, root: string): Promise<void> {
  const within = (dir: string): boolean => dir === root || dir.startsWith(root + path.sep);
  for (let dir = from; within(dir); dir = path.dirname(dir)) {
    try {
      await fs.rmdir(dir);
    } catch {
      return; // not empty: an earlier archive lives here
    }
  }
}

let watching = false;

/** SIGINT and SIGTERM (a cancelled job) remove the staged folders, then end the process as the signal would. */
function watchSignals(): void {
  if (watching) return;
  watching = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const staged of live) {
      try {
        staged.abandonNow();
        core.info(`Cancelled (${signal}): removed the staging folder ${staged.dir}.`);
      } catch (error) {
        core.warning(`Cancelled (${signal}): could not remove ${staged.dir}: ${(error as Error).message}`);
      }
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
