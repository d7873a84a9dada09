import { createReadStream } from 'node:fs';

/** Records of NDJSON files, read in chunks so memory does not grow with the file. */
export interface RecordStream {
  records: AsyncGenerator<Record<string, unknown>>;
  /** Lines that were not a JSON object; they stay in the raw files, untouched. */
  invalid: () => number;
}

export function readRecords(files: string[]): RecordStream {
  let invalid = 0;
  const parse = (line: string): Record<string, unknown> | undefined => {
    if (!line.trim()) return undefined;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
    } catch {
      // counted below
    }
    invalid++;
    return undefined;
  };
  async function* records(): AsyncGenerator<Record<string, unknown>> {
    for (const file of files) {
      let carry: Buffer | undefined;
      for await (const chunk of createReadStream(file, {
        highWaterMark: 1 << 20,
      }) as AsyncIterable<Buffer>) {
        const data = carry ? Buffer.concat([carry, chunk]) : chunk;
        let start = 0;
        for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
          const record = parse(data.toString('utf8', start, end));
          if (record) yield record;
          start = end + 1;
        }
        carry = start < data.length ? data.subarray(start) : undefined;
      }
      const record = carry ? parse(carry.toString('utf8')) : undefined;
      if (record) yield record;
    }
  }
  return { records: records(), invalid: () => invalid };
}
