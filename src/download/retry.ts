import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  attempts: number;
  /** The n-th retry waits backoffMs × 2^(n-1), with up to 25 % jitter. */
  backoffMs: number;
  /** Decides by error class: true for faults that a later attempt may not meet. */
  retryable: (error: unknown) => boolean;
  /** Stops the waiting when another part has already failed for good. */
  signal?: AbortSignal;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `attempt` until it succeeds, retrying only retryable errors, and logs each retry as
 * "attempt N of M". It ends with `<name> failed: <last cause>`.
 */
export async function retry<T>(
  name: string,
  attempt: (number: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      const reason = reasonOf(error);
      if (options.signal?.aborted) throw error;
      if (!options.retryable(error)) throw new Error(`${name} failed: ${reason}`, { cause: error });
      if (number >= options.attempts) {
        throw new Error(`${name} failed after ${number} attempts: ${reason}`, { cause: error });
      }
      const delay = Math.round(options.backoffMs * 2 ** (number - 1) * (1 + Math.random() / 4));
      core.info(
        `${name}: attempt ${number} of ${options.attempts} failed (${reason}); retrying in ${(delay / 1000).toFixed(1)} s.`,
      );
      await sleep(delay, undefined, { signal: options.signal }).catch(() => undefined);
      if (options.signal?.aborted) throw error;
    }
  }
}
