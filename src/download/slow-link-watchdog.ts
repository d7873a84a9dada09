import type { Tuning } from '../tuning.js';

export type SpeedLimits = Pick<Tuning, 'minRateBytesPerSecond' | 'minRateWindowMs' | 'partDeadlineMs'>;

/** Windows are checked this many times per window length, so a slow stretch is caught soon after it lasts a window. */
const CHECKS_PER_WINDOW = 10;

/**
 * Watches one download attempt from the request on: it trips when fewer bytes than the minimum
 * rate arrived in the last window (as curl's --speed-limit/--speed-time), or when the attempt
 * outlives its deadline. Waiting for the headers counts as receiving nothing.
 */
export class SlowLinkWatchdog {
  /** Bytes arrived from the host so far. */
  received = 0;
  /** Bytes received so far, at each check of the last window. */
  private readonly samples = [0];
  private readonly timers: NodeJS.Timeout[] = [];
  /** Why it tripped, once it has. */
  reason?: string;
  /** What to stop when it trips; replaced once the body is flowing. */
  onTrip: (reason: string) => void = () => undefined;

  constructor(limits: SpeedLimits) {
    const { minRateBytesPerSecond: rate, minRateWindowMs: window, partDeadlineMs: deadline } = limits;
    if (rate > 0 && window > 0) {
      const every = Math.max(10, window / CHECKS_PER_WINDOW);
      const checks = Math.round(window / every);
      this.timers.push(
        setInterval(() => {
          this.samples.push(this.received);
          if (this.samples.length <= checks) return;
          const recent = this.received - this.samples.shift()!;
          if (recent < (rate * window) / 1000) {
            this.trip(`slower than ${rate} bytes/s for ${window / 1000} s (${recent} bytes in that time)`);
          }
        }, every),
      );
    }
    if (deadline > 0) {
      this.timers.push(setTimeout(() => this.trip(`still not complete after ${deadline / 1000} s`), deadline));
    }
  }

  /** Bytes arrived from the host. */
  count(bytes: number): void {
    this.received += bytes;
  }

  /** `pending`, or a rejection with the reason if the watchdog trips first. */
  guard<T>(pending: Promise<T>, drop: (late: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.onTrip = (reason) => reject(new Error(reason));
      pending.then((value) => (this.reason ? drop(value) : resolve(value)), reject);
    });
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
  }

  private trip(reason: string): void {
    if (this.reason) return;
    this.reason = reason;
    this.stop();
    this.onTrip(reason);
  }
}
