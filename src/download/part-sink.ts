import type { PartResult } from '../insights/part-analysis.js';

/**
 * The analysis of one part, which reads the part's file as the download writes it: the
 * download only says how far the file is written, so it never waits for the analysis. A
 * retried download restarts it; a part that fails for good abandons it.
 */
export interface PartSink {
  /** The file's first `bytes` bytes are written. Cheap: call it for every chunk. */
  written(bytes: number): void;
  /** The download starts over: forget what was read. */
  restart(): Promise<void>;
  /** The file is complete at `bytes` bytes: what its records say, once all are read. */
  end(bytes: number): Promise<PartResult>;
  abandon(): Promise<void>;
}
