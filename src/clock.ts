/**
 * The time the action takes as now. The tests of a schedule played day after day set
 * COPILOT_METRICS_NOW (an ISO 8601 time) so that each run sees its simulated day; it is not
 * part of the action's interface, like the retry timings in tuning.ts.
 */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.COPILOT_METRICS_NOW ? new Date(env.COPILOT_METRICS_NOW) : undefined;
  return fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
}
