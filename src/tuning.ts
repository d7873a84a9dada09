/**
 * Timings and bounds of the retry machinery. The defaults are the product's; the end-to-end
 * tests shrink the waits through the environment so that fault cases run in seconds.
 */
export interface Tuning {
  /** Base of the exponential backoff between retries of API calls and downloads. */
  backoffMs: number;
  /** A download that receives no byte for this long is aborted and retried. */
  idleTimeoutMs: number;
  /**
   * A download that receives fewer than minRateBytesPerSecond × minRateWindowMs / 1000 bytes
   * in any window of minRateWindowMs is aborted and retried (curl's --speed-limit and
   * --speed-time): a host that trickles a byte now and then never trips the idle timeout.
   */
  minRateBytesPerSecond: number;
  minRateWindowMs: number;
  /** One attempt at a part that takes longer than this, however fast, is aborted and retried. */
  partDeadlineMs: number;
  /** The longest rate-limit wait the action accepts before it fails instead. */
  maxRateLimitWaitSeconds: number;
  /**
   * A part's records are analysed in a worker thread once the part reaches this size; a smaller
   * part is read in the main thread once downloaded (the tests set 0 to send every part to a thread).
   */
  threadAnalysisBytes: number;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function loadTuning(env: NodeJS.ProcessEnv = process.env): Tuning {
  return {
    backoffMs: fromEnv(env, 'COPILOT_METRICS_BACKOFF_MS', 1000),
    idleTimeoutMs: fromEnv(env, 'COPILOT_METRICS_IDLE_TIMEOUT_MS', 60_000),
    minRateBytesPerSecond: fromEnv(env, 'COPILOT_METRICS_MIN_RATE', 1024),
    minRateWindowMs: fromEnv(env, 'COPILOT_METRICS_MIN_RATE_WINDOW_MS', 60_000),
    partDeadlineMs: fromEnv(env, 'COPILOT_METRICS_PART_DEADLINE_MS', 30 * 60_000),
    maxRateLimitWaitSeconds: fromEnv(env, 'COPILOT_METRICS_MAX_RATE_LIMIT_WAIT', 120),
    threadAnalysisBytes: fromEnv(env, 'COPILOT_METRICS_THREAD_ANALYSIS_BYTES', 1024 * 1024),
  };
}

/**
 * Parallel downloads, across all parts and days of a run. A link host serves each connection
 * at a bounded rate, so connections make the speed: 8 fetch a big report of 8 parts as fast as
 * `curl --parallel` does (2.2 times faster than 4 in the benchmark, for 6 MiB more memory).
 */
export const DOWNLOAD_CONCURRENCY = 8;

/** Attempts per download link before the part fails for good. */
export const DOWNLOAD_ATTEMPTS = 5;

/** Retries of one API call after 5xx or network errors (so 4 attempts in all). */
export const API_RETRIES = 3;

/** How many times one report may ask the API for fresh links after some expired. */
export const LINK_REFRESHES = 2;

/**
 * Records longer than this are left out of the analysis (summary, CSV, rollup) with a warning;
 * they stay byte-exact in the raw file. No real record comes near it.
 */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** `day: latest` looks at yesterday and at most this many days in all. */
export const LATEST_PROBE_DAYS = 7;
