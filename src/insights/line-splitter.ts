/**
 * Splits chunks into lines; a line may span any number of chunks. A line longer than
 * `maxLineBytes` is never held whole: its bytes are dropped as they come, and it is reported
 * to `onOversized` instead of `onLine` when it ends.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  private carried = 0;
  /** Inside a line already longer than the limit. */
  private skipping = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineBytes = Infinity,
    private readonly onOversized: () => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      if (this.skipping || this.carried + end - start > this.maxLineBytes) this.onOversized();
      else if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, end));
        this.onLine(Buffer.concat(this.carry).toString('utf8'));
      } else {
        this.onLine(chunk.toString('utf8', start, end));
      }
      // Most lines lie within one chunk and leave nothing to reset: no new array per line.
      if (this.carried !== 0 || this.skipping) this.reset();
      start = end + 1;
    }
    if (start >= chunk.length || this.skipping) return;
    if (this.carried + chunk.length - start > this.maxLineBytes) {
      this.reset();
      this.skipping = true;
      return;
    }
    // Copied: the caller may reuse the chunk's memory.
    this.carry.push(Buffer.from(chunk.subarray(start)));
    this.carried += chunk.length - start;
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.skipping) this.onOversized();
    else if (this.carry.length > 0) this.onLine(Buffer.concat(this.carry).toString('utf8'));
    this.reset();
  }

  reset(): void {
    this.carry = [];
    this.carried = 0;
    this.skipping = false;
  }
}
