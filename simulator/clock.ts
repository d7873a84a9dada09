/**
 * The simulator's clock. It runs in real time, shifted by an offset that a test sets, so a
 * schedule can be played day after day: the API's readiness and data window and the link
 * host's signed-link expiry all read it, and each run gets it as COPILOT_METRICS_NOW.
 */
export class Clock {
  /** Milliseconds added to the real time; 0 until a test sets the clock. */
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** The simulated UTC day, `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** Sets the simulated time (an ISO 8601 time); time goes on from there. */
  set(time: string): void {
    const at = Date.parse(time);
    if (Number.isNaN(at)) throw new Error(`Not an ISO 8601 time: ${time}`);
    this.offsetMs = at - Date.now();
  }

  /** Back to the real time. */
  reset(): void {
    this.offsetMs = 0;
  }

  /** True once a test has set the clock. */
  get isSet(): boolean {
    return this.offsetMs !== 0;
  }

  /** What a run needs to share the clock: COPILOT_METRICS_NOW (see src/clock.ts), when set. */
  env(): Record<string, string> {
    return this.isSet ? { COPILOT_METRICS_NOW: this.now().toISOString() } : {};
  }
}
