/**
 * Counts records the way NDJSON readers see them: lines that hold anything besides
 * whitespace. Works on chunks as they arrive, so a line may span chunks.
 */
export class RecordCounter {
  private count = 0;
  private lineHasContent = false;

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.lineHasContent) this.lineHasContent = hasContent(chunk, start, end);
      if (newline === -1) return;
      if (this.lineHasContent) this.count++;
      this.lineHasContent = false;
      start = newline + 1;
    }
  }

  /** The count, including a last line without a trailing newline. */
  get records(): number {
    return this.count + (this.lineHasContent ? 1 : 0);
  }
}

/** True when bytes start..end hold anything but spaces, tabs and carriage returns. */
function hasContent(chunk: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = chunk[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return true;
  }
  return false;
}
