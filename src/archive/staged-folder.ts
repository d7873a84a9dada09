import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * A period is written into a hidden sibling folder and renamed into place only when every
 * file and the manifest are complete. A failed run leaves the earlier archive untouched
 * and no partial files anywhere.
 */
export class StagedFolder {
  private constructor(
    /** Where the files are written now. */
    readonly dir: string,
    /** Where they appear when committed. */
    readonly target: string,
  ) {}

  static async create(target: string): Promise<StagedFolder> {
    const parent = path.dirname(target);
    const prefix = `.${path.basename(target)}.partial-`;
    await fs.mkdir(parent, { recursive: true });
    // A killed run may have left its staging folder behind.
    for (const entry of await fs.readdir(parent)) {
      if (entry.startsWith(prefix)) await fs.rm(path.join(parent, entry), { recursive: true, force: true });
    }
    const dir = path.join(parent, `${prefix}${randomBytes(4).toString('hex')}`);
    await fs.mkdir(dir);
    return new StagedFolder(dir, target);
  }

  /** Replaces the target with the staged files. */
  async commit(): Promise<void> {
    const old = `${this.dir}.old`;
    const existed = await fs.rename(this.target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await fs.rename(this.dir, this.target);
    if (existed) await fs.rm(old, { recursive: true, force: true });
  }

  /** Removes the staged files, and the folders above them left empty, up to `root` itself. */
  async discard(root: string): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
    const within = (dir: string): boolean => dir === root || dir.startsWith(root + path.sep);
    for (let dir = path.dirname(this.dir); within(dir); dir = path.dirname(dir)) {
      try {
        await fs.rmdir(dir);
      } catch {
        return; // not empty: an earlier archive lives here
      }
    }
  }
}
