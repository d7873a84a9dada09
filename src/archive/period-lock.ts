import { promises as fs, unlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A live lock's file is touched this often... */
const HEARTBEAT_MS = 30_000;
/** ...so one untouched for this long was left by a run that died on another machine. */
const STALE_MS = 5 * HEARTBEAT_MS;

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks a period as being written, so that two runs writing the same period into the same
 * folder (two jobs on one self-hosted runner, or a shared `path`) do not remove each other's
 * staging folder: the second one fails with a plain message instead. A lock left by a run that
 * died (its process is gone, or its file has not been touched for minutes) is taken over.
 */
export class PeriodLock {
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(readonly file: string) {
    this.heartbeat = setInterval(() => {
      const now = new Date();
      fs.utimes(file, now, now).catch(() => undefined);
    }, HEARTBEAT_MS).unref();
  }

  /** Locks the period folder `target`; fails when another live run holds it. */
  static async take(target: string): Promise<PeriodLock> {
    const file = path.join(path.dirname(target), `.${path.basename(target)}.lock`);
    const holder: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.writeFile(file, JSON.stringify(holder), { flag: 'wx' });
        return new PeriodLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const other = await readHolder(file);
      if (attempt === 1 && other.stale) {
        await fs.rm(file, { force: true });
        continue;
      }
      const who = other.holder
        ? ` (process ${other.holder.pid} on ${other.holder.host}, since ${other.holder.since})`
        : '';
      throw new Error(
        `Another run is writing the same period, ${target}${who}. Run this step again when it has finished; if no run is writing it, delete ${file}.`,
      );
    }
  }

  /** Frees the period; synchronous, so that it also works on the way out of a signal. */
  release(): void {
    clearInterval(this.heartbeat);
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}

async function readHolder(file: string): Promise<{ holder?: Holder; stale: boolean }> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const holder = JSON.parse(text) as Holder;
    const dead = holder.host === os.hostname() && !alive(holder.pid);
    return { holder, stale: dead || Date.now() - stat.mtimeMs > STALE_MS };
  } catch {
    // Unreadable: being written this instant, or not ours; only its age can tell.
    const stat = await fs.stat(file).catch(() => undefined);
    return { stale: !stat || Date.now() - stat.mtimeMs > STALE_MS };
  }
}
