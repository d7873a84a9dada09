import { LineSplitter } from '../../src/insights/line-splitter.js';

function split(chunks: string[], max = Infinity): { lines: string[]; oversized: number } {
  const lines: string[] = [];
  let oversized = 0;
  const splitter = new LineSplitter(
    (line) => lines.push(line),
    max,
    () => oversized++,
  );
  for (const chunk of chunks) splitter.push(Buffer.from(chunk));
  splitter.end();
  return { lines, oversized };
}

test('lines may span chunks; the last needs no newline', () => {
  expect(split(['ab', 'c\nd', 'e\n', 'f'])).toEqual({ lines: ['abc', 'de', 'f'], oversized: 0 });
});

test('a line longer than the limit is reported instead, within a chunk or across many', () => {
  expect(split(['12345\n123\n'], 4)).toEqual({ lines: ['123'], oversized: 1 });
  expect(split(['12', '34', '5', '6\nab\n'], 4)).toEqual({ lines: ['ab'], oversized: 1 });
  expect(split(['1234\n', '12', '345'], 4)).toEqual({ lines: ['1234'], oversized: 1 });
});

test('a line of the limit exactly is kept, and bytes past the limit are not held', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter(
    (line) => lines.push(line),
    4,
    () => lines.push('<oversized>'),
  );
  splitter.push(Buffer.from('1234'));
  for (let i = 0; i < 1000; i++) splitter.push(Buffer.alloc(1024, 'x'));
  expect((splitter as unknown as { carry: Buffer[] }).carry).toEqual([]);
  splitter.push(Buffer.from('\n5678\n'));
  expect(lines).toEqual(['<oversized>', '5678']);
});
