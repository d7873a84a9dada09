import { RecordCounter } from '../../src/download/record-counter.js';

function count(chunks: string[]): number {
  const counter = new RecordCounter();
  for (const chunk of chunks) counter.push(Buffer.from(chunk));
  return counter.records;
}

test('counts non-empty lines, with or without a trailing newline', () => {
  expect(count(['{"a":1}\n{"a":2}\n'])).toBe(2);
  expect(count(['{"a":1}\n{"a":2}'])).toBe(2);
  expect(count([''])).toBe(0);
  expect(count(['\n\n'])).toBe(0);
});

test('skips blank and whitespace-only lines, CRLF included', () => {
  expect(count(['{"a":1}\r\n\r\n  \t\n{"a":2}\r\n'])).toBe(2);
});

test('counts lines that span chunks once', () => {
  expect(count(['{"a":', '1}\n{"', 'a":2}', '\n', '   ', '\n'])).toBe(2);
  expect(count(['  ', ' x', '\n'])).toBe(1);
});
