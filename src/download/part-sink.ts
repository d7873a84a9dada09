import type { PartResult } from '../insights/part-analysis.js';

/**
 * The analysis of one part, fed its bytes as they are downloaded. A retried download restarts
 * it; a part that fails for good abandons it.
 */
export interface PartSink {
  /** Resolves when the sink can take more; undefined when it can at once. */
  write(chunk: Buffer): Promise<void> | undefined;
  /** The download starts over: forget what was seen. */
  restart(): Promise<void>;
  /** The part is complete: what its records say. */
  end(): Promise<PartResult>;
  abandon(): Promise<void>;
}
