import * as core from '@actions/core';

/**
 * A report's signed links, which expire after about an hour. When the host refuses one,
 * `renew` asks the API for fresh links once for all the parts that noticed at the same time.
 */
export class SignedLinks {
  private refreshes = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private links: string[],
    private readonly fetchFresh: () => Promise<string[]>,
    private readonly maxRefreshes: number,
  ) {}

  get(index: number): string {
    return this.links[index];
  }

  /** The links now in use, in API order. */
  all(): string[] {
    return [...this.links];
  }

  /** Makes `stale` (a link that was refused) fresh; false when no more refreshes are allowed. */
  async renew(index: number, stale: string): Promise<boolean> {
    if (this.pending) await this.pending;
    if (this.links[index] !== stale) return true;
    if (this.refreshes >= this.maxRefreshes) return false;
    this.refreshes++;
    this.pending = this.refresh().finally(() => (this.pending = undefined));
    await this.pending;
    return true;
  }

  private async refresh(): Promise<void> {
    core.info(`A signed link was refused, probably expired: asking the API for fresh links.`);
    const fresh = await this.fetchFresh();
    if (fresh.length !== this.links.length) {
      throw new Error(
        `The report changed while downloading: the API now lists ${fresh.length} files instead of ${this.links.length}. Run the step again.`,
      );
    }
    this.links = fresh;
  }
}
