import { describeLink, redact, registerLink } from '../../src/secrets.js';

const write = process.stdout.write;
let printed = '';
beforeEach(() => {
  printed = '';
  process.stdout.write = ((text: string) => ((printed += text), true)) as typeof process.stdout.write;
});
afterEach(() => (process.stdout.write = write));

test('masks the query and the signature of a signed link before anything prints it', () => {
  const link =
    'https://copilot-reports.github.com/r/part-1.ndjson?sv=2025-07-05&se=2026-11-25T22%3A00%3A00Z&sp=r&sig=AbC%2Bdef%2FghiJKLmnop%3D';
  registerLink(link);
  expect(printed).toContain(
    '::add-mask::sv=2025-07-05&se=2026-11-25T22%253A00%253A00Z&sp=r&sig=AbC%252Bdef%252FghiJKLmnop%253D',
  );
  expect(printed).toContain('::add-mask::AbC+def/ghiJKLmnop=');
  expect(describeLink(link)).toBe('copilot-reports.github.com/r/part-1.ndjson');
  expect(redact(`failed: GET ${link}`)).toBe('failed: GET https://copilot-reports.github.com/r/part-1.ndjson?***');
});

test('a link without a query masks its path, where a signature must be', () => {
  registerLink('https://example.com/signed/0123456789abcdef0123/file');
  expect(printed).toContain('::add-mask::/signed/0123456789abcdef0123/file');
});

test('redacts every secret, the longest first where they overlap, whatever their number', () => {
  for (let i = 0; i < 5000; i++) registerLink(`https://host.example/p/${i}?sv=1&sig=${String(i).padStart(40, 'S')}`);
  const sig = (i: number) => String(i).padStart(40, 'S');
  expect(redact(`a ${sig(7)} b sv=1&sig=${sig(4999)} c ${sig(7).slice(1)}`)).toBe(`a *** b *** c ${sig(7).slice(1)}`);
  expect(redact('nothing secret here')).toBe('nothing secret here');
});
