import { closeSync, openSync, readSync } from 'node:fs';
import { PartAnalysis, type PartOptions } from '../insights/part-analysis.js';

/**
 * One part's analysis, fed from the part's file as far as the download has written it: by an
 * analysis thread while the part downloads, or by the main thread for a small part once it is
 * complete.
 */
export class PartReader {
  analysis: PartAnalysis;
  private fd = -1;
  private position = 0;

  constructor(
    options: PartOptions,
    private readonly file: string,
  ) {
    this.analysis = new PartAnalysis(options);
  }

  /** Analyses the file's bytes up to `bytes`, those the download has written, read into `slab`. */
  async readTo(bytes: number, slab: Buffer): Promise<void> {
    if (this.position >= bytes) return;
    if (this.fd === -1) this.fd = openSync(this.file, 'r');
    while (this.position < bytes) {
      const read = readSync(this.fd, slab, 0, Math.min(slab.length, bytes - this.position), this.position);
      if (read === 0) throw new Error(`${this.file} ended after ${this.position} of ${bytes} bytes`);
      this.position += read;
      await this.analysis.write(slab.subarray(0, read));
    }
  }

  async restart(): Promise<void> {
    this.close();
    this.position = 0;
    await this.analysis.restart();
  }

  close(): void {
    if (this.fd !== -1) closeSync(this.fd);
    this.fd = -1;
  }
}
