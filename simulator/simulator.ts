/**
 * The local simulator: the simulated GitHub API, the link host on another origin, and the
 * artifact service backed by Azurite. `run` runs the bundled action against them, as a runner
 * does. The demo, the benchmark, the CI self-test and the tests all use it.
 */
import { ArtifactService, runtimeToken } from './artifact-service.js';
import { startAzurite, type Azurite } from './azurite.js';
import { Clock } from './clock.js';
import { GitHubApi } from './github-api.js';
import { LinkHost } from './link-host.js';
import { removeRunFolders, runAction, type ActionRun, type RunOptions } from './run-action.js';

export interface Simulator {
  /** The simulated time: the API and the link host read it, and each run gets it (COPILOT_METRICS_NOW). */
  clock: Clock;
  api: GitHubApi;
  links: LinkHost;
  artifacts: ArtifactService;
  /** Environment a runner would give the step, pointing at the local services. */
  env: Record<string, string>;
  run(inputs: Record<string, string>, options?: Omit<RunOptions, 'inputs'>): Promise<ActionRun>;
  /** Drops faults left over by a test, and sets the clock back to the real time. */
  reset(): void;
  stop(): Promise<void>;
}

/** Test timings: waits shrink so that fault cases run in seconds (see src/tuning.ts). */
export const FAST_RETRIES = {
  COPILOT_METRICS_BACKOFF_MS: '50',
  COPILOT_METRICS_IDLE_TIMEOUT_MS: '1500',
};

export async function startSimulator(): Promise<Simulator> {
  // One Azurite for a whole jest run when its globalSetup started one; else one of our own.
  const shared = process.env.CMA_AZURITE_BLOB_URL;
  const azurite: Azurite = shared ? { blobUrl: shared, stop: async () => undefined } : await startAzurite();
  const clock = new Clock();
  const links = await LinkHost.start(clock);
  const api = await GitHubApi.start(links, clock);
  const artifacts = await ArtifactService.start(azurite);
  const runId = `run-${Math.random().toString(16).slice(2)}`;
  const env = {
    GITHUB_API_URL: api.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, 'job-1'),
    ACTIONS_RESULTS_URL: `${artifacts.url}/`,
    ...FAST_RETRIES,
  };
  return {
    clock,
    api,
    links,
    artifacts,
    env,
    run: (inputs, options = {}) =>
      runAction({
        ...options,
        inputs: { token: api.token, ...inputs },
        env: { ...env, ...clock.env(), ...options.env },
      }),
    reset: () => {
      api.reset();
      links.reset();
      clock.reset();
    },
    stop: async () => {
      await Promise.all([api.stop(), links.stop(), artifacts.stop(), removeRunFolders()]);
      await azurite.stop();
    },
  };
}

export type { ActionRun };
