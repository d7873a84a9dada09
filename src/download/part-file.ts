import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FileStats } from './download-file.js';
import { chunkReceived } from '../release-memory.js';
import type { PartSink } from './part-sink.js';
import type { Progress } from './progress.js';
import { RecordCounter } from './record-counter.js';

/**
 * The end of a download: writes the bytes to the file, hashing and counting bytes and records
 * and reporting progress in the same pass, and tells the part's analysis how far the file is
 * written. Writes are synchronous: a write to the page cache takes microseconds, less than
 * handing each chunk to the thread pool and back.
 */
export class PartFile extends Writable {
  private readonly hash = createHash('sha256');
  private readonly counter = new RecordCounter();
  private fd = -1;
  bytes = 0;

  constructor(
    private readonly destination: string,
    private readonly progress: Progress,
    private readonly sink: PartSink | undefined,
  ) {
    super();
  }

  override _construct(done: (error?: Error | null) => void): void {
    try {
      this.fd = openSync(this.destination, 'w');
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      for (let offset = 0; offset < chunk.length;) offset += writeSync(this.fd, chunk, offset);
    } catch (error) {
      return done(error as Error);
    }
    this.hash.update(chunk);
    this.counter.push(chunk);
    this.bytes += chunk.length;
    this.progress.update(this.bytes);
    this.sink?.written(this.bytes);
    chunkReceived(chunk.length);
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    this.close(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.close(() => done(error));
  }

  private close(done: (error?: Error | null) => void): void {
    if (this.fd === -1) return done();
    const fd = this.fd;
    this.fd = -1;
    try {
      closeSync(fd);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  stats(): FileStats {
    return { bytes: this.bytes, sha256: this.hash.digest('hex'), records: this.counter.records };
  }
}
