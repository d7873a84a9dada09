/**
 * Hostile networks, bodies and workspaces, on Node 24 (the runtime action.yml names) and on
 * Node 20: a trickling link host, a gzip bomb, a huge API answer, a foreign file where the
 * period goes, a crash during the folder swap, manifests that are JSON but not manifests, two
 * runs of one period at once, and a cancelled job. None may hang, exhaust memory, or lose or
 * delete what the action did not write.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { addDays } from '../../src/days.js';
import { DOWNLOAD_ATTEMPTS } from '../../src/tuning.js';
import { listFiles, NODE24, REPO_ROOT, type ActionRun } from '../../simulator/run-action.js';
import { FAST_RETRIES } from '../../simulator/simulator.js';
import { expectArchivedExactly } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';

const harness = useHarness();

const NODES: [string, string][] = [
  ['Node 24', NODE24],
  ['Node 20', '/usr/bin/node'],
];

/** A minimum rate of 1 KiB/s over a 1 s window, so that a trickle fails in seconds. */
const SPEED = { COPILOT_METRICS_MIN_RATE: '1024', COPILOT_METRICS_MIN_RATE_WINDOW_MS: '1000' };

const SCOPE = { scope: 'organization' as const, slug: 'octo-org', report: 'users-1-day' as const };
const folderOf = (workspace: string, day: string) =>
  path.join(workspace, 'copilot-metrics/organization/octo-org/users-1-day', day);

let daysBack = 0;
/** A day of its own for each test, with a report of `count` parts of 200 rows (about 46 KB each). */
function report(count = 3): { day: string; parts: Buffer[]; inputs: Record<string, string> } {
  const day = addDays(harness.api.latestDay(), -(daysBack++ % 150));
  const rows = (n: number) =>
    Buffer.from(
      Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({ day, user_id: n * 1000 + i, user_login: `u${n}-${i}`, filler: 'x'.repeat(200) }),
      ).join('\n') + '\n',
    );
  const parts = Array.from({ length: count }, (_, n) => rows(n + 1));
  harness.api.setReport({ ...SCOPE, day }, parts);
  return { day, parts, inputs: { ...SCOPE, day, 'upload-artifact': 'false' } };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every entry under a folder, hidden ones and folders included, relative to it. */
async function allEntries(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}

const snapshot = async (folder: string) =>
  new Map(
    await Promise.all(
      (await listFiles(folder)).map(async (f) => [f, await fs.readFile(path.join(folder, f))] as const),
    ),
  );

const GiB = 1024 ** 3;
/** 1 GiB of zeros with no newline, gzip-encoded in about 1 MiB: 16 gzip members of 64 MiB each. */
let bomb: Buffer;
/** Their SHA-256, computed here over the plain zeros. */
let zerosSha256: string;
beforeAll(() => {
  bomb = Buffer.concat(Array(16).fill(gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })));
  const hash = createHash('sha256');
  const mebibyte = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 1024; i++) hash.update(mebibyte);
  zerosSha256 = hash.digest('hex');
});

/** Peak RSS of the bomb's run, worker threads included, must stay under this. */
const BOMB_RSS_BOUND_MIB = 300;
const PROBE = path.join(REPO_ROOT, 'scripts/bench/probe.cjs');

describe.each(NODES)('%s', (_, node) => {
  test('a link host that trickles fails each attempt after the window, and the part within the documented bound', async () => {
    const { inputs } = report();
    harness.links.inject({ match: { part: 2 }, times: Infinity, respond: { trickle: { bytes: 1, everyMs: 100 } } });
    const from = harness.links.requests.length;
    const run = await harness.run(inputs, { node, env: SPEED });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^part-002\.ndjson \(127\.0\.0\.1:\d+\/[^?\s]+\) failed after 5 attempts: slower than 1024 bytes\/s for 1 s \(\d+ bytes in that time\)$/,
      ),
    ]);
    // The README's bound, from the first request of the part to the end of the run: attempts ×
    // (window + a tenth of it) + the backoffs, plus a little for the process to end.
    const attempts = harness.links.requests.slice(from).filter((request) => request.part === 2);
    expect(attempts).toHaveLength(DOWNLOAD_ATTEMPTS);
    const spent = run.startedAt + run.elapsedMs - attempts[0].at;
    const backoffs = Number(FAST_RETRIES.COPILOT_METRICS_BACKOFF_MS) * (2 ** (DOWNLOAD_ATTEMPTS - 1) - 1) * 1.25;
    expect(spent).toBeGreaterThan(DOWNLOAD_ATTEMPTS * 1000);
    expect(spent).toBeLessThan(DOWNLOAD_ATTEMPTS * 1100 + backoffs + 3000);
    expect(await fs.readdir(run.workspace)).toEqual([]);
  });

  test('a trickle once, then a good answer: the part lands byte-exact', async () => {
    const { day, parts, inputs } = report();
    harness.links.inject({ match: { part: 1 }, respond: { trickle: { bytes: 1, everyMs: 100 } } });
    const run = await harness.run(inputs, { node, env: SPEED });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/part-001\.ndjson \(.+\): attempt 1 of 5 failed \(slower than 1024 bytes\/s for 1 s/);
    await expectArchivedExactly(folderOf(run.workspace, day), parts);
  });

  test('an attempt that outlives the part deadline, however fast, is aborted and retried', async () => {
    const { day, parts, inputs } = report();
    // 40 KB/s, well above the minimum rate: the part would take more than a second.
    harness.links.inject({ match: { part: 3 }, respond: { trickle: { bytes: 4096, everyMs: 100 } } });
    const run = await harness.run(inputs, { node, env: { ...SPEED, COPILOT_METRICS_PART_DEADLINE_MS: '500' } });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/part-003\.ndjson \(.+\): attempt 1 of 5 failed \(still not complete after 0\.5 s\)/);
    await expectArchivedExactly(folderOf(run.workspace, day), parts);
  });

  test(`a gzip bomb (1 MiB to 1 GiB of zeros, no newline) is archived byte-exact under ${BOMB_RSS_BOUND_MIB} MiB, its record left out`, async () => {
    const { day, inputs } = report(0);
    harness.api.setReport({ ...SCOPE, day }, [{ gzipped: bomb }]);
    const rssFile = path.join(os.tmpdir(), `cma-rss-${process.pid}-${daysBack}`);
    const run = await harness.run(inputs, {
      node,
      nodeArgs: ['--require', PROBE],
      // The product's idle timeout: expanding 1 GiB holds the socket back for seconds.
      env: { BENCH_RSS_FILE: rssFile, COPILOT_METRICS_IDLE_TIMEOUT_MS: '60000' },
      timeoutMs: 300_000,
    });
    try {
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);
      const file = path.join(folderOf(run.workspace, day), 'part-001.ndjson');
      expect((await fs.stat(file)).size).toBe(GiB);
      expect(await sha256File(file)).toBe(zerosSha256);
      const manifest = JSON.parse(await fs.readFile(path.join(folderOf(run.workspace, day), 'manifest.json'), 'utf8'));
      expect(manifest.files).toEqual([{ name: 'part-001.ndjson', bytes: GiB, sha256: zerosSha256, records: 1 }]);
      expect(run.warnings).toContainEqual(
        `${day} part-001.ndjson: 1 line(s) are longer than 64.0 MiB, the most a record may hold; they stay in the raw file and are left out of the summary and the CSV.`,
      );
      const peakMiB = JSON.parse(await fs.readFile(rssFile, 'utf8')).maxRssKiB / 1024;
      console.log(`${node}: the bomb's peak RSS was ${peakMiB.toFixed(0)} MiB in ${run.elapsedMs} ms`);
      expect(peakMiB).toBeLessThan(BOMB_RSS_BOUND_MIB);
    } finally {
      await fs.rm(run.workspace, { recursive: true, force: true });
      await fs.rm(rssFile, { force: true });
    }
  });

  test('an API answer of 9 MiB is read whole: its links are archived, with if-no-report: warn', async () => {
    const { day, parts, inputs } = report(2);
    const links = parts.map((part, i) => harness.links.sign(`/big-answer/${day}/part-${i + 1}.ndjson`, part, i + 1, 0));
    const body = { download_links: links, report_day: day, note: 'x'.repeat(9 * 1024 * 1024) };
    harness.api.inject({ match: { report: 'users-1-day', day }, respond: { status: 200, body } });
    const run = await harness.run({ ...inputs, 'if-no-report': 'warn' }, { node });
    expect(run.warnings).not.toContainEqual(expect.stringContaining('no users-1-day report'));
    expect(run.code).toBe(0);
    expect(run.outputs.found).toBe('true');
    await expectArchivedExactly(folderOf(run.workspace, day), parts);
  });

  test('an API answer of 9 MiB that is not JSON is an error that says what came back, never "no report"', async () => {
    const { day, inputs } = report(1);
    const body = `{"download_links": ["${'x'.repeat(9 * 1024 * 1024)}`;
    harness.api.inject({ match: { report: 'users-1-day', day }, respond: { status: 200, body } });
    const run = await harness.run({ ...inputs, 'if-no-report': 'warn' }, { node });
    expect(run.code).toBe(1);
    expect(run.warnings).toEqual([]);
    expect(run.errors).toEqual([
      `The API answered 200 for ${day} with a body that is not JSON (9.0 MiB starting with "{\\"download_links\\": [\\"${'x'.repeat(39)}"). It is not one of the "no report" answers, so the step fails rather than miss a report.`,
    ]);
    expect(run.stdout).not.toContain('has no users-1-day report');
    expect(await fs.readdir(run.workspace)).toEqual([]);
  });

  test.each([
    ['a file', async (target: string) => fs.writeFile(target, 'my notes\n'), (target: string) => target],
    [
      'a folder holding a file the action did not write',
      async (target: string) => {
        await fs.mkdir(target);
        await fs.writeFile(path.join(target, 'notes.txt'), 'my notes\n');
      },
      (target: string) => path.join(target, 'notes.txt'),
    ],
  ])('the period folder path already holds %s: the run fails naming it, and keeps it', async (_, place, kept) => {
    const { day, inputs } = report(1);
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-foreign-'));
    const target = folderOf(workspace, day);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await place(target);
    try {
      const links = harness.links.requests.length;
      const run = await harness.run(inputs, { node, workspace });
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([expect.stringContaining(target)]);
      expect(run.errors[0]).toMatch(/this action did not write it, so it will not replace it/);
      expect(await fs.readFile(kept(target), 'utf8')).toBe('my notes\n');
      expect(harness.links.requests.length).toBe(links);
      expect((await fs.readdir(path.dirname(target))).filter((entry) => entry.startsWith('.'))).toEqual([]);
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });

  describe('a crash during the folder swap, then a failed run', () => {
    /** Archives a day, then leaves the folders as a run killed between the swap's two renames would. */
    async function crashedSwap(stagedComplete: boolean) {
      const { day, parts, inputs } = report(2);
      const first = await harness.run(inputs, { node });
      expect(first.code).toBe(0);
      const target = folderOf(first.workspace, day);
      const before = await snapshot(target);
      const staged = path.join(path.dirname(target), `.${day}.partial-0badcafe`);
      await fs.rename(target, `${staged}.old`);
      let stagedFetchedAt: string | undefined;
      if (stagedComplete) {
        await fs.cp(`${staged}.old`, staged, { recursive: true });
        const manifestFile = path.join(staged, 'manifest.json');
        const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
        manifest.fetched_at = new Date(Date.parse(manifest.fetched_at) + 60_000).toISOString();
        stagedFetchedAt = manifest.fetched_at;
        await fs.writeFile(manifestFile, JSON.stringify(manifest));
      } else {
        await fs.mkdir(staged);
        await fs.writeFile(path.join(staged, 'part-001.ndjson'), parts[0].subarray(0, 1000));
      }
      // The next run fails for good on its second part.
      harness.links.inject({ match: { part: 2 }, times: Infinity, respond: { status: 500 } });
      const again = await harness.run(inputs, { node, workspace: first.workspace });
      expect(again.code).toBe(1);
      expect(again.errors).toEqual([expect.stringMatching(/^part-002\.ndjson .* failed after 5 attempts: HTTP 500/)]);
      expect(await fs.readdir(path.dirname(target))).toEqual([day]);
      return { target, before, staged, again, stagedFetchedAt };
    }

    test('an incomplete staged copy: the complete old copy is put back', async () => {
      const { target, before, staged, again } = await crashedSwap(false);
      expect(again.stdout).toContain(
        `Put back the complete copy of ${target} that an interrupted run left in ${staged}.old.`,
      );
      expect(await snapshot(target)).toEqual(before);
    });

    test('a complete staged copy: the newer of the two complete copies is put back', async () => {
      const { target, before, staged, again, stagedFetchedAt } = await crashedSwap(true);
      // The whole line: the older copy's message names `${staged}.old`.
      expect(again.stdout.split('\n')).toContain(
        `Put back the complete copy of ${target} that an interrupted run left in ${staged}.`,
      );
      const after = await snapshot(target);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, bytes] of before) if (name !== 'manifest.json') expect(after.get(name)).toEqual(bytes);
      // The newer copy, told apart by its manifest's fetched_at.
      expect(JSON.parse(after.get('manifest.json')!.toString('utf8')).fetched_at).toBe(stagedFetchedAt);
    });
  });

  test('a manifest that is JSON but not a manifest is "not usable": the day is fetched again, saying why', async () => {
    const since = addDays(harness.api.latestDay(), -200);
    const until = addDays(since, 2);
    const inputs = { ...SCOPE, since, until, 'skip-existing': 'true', 'refresh-days': '0', 'upload-artifact': 'false' };
    const first = await harness.run(inputs, { node });
    expect(first.code).toBe(0);
    const bad: [string, (manifest: Record<string, unknown>) => unknown, string][] = [
      [since, () => null, 'the manifest is null'],
      [addDays(since, 1), (m) => ({ ...m, files: [null] }), "the manifest's files[0] is null"],
      [
        until,
        (m) => ({ ...m, files: [{ name: 'part-001.ndjson', bytes: '12', sha256: 5, records: 1 }] }),
        'the manifest\'s part-001.ndjson has no valid "bytes"',
      ],
    ];
    for (const [day, change] of bad) {
      const file = path.join(folderOf(first.workspace, day), 'manifest.json');
      await fs.writeFile(file, JSON.stringify(change(JSON.parse(await fs.readFile(file, 'utf8')))));
    }
    const from = harness.api.requests.length;
    const second = await harness.run(inputs, { node, workspace: first.workspace });
    expect(second.errors).toEqual([]);
    expect(second.code).toBe(0);
    expect(
      harness.api.requests
        .slice(from)
        .map((request) => request.day)
        .sort(),
    ).toEqual(bad.map(([day]) => day));
    for (const [day, , why] of bad) {
      expect(second.stdout).toContain(`${day}: the archived copy is not usable (${why}); fetching it again.`);
      await expectArchivedExactly(folderOf(first.workspace, day), harness.api.parts({ ...SCOPE, day }) as Buffer[]);
    }
  });

  test('two runs of the same period at once: the second says another run is writing it, the first completes', async () => {
    const { day, parts, inputs } = report(3);
    // The first run's downloads wait until the second run has ended.
    let second: Promise<ActionRun> | undefined;
    let started!: () => void;
    const secondStarted = new Promise<void>((resolve) => (started = resolve));
    harness.links.hold = secondStarted.then(() => second);
    const env = { COPILOT_METRICS_IDLE_TIMEOUT_MS: '60000' };
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-twice-'));
    try {
      const first = await harness.run(inputs, {
        node,
        workspace,
        env,
        onLine: (line) => {
          if (!line.includes('downloading 3 file(s)') || second) return;
          second = harness.run(inputs, { node, workspace, env });
          started();
        },
      });
      const other = await second!;
      expect(first.errors).toEqual([]);
      expect(first.code).toBe(0);
      expect(other.code).toBe(1);
      expect(other.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Another run is writing the same period, ${folderOf(workspace, day).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(process \\d+ on .+\\)\\. Run this step again when it has finished`,
          ),
        ),
      ]);
      await expectArchivedExactly(folderOf(workspace, day), parts);
      expect((await fs.readdir(path.dirname(folderOf(workspace, day)))).sort()).toEqual([day]);
    } finally {
      started();
      await second?.catch(() => undefined);
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });

  test('a run killed outright leaves its lock and staging folder; the next run takes both over', async () => {
    const { day, parts, inputs } = report(3);
    let release!: () => void;
    harness.links.hold = new Promise<void>((resolve) => (release = resolve));
    const killed = await harness.run(inputs, {
      node,
      onLine: (line, _at, child) => {
        if (line.includes('downloading 3 file(s)')) child.kill('SIGKILL');
      },
    });
    release();
    expect(killed.code).toBeNull();
    const parent = path.dirname(folderOf(killed.workspace, day));
    const left = await fs.readdir(parent);
    expect(left).toContain(`.${day}.lock`);
    expect(left.filter((entry) => entry.startsWith(`.${day}.partial-`))).toHaveLength(1);
    const again = await harness.run(inputs, { node, workspace: killed.workspace });
    expect(again.errors).toEqual([]);
    expect(again.code).toBe(0);
    await expectArchivedExactly(folderOf(killed.workspace, day), parts);
    expect(await fs.readdir(parent)).toEqual([day]);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('a cancelled job (%s) leaves no staging folder', async (signal) => {
    const { inputs } = report(3);
    harness.links.pace = 20_000; // each part takes about two seconds
    let sent = false;
    const run = await harness.run(inputs, {
      node,
      onLine: (line, _at, child) => {
        if (!sent && line.includes('downloading 3 file(s)')) {
          sent = true;
          child.kill(signal);
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBeNull();
    expect(run.stdout).toMatch(new RegExp(`Cancelled \\(${signal}\\): removed the staging folder .*\\.partial-`));
    const hidden = (await allEntries(run.workspace)).filter((entry) => path.basename(entry).startsWith('.'));
    expect(hidden).toEqual([]);
    expect(await listFiles(run.workspace)).toEqual([]);
    expect(existsSync(run.workspace)).toBe(true);
  });
});
