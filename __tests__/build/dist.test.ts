/** dist/ is committed, so it must be exactly what the sources build to. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, listFiles } from '../../simulator/run-action.js';

test('dist/ equals a fresh build of src/ (the "build" script, into another folder)', async () => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-dist-'));
  const pkg = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  // Each ncc command of the build script, with its output folder moved from dist/ to `out`.
  for (const command of (pkg.scripts.build as string).split(' && ')) {
    const [program, ...args] = command.split(' ');
    expect(program).toBe('ncc');
    const o = args.indexOf('-o') + 1;
    args[o] = path.join(out, path.relative('dist', args[o]));
    await promisify(execFile)(path.join(REPO_ROOT, 'node_modules/.bin/ncc'), args, { cwd: REPO_ROOT });
  }

  const committed = path.join(REPO_ROOT, 'dist');
  expect(await listFiles(committed)).toEqual(await listFiles(out));
  for (const file of await listFiles(out)) {
    const fresh = await fs.readFile(path.join(out, file));
    const same = fresh.equals(await fs.readFile(path.join(committed, file)));
    if (!same) throw new Error(`dist/${file} differs from a fresh build: run "npm run build" and commit dist/.`);
  }
  await fs.rm(out, { recursive: true, force: true });
  // Three ncc builds: minutes on a busy 2-core machine.
}, 600_000);
