/** The recipe workflows in examples/ are valid, use only real inputs, and match the README. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../simulator/run-action.js';

const ACTION = 'octo-org/copilot-metrics-archive@v1';
const action = parse(await fs.readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
const readme = await fs.readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
const folder = path.join(REPO_ROOT, 'examples');
const files = (await fs.readdir(folder)).filter((name) => name.endsWith('.yml')).sort();

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

test('there are the five recipes', () => {
  expect(files).toEqual(['backfill-year.yml', 'daily-data-branch.yml', 'daily.yml', 'matrix.yml', 'to-s3.yml']);
});

describe.each(files)('examples/%s', (name) => {
  let text: string;
  let workflow: { on: unknown; permissions: unknown; jobs: Record<string, { steps: Step[] }> };
  beforeAll(async () => {
    text = await fs.readFile(path.join(folder, name), 'utf8');
    workflow = parse(text);
  });

  test('is a complete workflow with explicit permissions', () => {
    expect(workflow.on).toBeDefined();
    expect(workflow.permissions).toBeDefined();
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
  });

  test('passes this action only inputs that action.yml declares, and every required one', () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => step.uses === ACTION);
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
      for (const [key, input] of Object.entries(action.inputs as Record<string, { required?: boolean }>)) {
        if (input.required) expect(step.with).toHaveProperty(key);
      }
    }
  });

  test('pins every other action by commit SHA and keeps expressions out of run scripts', () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    for (const step of steps.filter((s) => s.uses && s.uses !== ACTION)) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    for (const step of steps.filter((s) => s.run)) expect(step.run).not.toContain('${{');
  });

  test('a scheduled recipe is the self-healing sync: several kinds, since earliest, skip-existing, readiness said', () => {
    const schedule = (workflow.on as { schedule?: unknown }).schedule;
    if (!schedule) return;
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    for (const step of steps.filter((s) => s.uses === ACTION)) {
      expect(String(step.with?.report)).toMatch(/^all$|,/);
      expect(step.with).toMatchObject({ since: 'earliest', 'skip-existing': true });
    }
    expect(text).toMatch(/ready about two days after the day ends/);
  });

  test('appears whole in the README', () => {
    expect(readme).toContain(`\`\`\`yaml\n${text}\`\`\``);
  });
});
