import * as core from '@actions/core';
import type { Octokit as OctokitCore } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { API_RETRIES, type Tuning } from '../tuning.js';
import { USER_AGENT } from '../version.js';
import { httpFetch } from './http-fetch.js';

export type ApiClient = InstanceType<typeof Octokit>;

interface ErrorWithResponse {
  status?: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined> };
}

/**
 * GitHub marks a rate limit by a message or by `x-ratelimit-remaining: 0`. A bare 429 with
 * `Retry-After` is marked as a secondary limit too, so plugin-throttling honours its wait.
 */
function bareRetryAfter(octokit: OctokitCore): void {
  octokit.hook.error('request', (error: ErrorWithResponse) => {
    const headers = error.response?.headers ?? {};
    if (
      error.status === 429 &&
      headers['retry-after'] !== undefined &&
      headers['x-ratelimit-remaining'] !== '0' &&
      !/\bsecondary rate\b/i.test(error.message)
    ) {
      error.message = `secondary rate limit: ${error.message}`;
    }
    throw error;
  });
}

/**
 * Octokit for the report endpoints. plugin-retry retries 5xx and network errors with backoff;
 * plugin-throttling owns rate limits (403/429), waiting as long as GitHub asks up to a cap.
 */
export function createApiClient(
  options: { token: string; apiUrl: string; apiVersion: string },
  tuning: Tuning,
): ApiClient {
  const RetryingOctokit = Octokit.plugin(retry, bareRetryAfter, throttling);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryAfter > tuning.maxRateLimitWaitSeconds) return false;
      if (retryCount >= API_RETRIES) return false;
      core.info(
        `GitHub API ${kind} rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s as asked (retry ${retryCount + 1} of ${API_RETRIES}).`,
      );
      return true;
    };
  const octokit = new RetryingOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: USER_AGENT,
    request: { fetch: httpFetch(tuning.idleTimeoutMs) },
    retry: {
      retries: API_RETRIES,
      retryAfterBaseValue: tuning.backoffMs,
      // 429 belongs to plugin-throttling, which honours Retry-After.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
    log: {
      debug: (message: string) => core.debug(message),
      info: (message: string) => core.debug(message),
      warn: (message: string) => core.warning(message),
      // Failed requests are explained by this action's own messages, not as annotations.
      error: (message: string) => core.debug(message),
    },
  });
  // Octokit takes no default headers; its own Accept is application/vnd.github.v3+json.
  octokit.hook.before('request', (request) => {
    request.headers.accept = 'application/vnd.github+json';
    request.headers['x-github-api-version'] = options.apiVersion;
  });
  return octokit;
}
