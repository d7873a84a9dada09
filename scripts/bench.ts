/**
 * `npm run bench`: the action's speed and memory on big reports, against curl and the toolkit.
 *
 *  1. Generates a users-1-day report of 4 parts × 128 MiB (and 8 parts, 1 GiB, for memory),
 *     served by the simulator's link host, paced at 64 MiB/s per connection like real links.
 *  2. Runs the bundled action (upload-artifact: false) and `curl --parallel --parallel-immediate`
 *     on the same links, interleaved A B A B, and reports the median ratio: with the defaults
 *     (the job summary parses every record), with job-summary: false, and unpaced.
 *  3. Reports the action's peak RSS, and its cold start (spawn to first API request) next to
 *     `node -e 0`.
 *  4. Times the action's artifact upload against a direct DefaultArtifactClient.uploadArtifact
 *     of the same files.
 *
 * BENCH_ROUNDS (default 3) sets the rounds. Results also go to .bench/results.json.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, type Simulator } from '../simulator/simulator.js';
import { REPO_ROOT, runAction } from '../simulator/run-action.js';
import { generatePart } from './bench/generate.js';

const MiB = 1024 * 1024;
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const PACE = 64 * MiB;
const BENCH_DIR = path.join(REPO_ROOT, '.bench');
const execFileAsync = promisify(execFile);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface ActionResult {
  wallMs: number;
  peakRssKiB: number;
  coldStartMs: number;
  uploadMs?: number;
  workspace: string;
  files: string[];
  manifest: string;
}

async function benchAction(
  simulator: Simulator,
  day: string,
  upload: boolean,
  extra: Record<string, string> = {},
): Promise<ActionResult> {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}`);
  const fromRequest = simulator.api.requests.length;
  let uploadStarted = 0;
  let uploadMs: number | undefined;
  const run = await runAction({
    inputs: {
      token: simulator.api.token,
      scope: 'enterprise',
      slug: 'octo-ent',
      report: 'users-1-day',
      day,
      'upload-artifact': String(upload),
      'artifact-name': `bench-${day}-${Date.now()}`,
      ...extra,
    },
    env: { ...simulator.env, BENCH_RSS_FILE: rssFile },
    nodeArgs: ['--require', path.join(REPO_ROOT, 'scripts/bench/max-rss.cjs')],
    timeoutMs: 600_000,
    onLine: (line, at) => {
      if (line.startsWith('::group::Upload artifact')) uploadStarted = at;
      else if (uploadStarted && uploadMs === undefined && line === '::endgroup::') uploadMs = at - uploadStarted;
    },
  });
  if (run.code !== 0) throw new Error(`The action failed: ${run.errors.join(' ')}\n${run.stderr}`);
  const firstRequest = simulator.api.requests[fromRequest];
  return {
    wallMs: run.elapsedMs,
    peakRssKiB: Number(await fs.readFile(rssFile, 'utf8')),
    coldStartMs: firstRequest.at - run.startedAt,
    uploadMs,
    workspace: run.workspace,
    files: JSON.parse(run.outputs.files),
    manifest: run.outputs.manifest,
  };
}

/** curl on the same report: fresh links from the simulated API, then all parts in parallel. */
async function benchCurl(simulator: Simulator, day: string): Promise<number> {
  const response = await fetch(
    `${simulator.api.url}/enterprises/octo-ent/copilot/metrics/reports/users-1-day?day=${day}`,
    {
      headers: { authorization: `token ${simulator.api.token}` },
    },
  );
  const { download_links: links } = (await response.json()) as { download_links: string[] };
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-curl-'));
  const args = ['--parallel', '--parallel-immediate', '--parallel-max', String(links.length), '-sS', '--fail'];
  links.forEach((link, i) => args.push('-o', path.join(folder, `part-${i + 1}.ndjson`), link));
  const started = performance.now();
  await new Promise<void>((resolve, reject) =>
    spawn('curl', args, { stdio: 'inherit' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`curl exited ${code}`)),
    ),
  );
  const wallMs = performance.now() - started;
  await fs.rm(folder, { recursive: true, force: true });
  return wallMs;
}

async function nodeColdStart(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await execFileAsync(process.execPath, ['-e', '0']);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function compare(
  simulator: Simulator,
  day: string,
  pace: number,
  label: string,
  extra: Record<string, string> = {},
) {
  simulator.links.pace = pace;
  const action: ActionResult[] = [];
  const curl: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await benchAction(simulator, day, false, extra);
    await fs.rm(a.workspace, { recursive: true, force: true });
    const b = await benchCurl(simulator, day);
    action.push(a);
    curl.push(b);
    console.log(
      `  ${label} round ${round}: action ${seconds(a.wallMs)} (peak RSS ${mib(a.peakRssKiB)}), curl ${seconds(b)}`,
    );
  }
  const ratios = action.map((a, i) => a.wallMs / curl[i]);
  return {
    actionMs: median(action.map((a) => a.wallMs)),
    curlMs: median(curl),
    ratio: median(ratios),
    peakRssKiB: Math.max(...action.map((a) => a.peakRssKiB)),
    coldStartMs: median(action.map((a) => a.coldStartMs)),
  };
}

async function compareUpload(simulator: Simulator, day: string) {
  simulator.links.pace = PACE;
  const action: number[] = [];
  const direct: number[] = [];
  let peakRssKiB = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await benchAction(simulator, day, true);
    peakRssKiB = Math.max(peakRssKiB, a.peakRssKiB);
    const root = path.join(a.workspace, 'copilot-metrics');
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts/bench/direct-upload.mjs'),
        `direct-${day}-${round}-${Date.now()}`,
        root,
        ...a.files,
        a.manifest,
      ],
      {
        env: { ...process.env, ...simulator.env, GITHUB_SERVER_URL: 'https://github.com' },
        maxBuffer: 64 * MiB,
      },
    );
    const directMs = Number(/DIRECT_UPLOAD_MS=(\d+)/.exec(stdout)![1]);
    await fs.rm(a.workspace, { recursive: true, force: true });
    action.push(a.uploadMs!);
    direct.push(directMs);
    console.log(`  upload round ${round}: action ${seconds(a.uploadMs!)}, toolkit alone ${seconds(directMs)}`);
  }
  return {
    actionMs: median(action),
    directMs: median(direct),
    ratio: median(action.map((a, i) => a / direct[i])),
    peakRssKiB,
  };
}

async function main(): Promise<void> {
  await fs.mkdir(BENCH_DIR, { recursive: true });
  console.log(
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
  );
  console.log('Generating 8 parts × 128 MiB of users-1-day rows in .bench/ (kept for later runs)...');
  const files = Array.from({ length: 8 }, (_, i) => path.join(BENCH_DIR, `part-${i + 1}.ndjson`));
  for (const [i, file] of files.entries()) await generatePart(file, 128 * MiB, i + 1);

  const simulator = await startSimulator();
  try {
    const day512 = addDays(simulator.api.latestDay(), -10);
    const day1G = addDays(day512, -1);
    const key = { scope: 'enterprise' as const, slug: 'octo-ent', report: 'users-1-day' as const };
    simulator.api.setReport(
      { ...key, day: day512 },
      files.slice(0, 4).map((file) => ({ file })),
    );
    simulator.api.setReport(
      { ...key, day: day1G },
      files.map((file) => ({ file })),
    );

    console.log(`\n1. 4 × 128 MiB, links paced at ${PACE / MiB} MiB/s per connection (action: upload-artifact false)`);
    const paced = await compare(simulator, day512, PACE, 'paced');
    console.log('\n2. The same with job-summary: false (archiving only, no record is parsed)');
    const archiveOnly = await compare(simulator, day512, PACE, 'archive only', { 'job-summary': 'false' });
    console.log('\n3. The same, unpaced (loopback as fast as it goes)');
    const unpaced = await compare(simulator, day512, 0, 'unpaced');
    console.log('\n4. Cold start');
    const nodeMs = await nodeColdStart();
    console.log('\n5. Artifact upload of the 512 MiB report: the action vs DefaultArtifactClient alone');
    const upload = await compareUpload(simulator, day512);
    console.log('\n6. Peak RSS on a 1 GiB report (8 × 128 MiB, paced)');
    simulator.links.pace = PACE;
    const gigOff = await benchAction(simulator, day1G, false);
    await fs.rm(gigOff.workspace, { recursive: true, force: true });
    const gigOn = await benchAction(simulator, day1G, true);
    await fs.rm(gigOn.workspace, { recursive: true, force: true });
    const archiveOnly1G = { 'job-summary': 'false' };
    const gigOffPlain = await benchAction(simulator, day1G, false, archiveOnly1G);
    await fs.rm(gigOffPlain.workspace, { recursive: true, force: true });
    const gigOnPlain = await benchAction(simulator, day1G, true, archiveOnly1G);
    await fs.rm(gigOnPlain.workspace, { recursive: true, force: true });

    const results = {
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpu: os.cpus()[0].model,
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
      },
      rounds: ROUNDS,
      paced: { paceMiBps: PACE / MiB, ...paced },
      archiveOnly,
      unpaced,
      coldStart: { actionMs: paced.coldStartMs, nodeMs },
      upload,
      peakRss1GiB: {
        uploadOffKiB: gigOff.peakRssKiB,
        uploadOnKiB: gigOn.peakRssKiB,
        archiveOnlyUploadOffKiB: gigOffPlain.peakRssKiB,
        archiveOnlyUploadOnKiB: gigOnPlain.peakRssKiB,
        wallOffMs: gigOff.wallMs,
        wallOnMs: gigOn.wallMs,
      },
    };
    await fs.writeFile(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`
Results (${results.machine.node}, ${results.machine.cpus} cores; medians of ${ROUNDS} interleaved rounds)
| measure | action | reference | ratio | target |
|---|---|---|---|---|
| 512 MiB, paced ${PACE / MiB} MiB/s per link, defaults | ${seconds(paced.actionMs)} | curl ${seconds(paced.curlMs)} | ${paced.ratio.toFixed(2)} | ≤ 1.3 |
| the same, job-summary: false | ${seconds(archiveOnly.actionMs)} | curl ${seconds(archiveOnly.curlMs)} | ${archiveOnly.ratio.toFixed(2)} | ≤ 1.3 |
| 512 MiB, unpaced loopback | ${seconds(unpaced.actionMs)} | curl ${seconds(unpaced.curlMs)} | ${unpaced.ratio.toFixed(2)} | (CPU-bound) |
| artifact upload, 512 MiB | ${seconds(upload.actionMs)} | toolkit alone ${seconds(upload.directMs)} | ${upload.ratio.toFixed(2)} | ≤ 1.1 |
| cold start to first API request | ${seconds(paced.coldStartMs)} | node -e 0: ${seconds(nodeMs)} | | |
| peak RSS, 512 MiB, upload off | ${mib(paced.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 512 MiB, upload off, job-summary: false | ${mib(archiveOnly.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 512 MiB, upload on | ${mib(upload.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 1 GiB, upload off | ${mib(gigOff.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 1 GiB, upload on | ${mib(gigOn.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 1 GiB, upload off, job-summary: false | ${mib(gigOffPlain.peakRssKiB)} | | | ≤ 200 MiB |
| peak RSS, 1 GiB, upload on, job-summary: false | ${mib(gigOnPlain.peakRssKiB)} | | | ≤ 200 MiB |`);
  } finally {
    await simulator.stop();
  }
}

await main();
