/** The artifact inputs: artifact-name, retention-days, compression-level, overwrite, upload-artifact. */
import { addDays } from '../../src/days.js';
import { useHarness } from '../harness/harness.js';

const harness = useHarness();

const REPOS = { scope: 'organization', slug: 'octo-org', report: 'repos-1-day' };
const day = (back: number) => addDays(harness.api.latestDay(), -back);

/** The compression method of each zip entry (0 stored, 8 deflated), read from the central directory. */
function zipMethods(zip: Buffer): number[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  const methods: number[] = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < entries; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    methods.push(zip.readUInt16LE(at + 10));
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return methods;
}

test('artifact-name fills {scope}, {slug}, {report} and {period}', async () => {
  const run = await harness.run({ ...REPOS, day: day(1), 'artifact-name': 'cm_{slug}_{report}_{period}_{scope}' });
  expect(run.code).toBe(0);
  const name = `cm_octo-org_repos-1-day_${day(1)}_organization`;
  expect(run.outputs['artifact-name']).toBe(name);
  expect(harness.artifacts.finalized().at(-1)!.name).toBe(name);
});

test('retention-days sets the expiry; 0 keeps the repository default', async () => {
  const kept = await harness.run({ ...REPOS, day: day(2), 'retention-days': '5' });
  expect(kept.code).toBe(0);
  const expires = Date.parse(harness.artifacts.finalized().at(-1)!.expiresAt!);
  expect(Math.abs(expires - (Date.now() + 5 * 86_400_000))).toBeLessThan(120_000);
  const defaulted = await harness.run({ ...REPOS, day: day(3), 'retention-days': '0' });
  expect(defaulted.code).toBe(0);
  expect(harness.artifacts.finalized().at(-1)!.expiresAt).toBeUndefined();
});

test.each([
  ['0', 0],
  ['9', 8],
])('compression-level %s stores the zip entries with method %d', async (level, method) => {
  const run = await harness.run({ ...REPOS, day: day(4), 'compression-level': level, 'artifact-name': `zip-${level}` });
  expect(run.code).toBe(0);
  const zip = await harness.artifacts.zipOf(harness.artifacts.finalized().at(-1)!);
  const methods = zipMethods(zip);
  expect(methods.length).toBeGreaterThan(1);
  expect(new Set(methods)).toEqual(new Set([method]));
});

test('a second upload of the same name fails with a hint, unless overwrite: true replaces it', async () => {
  const inputs = { ...REPOS, day: day(5), 'artifact-name': 'same-name' };
  const first = await harness.run(inputs);
  expect(first.code).toBe(0);
  const again = await harness.run(inputs);
  expect(again.code).toBe(1);
  expect(again.errors[0]).toMatch(
    /^Artifact upload failed: .*already exists.* set overwrite: true, or another artifact-name\.$/,
  );

  const calls = harness.artifacts.calls.length;
  const replaced = await harness.run({ ...inputs, overwrite: 'true' });
  expect(replaced.code).toBe(0);
  expect(harness.artifacts.calls.slice(calls)).toEqual([
    'ListArtifacts',
    'DeleteArtifact',
    'CreateArtifact',
    'FinalizeArtifact',
  ]);
  const named = harness.artifacts.finalized().filter((a) => a.name === 'same-name');
  expect(named.map((a) => String(a.id))).toEqual([replaced.outputs['artifact-id']]);
  expect(replaced.outputs['artifact-id']).not.toBe(first.outputs['artifact-id']);
});

test('overwrite: true with no earlier artifact just uploads', async () => {
  const run = await harness.run({ ...REPOS, day: day(6), 'artifact-name': 'fresh-name', overwrite: 'true' });
  expect(run.code).toBe(0);
  expect(run.outputs['artifact-name']).toBe('fresh-name');
});

test('upload-artifact: false makes no artifact and leaves the artifact outputs empty', async () => {
  const calls = harness.artifacts.calls.length;
  const run = await harness.run({ ...REPOS, day: day(7), 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  expect(harness.artifacts.calls.length).toBe(calls);
  for (const name of ['artifact-id', 'artifact-name', 'artifact-url', 'artifact-digest'])
    expect(run.outputs[name]).toBe('');
  expect(run.summary).toContain('| not uploaded |');
});
