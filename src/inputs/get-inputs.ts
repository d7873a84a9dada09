import * as core from '@actions/core';
import * as path from 'node:path';
import { now } from '../clock.js';
import { dataWindow, isDay, laterDay, type DataWindow } from '../days.js';
import { registerSecret } from '../secrets.js';
import {
  REPORTS,
  REPORT_NAMES,
  firstDataDay,
  isReportName,
  usageReports,
  type ReportName,
  type Scope,
} from '../reports.js';
import { isSecureUrl } from '../urls.js';
import { Defaults, Inputs } from './constants.js';
import type { InsightSettings, KindRequest, NoReportPolicy, RunSettings } from './settings.js';

/** A bad input: the message names the input, the value and the accepted form, on one line. */
export class InputError extends Error {
  override name = 'InputError';
}

/** What the inputs are checked against, besides themselves. */
export interface InputContext {
  /** Folder that `path` is relative to. */
  workspace: string;
  now: Date;
  /** The Actions runtime needed for artifacts is present. */
  hasArtifactRuntime: boolean;
  /** `api-url` when the input is empty. */
  defaultApiUrl: string;
}

function inputContextFromEnv(env: NodeJS.ProcessEnv = process.env): InputContext {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    now: now(env),
    hasArtifactRuntime: Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL),
    defaultApiUrl: env.GITHUB_API_URL || 'https://api.github.com',
  };
}

function read(name: Inputs): string {
  const value = core.getInput(name).trim();
  return value || (Defaults as Partial<Record<Inputs, string>>)[name] || '';
}

function fail(name: Inputs, value: string, expected: string): never {
  const shown = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  throw new InputError(`Input "${name}" has an invalid value "${shown}": expected ${expected}.`);
}

function required(name: Inputs, expected: string): string {
  const value = read(name);
  if (!value) throw new InputError(`Input "${name}" is required: expected ${expected}.`);
  return value;
}

function oneOf<T extends string>(name: Inputs, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  return fail(name, value, `one of ${allowed.join(', ')}`);
}

/** YAML 1.2 booleans, as `core.getBooleanInput` takes them, but with a one-line error. */
function readBoolean(name: Inputs): boolean {
  const value = read(name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  return fail(name, value, 'true or false');
}

function readInteger(name: Inputs, min: number, max: number): number {
  const value = read(name);
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(name, value, `a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function readScope(): Scope {
  const value = required(Inputs.Scope, 'enterprise or organization');
  const scope = oneOf(Inputs.Scope, value, ['enterprise', 'organization', 'org'] as const);
  return scope === 'org' ? 'organization' : scope;
}

/**
 * GitHub's name rules: letters, digits and single inner hyphens; organization logins have at
 * most 39 characters, enterprise slugs at most 60.
 */
function readSlug(scope: Scope): string {
  const max = scope === 'enterprise' ? 60 : 39;
  const expected = `an ${scope === 'enterprise' ? 'enterprise slug' : 'organization login'} of 1 to ${max} letters, digits or inner hyphens`;
  const value = required(Inputs.Slug, expected);
  const ok = new RegExp(`^(?=.{1,${max}}$)[a-z0-9]+(?:-[a-z0-9]+)*$`, 'i');
  if (!ok.test(value)) fail(Inputs.Slug, value, expected);
  return value.toLowerCase();
}

/** `report`: one kind, several separated by commas or new lines, or `all` (the scope's usage reports). */
function readReports(scope: Scope): ReportName[] {
  const allowed = REPORT_NAMES.filter((name) => REPORTS[name].scopes.includes(scope));
  const expected = `one or more of ${allowed.join(', ')} (separated by commas or new lines), or all`;
  const value = required(Inputs.Report, expected);
  const reports: ReportName[] = [];
  for (const item of value.toLowerCase().split(/[,\n]/)) {
    const name = item.trim();
    if (!name) continue;
    if (name === 'all') {
      reports.push(...usageReports(scope));
      continue;
    }
    if (!isReportName(name)) fail(Inputs.Report, value, expected);
    if (!REPORTS[name].scopes.includes(scope)) {
      fail(Inputs.Report, value, `reports of scope ${scope}: ${expected}`);
    }
    reports.push(name);
  }
  if (reports.length === 0) fail(Inputs.Report, value, expected);
  return [...new Set(reports)];
}

function windowText(window: DataWindow): string {
  return `a UTC day from ${window.first} to ${window.last}`;
}

/** A `YYYY-MM-DD` input inside the data window. */
export function readDay(name: Inputs, value: string, window: DataWindow, alsoAllowed = ''): string {
  const expected = `${alsoAllowed}YYYY-MM-DD, ${windowText(window)}`;
  if (!isDay(value)) fail(name, value, expected);
  if (value > window.last) fail(name, value, `${expected} (reports exist only for complete days)`);
  if (value < window.first) {
    fail(name, value, `${expected} (GitHub keeps data from 2025-10-10, at most one year back)`);
  }
  return value;
}

/**
 * `day`, `since` and `until` apply to the 1-day kinds; the 28-day kinds take their latest report.
 * A day or a range with no 1-day kind to take it is an input error. `since: earliest` is each
 * kind's oldest day that GitHub still serves.
 */
function readTargets(scope: Scope, reports: ReportName[], window: DataWindow): KindRequest[] {
  const value = read(Inputs.Day);
  const since = read(Inputs.Since);
  const until = read(Inputs.Until);
  const latest = value.toLowerCase() === 'latest';
  if (!reports.some((report) => REPORTS[report].span === '1-day')) {
    // No kind has a day to choose: a 28-day report is the latest 28 days, seats a snapshot of today.
    const why = reports
      .map((report) =>
        REPORTS[report].span === 'snapshot'
          ? `${report}, a snapshot of the day it is fetched`
          : `${report}, which GitHub serves only as the latest 28 days`,
      )
      .join('; ');
    if (!latest) fail(Inputs.Day, value, `"latest" (the default) with ${why}`);
    if (since || until) {
      fail(since ? Inputs.Since : Inputs.Until, since || until, `empty with ${why}: ranges are for 1-day reports`);
    }
  }
  if (until && !since) fail(Inputs.Until, until, 'empty unless since is set (until ends a range that since starts)');
  if (since && !latest)
    fail(Inputs.Day, value, '"latest" (the default) when since is set: use either a day or a range');
  const earliest = since.toLowerCase() === 'earliest';
  const first = since && !earliest ? readDay(Inputs.Since, since, window, '"earliest" or ') : undefined;
  const last = until ? readDay(Inputs.Until, until, window) : window.last;
  const day = !since && !latest ? readDay(Inputs.Day, value, window, '"latest" or ') : undefined;
  return reports.map((report): KindRequest => {
    if (REPORTS[report].span === 'snapshot') return { report, target: { kind: 'snapshot' } };
    if (REPORTS[report].span === '28-day') return { report, target: { kind: 'latest-28-day' } };
    if (!since) return { report, target: day ? { kind: 'day', day } : { kind: 'latest-day' } };
    const start = first ?? laterDay(firstDataDay(scope, report), window.first);
    // `earliest` before a kind's data starts is an empty range, not an error: a daily sync of
    // `all` keeps working, and picks the kind up on its first day.
    if (start > last && !earliest) fail(Inputs.Until, until, `a day on or after since (${start})`);
    return { report, target: { kind: 'range', since: start, until: last } };
  });
}

function readRoot(workspace: string): string {
  const value = read(Inputs.Path);
  const root = path.resolve(workspace, value);
  const relative = path.relative(workspace, root);
  if (relative.startsWith('..') || path.isAbsolute(relative) || value.includes('\0')) {
    fail(Inputs.Path, value, `a folder inside the workspace (${workspace})`);
  }
  return root;
}

const NAME_PLACEHOLDERS = ['{scope}', '{slug}', '{report}', '{period}'];

/** The same characters actions/upload-artifact refuses in a name. */
const FORBIDDEN_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/;

function readArtifactName(several: boolean): string {
  const value = read(Inputs.ArtifactName);
  const expected = `a name without " : < > | * ? \\ / or line breaks; it may use ${NAME_PLACEHOLDERS.join(' ')}`;
  const unknown = value.match(/\{[^}]*\}/g)?.find((p) => !NAME_PLACEHOLDERS.includes(p));
  if (unknown || FORBIDDEN_NAME_CHARACTERS.test(value)) fail(Inputs.ArtifactName, value, expected);
  // One artifact per kind: without {report} their names would collide.
  if (several && !value.includes('{report}')) {
    fail(Inputs.ArtifactName, value, `a name with {report} when several reports are asked for (${expected})`);
  }
  return value;
}

function readApiUrl(defaultApiUrl: string): string {
  const value = read(Inputs.ApiUrl) || defaultApiUrl;
  const expected = 'an https URL such as https://api.github.com or https://api.SUBDOMAIN.ghe.com';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(Inputs.ApiUrl, value, expected);
  }
  if (!isSecureUrl(url) || url.username || url.password || url.search || url.hash) {
    fail(Inputs.ApiUrl, value, expected);
  }
  return url.href.replace(/\/+$/, '');
}

function readInsights(reports: ReportName[]): InsightSettings {
  const pseudonymizeKey = read(Inputs.PseudonymizeKey) || undefined;
  if (pseudonymizeKey) registerSecret(pseudonymizeKey);
  const teamRollup = readBoolean(Inputs.TeamRollup);
  if (teamRollup && !reports.includes('users-1-day') && !reports.includes('users-28-day')) {
    const expected = `false with ${reports.join(', ')}: the team rollup is built from users-1-day or users-28-day`;
    fail(Inputs.TeamRollup, 'true', expected);
  }
  return {
    summaryTopUsers: readInteger(Inputs.SummaryTopUsers, 0, 1000),
    csv: readBoolean(Inputs.Csv),
    teamRollup,
    pseudonymizeKey,
  };
}

export function getInputs(context: InputContext = inputContextFromEnv()): RunSettings {
  const token = read(Inputs.Token);
  registerSecret(token);
  if (!token) {
    throw new InputError(
      `Input "token" is required: expected a token that may read Copilot usage metrics (the built-in GITHUB_TOKEN cannot).`,
    );
  }
  const scope = readScope();
  const slug = readSlug(scope);
  const reports = readReports(scope);
  const window = dataWindow(context.now);
  const kinds = readTargets(scope, reports, window);
  const skip = {
    skipExisting: readBoolean(Inputs.SkipExisting),
    refreshDays: readInteger(Inputs.RefreshDays, 0, 366),
  };
  const root = readRoot(context.workspace);

  const upload = readBoolean(Inputs.UploadArtifact);
  const nameTemplate = readArtifactName(reports.length > 1);
  // GitHub caps it at the repository's own limit: 90 days for public repositories, up to 400 for private ones.
  const retentionDays = readInteger(Inputs.RetentionDays, 0, 400);
  const compressionLevel = readInteger(Inputs.CompressionLevel, 0, 9);
  const overwrite = readBoolean(Inputs.Overwrite);
  const raw = readBoolean(Inputs.Raw);
  if (upload && !context.hasArtifactRuntime) {
    throw new InputError(
      `Input "upload-artifact" is true, but this is not a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is unset): expected false when running outside Actions.`,
    );
  }

  const ifNoReport = oneOf<NoReportPolicy>(Inputs.IfNoReport, read(Inputs.IfNoReport), ['error', 'warn', 'ignore']);
  const apiUrl = readApiUrl(context.defaultApiUrl);
  const apiVersion = read(Inputs.ApiVersion);
  if (!isDay(apiVersion)) fail(Inputs.ApiVersion, apiVersion, 'a REST API version such as 2026-03-10');
  const jobSummary = readBoolean(Inputs.JobSummary);
  const insights = readInsights(reports);

  return {
    token,
    scope,
    slug,
    kinds,
    skip,
    root,
    artifact: {
      enabled: upload,
      nameTemplate,
      retentionDays: retentionDays === 0 ? undefined : retentionDays,
      compressionLevel,
      overwrite,
      raw,
    },
    ifNoReport,
    apiUrl,
    apiVersion,
    jobSummary,
    insights,
  };
}
