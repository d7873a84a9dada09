/**
 * Recipes read as written: a workflow file of examples/, its steps, and the `${{ }}` expressions
 * and `if:` conditions they use, evaluated the way the runner does for the few forms the recipes
 * need. An expression outside those forms fails the test rather than guessing.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../simulator/run-action.js';

/** How the recipes name this action. */
export const ACTION = 'octo-org/copilot-metrics-archive@v1';

export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
}

export interface Workflow {
  on: unknown;
  permissions: unknown;
  jobs: Record<string, { steps: WorkflowStep[]; strategy?: { matrix: Record<string, unknown[]> } }>;
}

export async function readRecipe(name: string): Promise<Workflow> {
  return parse(await fs.readFile(path.join(REPO_ROOT, 'examples', name), 'utf8')) as Workflow;
}

/** The steps of a recipe's only job. */
export function stepsOf(workflow: Workflow): WorkflowStep[] {
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`A recipe with ${jobs.length} jobs`);
  return jobs[0].steps;
}

/** The step that runs this action (the recipes have one). */
export function actionStep(workflow: Workflow): WorkflowStep {
  const ours = stepsOf(workflow).filter((step) => step.uses === ACTION);
  if (ours.length !== 1) throw new Error(`A recipe with ${ours.length} steps of this action`);
  return ours[0];
}

/** What the expressions of a job can read. */
export interface ExpressionContext {
  secrets?: Record<string, string>;
  inputs?: Record<string, string>;
  matrix?: Record<string, string>;
  github?: Record<string, string>;
  steps?: Record<string, { outputs: Record<string, string> }>;
}

/** The value of `a.b.c` in the context; a missing step output is '' as on the runner. */
function lookup(expression: string, context: ExpressionContext): string {
  const [root, ...keys] = expression.split('.');
  if (root === 'steps' && keys.length === 3 && keys[1] === 'outputs') {
    return context.steps?.[keys[0]]?.outputs[keys[2]] ?? '';
  }
  const scope = context[root as keyof ExpressionContext] as Record<string, string> | undefined;
  const value = keys.length === 1 ? scope?.[keys[0]] : undefined;
  if (value === undefined) throw new Error(`The test gives no value for \${{ ${expression} }}`);
  return value;
}

/** A text with its `${{ a.b.c }}` expressions replaced. */
export function expand(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => lookup(expression, context));
}

/** A step's `with:` or `env:` as the runner passes it: strings, expressions expanded. */
export function expandAll(
  values: Record<string, unknown> | undefined,
  context: ExpressionContext,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, expand(String(value), context)]));
}

/**
 * Whether a step runs: no `if:` runs after success only; `always()`; or `a.b.c == 'text'`.
 */
export function shouldRun(step: WorkflowStep, context: ExpressionContext, failed: boolean): boolean {
  if (step.if === undefined) return !failed;
  const condition = step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  if (condition === 'always()') return true;
  const comparison = /^([\w.-]+)\s*==\s*'([^']*)'$/.exec(condition);
  if (!comparison) throw new Error(`The test cannot evaluate if: ${step.if}`);
  return !failed && lookup(comparison[1], context) === comparison[2];
}
