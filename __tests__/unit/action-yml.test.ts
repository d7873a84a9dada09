import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Defaults, Inputs, Outputs } from '../../src/inputs/constants.js';
import { ACTION_VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../../simulator/run-action.js';

const action = parse(await fs.readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8'));

test('action.yml declares exactly the inputs the code reads, with the same defaults', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
  for (const [name, value] of Object.entries(Defaults))
    expect([name, String(action.inputs[name].default)]).toEqual([name, value]);
  expect(action.inputs['api-url'].default).toBe('${{ github.api_url }}');
  for (const name of ['token', 'scope', 'slug', 'report']) expect(action.inputs[name].required).toBe(true);
});

test('action.yml declares exactly the outputs the code sets', () => {
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
});

test('runs the bundle on node24 and names the same version as package.json', async () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  const pkg = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  expect(ACTION_VERSION).toBe(pkg.version);
});

/** The rows of a README table between `<!-- name:start -->` and `<!-- name:end -->`. */
async function readmeTable(name: string): Promise<string[][]> {
  const readme = await fs.readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const block = readme.split(`<!-- ${name}:start -->`)[1].split(`<!-- ${name}:end -->`)[0];
  return block
    .trim()
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    );
}

test("the README's inputs table lists action.yml's inputs, in order, with its defaults", async () => {
  const rows = await readmeTable('inputs');
  expect(rows.map(([name]) => name)).toEqual(Object.keys(action.inputs));
  for (const [name, shown] of rows) {
    const input = action.inputs[name];
    expect([name, shown]).toEqual([name, input.required ? 'required' : (input.default ?? '')]);
  }
});

test("the README's outputs table lists action.yml's outputs, in order", async () => {
  expect((await readmeTable('outputs')).map(([name]) => name)).toEqual(Object.keys(action.outputs));
});
