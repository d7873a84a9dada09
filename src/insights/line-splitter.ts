/** Splits chunks into lines; a line may span any number of chunks. */
export class LineSplitter {
  private carry: Buffer[] = [];

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, end));
        this.onLine(Buffer.concat(this.carry).toString('utf8'));
        this.carry = [];
      } else {
        this.onLine(chunk.toString('utf8', start, end));
      }
      start = end + 1;
    }
    // Copied: the caller may reuse the chunk's memory.
    if (start < chunk.length) this.carry.push(Buffer.from(chunk.subarray(start)));
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.carry.length > 0) this.onLine(Buffer.concat(this.carry).toString('utf8'));
    this.carry = [];
  }

  reset(): void {
    this.carry = [];
  }
}
