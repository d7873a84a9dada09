import * as core from '@actions/core';

const MiB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  return `${(bytes / 1024 / MiB).toFixed(2)} GiB`;
}

/** Only downloads at least this big log progress; small ones log just their completion. */
const MIN_LOGGED_BYTES = 16 * MiB;

/**
 * Logs a download's progress about every 10 % (when the size is known) or every 10 seconds,
 * whichever comes first, with the rate since the start.
 */
export class Progress {
  private readonly started = Date.now();
  private lastLogAt = this.started;
  private nextTenth = 1;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly log: (line: string) => void = core.info,
  ) {}

  update(received: number): void {
    const now = Date.now();
    const big = (this.total ?? received) >= MIN_LOGGED_BYTES;
    if (!big) return;
    const tenth = this.total ? Math.floor((received / this.total) * 10) : 0;
    const due = now - this.lastLogAt >= 10_000;
    if (tenth < this.nextTenth && !due) return;
    if (tenth >= 10) return; // completion is logged by the caller
    this.nextTenth = tenth + 1;
    this.lastLogAt = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const of = this.total ? ` of ${formatBytes(this.total)} (${tenth * 10} %)` : '';
    this.log(`${this.label}: ${formatBytes(received)}${of}, ${formatBytes(Math.round(received / seconds))}/s`);
  }
}
