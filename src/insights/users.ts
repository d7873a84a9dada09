/**
 * users-1-day and users-28-day: one row per user per active day. A user's rows are merged
 * into one entry of a few numbers (columns of typed arrays), so memory grows with the number
 * of users, 50 to 100 bytes each, and not with the size of the report.
 */
import type { Analyzer, AnalyzerOptions, RenderContext } from './analyzer.js';
import { formatNumber, formatPercent, percentile, ratio, type Maybe, type Row } from './fields.js';
import {
  addFeatures,
  chatModeTable,
  completionRate,
  mergeFeatures,
  originTable,
  type FeatureTotals,
} from './features.js';
import { blocks, heading, table } from './markdown.js';

/** The `used_*` flags the summary counts users by. */
const FLAGS = [
  ['used_chat', 'Chat users'],
  ['used_agent', 'Agent users'],
  ['used_cli', 'CLI users'],
  ['used_copilot_coding_agent', 'Coding agent users'],
  ['used_copilot_code_review_active', 'Code review users'],
] as const;

/** Bit sets of names (IDEs, features, languages, models) hold up to 31; later names count as "other". */
const MAX_NAMES = 31;
const OTHER = 'other';

/** Per user: sums (NaN while unknown), the newest day and its phase, names used, flags. */
export interface UsersState {
  /** Row of each user, by user_id (or login when there is none); none when rows are users. */
  keys?: Map<string | number, number>;
  /** Logins are kept only for a top-users table. */
  keepLogins: boolean;
  size: number;
  logins: (string | undefined)[];
  credits: Float64Array;
  /** Sums that only the top-users table shows: kept with the logins, when it is asked for. */
  sums?: Record<(typeof SUMS)[number], Float64Array>;
  /** The newest row's day as YYYYMMDD, and the adoption phase on it (index into phases). */
  lastDay: Int32Array;
  phase: Int16Array;
  phases: { name: string; number: number }[];
  ides: Int32Array;
  ideNames: string[];
  features: Int32Array;
  featureNames: string[];
  languages: Int32Array;
  languageNames: string[];
  models: Int32Array;
  modelNames: string[];
  /** Two bits per flag: known, and true. */
  flags: Uint16Array;
  /** The oldest and newest day of any row (YYYYMMDD): one day reads "on the day". */
  firstDay: number;
  newestDay: number;
  /** Activity per feature over every row (not per user). */
  featureTotals: FeatureTotals;
}

const COLUMNS = ['credits', 'lastDay', 'phase', 'ides', 'features', 'languages', 'models', 'flags'] as const;

const SUMS = ['interactions', 'generations', 'acceptances'] as const;

/** The fields each of `sums` adds up. */
const SUM_FIELDS = {
  interactions: 'user_initiated_interaction_count',
  generations: 'code_generation_activity_count',
  acceptances: 'code_acceptance_activity_count',
} as const;

function create(options: AnalyzerOptions): UsersState {
  const capacity = 1024;
  return {
    keys: options.rowsAreUsers ? undefined : new Map(),
    keepLogins: options.keepLogins,
    size: 0,
    logins: [],
    credits: new Float64Array(capacity),
    sums: options.keepLogins
      ? {
          interactions: new Float64Array(capacity),
          generations: new Float64Array(capacity),
          acceptances: new Float64Array(capacity),
        }
      : undefined,
    lastDay: new Int32Array(capacity),
    phase: new Int16Array(capacity),
    phases: [],
    ides: new Int32Array(capacity),
    ideNames: [],
    features: new Int32Array(capacity),
    featureNames: [],
    languages: new Int32Array(capacity),
    languageNames: [],
    models: new Int32Array(capacity),
    modelNames: [],
    flags: new Uint16Array(capacity),
    firstDay: Number.MAX_SAFE_INTEGER,
    newestDay: -1,
    featureTotals: new Map(),
  };
}

function doubled<T extends Float64Array | Int32Array | Int16Array | Uint16Array>(old: T): T {
  const bigger = new (old.constructor as new (length: number) => T)(old.length * 2);
  bigger.set(old as never);
  return bigger;
}

function grow(state: UsersState): void {
  for (const column of COLUMNS) (state as unknown as Record<string, unknown>)[column] = doubled(state[column]);
  const { sums } = state;
  if (sums) for (const sum of SUMS) sums[sum] = doubled(sums[sum]);
}

/** The row of a user, added (all unknown) when new. */
function rowOf(state: UsersState, key: string | number, login: string | undefined): number {
  let row = state.keys?.get(key);
  if (row !== undefined) {
    if (state.keepLogins) state.logins[row] ??= login;
    return row;
  }
  if (state.size === state.credits.length) grow(state);
  row = state.size++;
  state.keys?.set(key, row);
  if (state.keepLogins) state.logins[row] = login;
  state.credits[row] = Number.NaN;
  if (state.sums) for (const sum of SUMS) state.sums[sum][row] = Number.NaN;
  state.lastDay[row] = -1;
  state.phase[row] = -1;
  state.ides[row] = state.features[row] = state.languages[row] = state.models[row] = state.flags[row] = 0;
  return row;
}

function bit(names: string[], name: string): number {
  let index = names.indexOf(name);
  if (index === -1) {
    index = names.length < MAX_NAMES ? names.push(name) - 1 : names.indexOf(OTHER);
    if (index === -1) index = names.push(OTHER) - 1;
  }
  return 1 << index;
}

/** Adds a value to a sum that is NaN while unknown. */
function addValue(column: Float64Array, row: number, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return;
  column[row] = Number.isNaN(column[row]) ? value : column[row] + value;
}

function namesOf(entries: unknown, key: string, names: string[]): number {
  let mask = 0;
  if (!Array.isArray(entries)) return mask;
  for (const entry of entries) {
    const name = entry?.[key];
    if (typeof name === 'string') mask |= bit(names, name);
  }
  return mask;
}

function phaseIndex(state: UsersState, name: string, number: number): number {
  for (let index = 0; index < state.phases.length; index++) if (state.phases[index].name === name) return index;
  return state.phases.push({ name, number }) - 1;
}

/** The last day string seen and its YYYYMMDD: a report's rows share a few days. */
let lastDayText = '';
let lastDayNumber = 0;

function dayNumber(value: unknown): number {
  if (typeof value !== 'string') return 0;
  if (value !== lastDayText) {
    lastDayText = value;
    lastDayNumber = Number(value.replace(/-/g, '')) || 0;
  }
  return lastDayNumber;
}

function add(state: UsersState, record: Row): void {
  const id = record.user_id ?? record.user_login;
  if (typeof id !== 'number' && typeof id !== 'string') return;
  const login = typeof record.user_login === 'string' ? record.user_login : undefined;
  const row = rowOf(state, id, login);
  addValue(state.credits, row, record.ai_credits_used);
  if (state.sums) for (const sum of SUMS) addValue(state.sums[sum], row, record[SUM_FIELDS[sum]]);
  const day = dayNumber(record.day);
  if (day < state.firstDay) state.firstDay = day;
  if (day > state.newestDay) state.newestDay = day;
  if (day >= state.lastDay[row]) {
    state.lastDay[row] = day;
    const phase = record.ai_adoption_phase as Row | null | undefined;
    state.phase[row] =
      typeof phase?.phase === 'string'
        ? phaseIndex(
            state,
            phase.phase,
            typeof phase.phase_number === 'number' ? phase.phase_number : Number.MAX_SAFE_INTEGER,
          )
        : -1;
  }
  state.ides[row] |= namesOf(record.totals_by_ide, 'ide', state.ideNames);
  state.features[row] |= namesOf(record.totals_by_feature, 'feature', state.featureNames);
  state.languages[row] |= namesOf(record.totals_by_language_feature, 'language', state.languageNames);
  state.models[row] |= namesOf(record.totals_by_model_feature, 'model', state.modelNames);
  addFeatures(state.featureTotals, record.totals_by_feature);
  for (let i = 0; i < FLAGS.length; i++) {
    const value = record[FLAGS[i][0]];
    if (typeof value === 'boolean') state.flags[row] |= (1 << (2 * i)) | (value ? 1 << (2 * i + 1) : 0);
  }
}

/**
 * Re-maps bit sets of one table of names to another. Each name's bit in the other table is
 * found on first use, in the order a plain re-map would find it, so new names get the same
 * places (and the same "other" beyond MAX_NAMES).
 */
class NameMap {
  private readonly bits: number[];

  constructor(
    private readonly from: string[],
    private readonly into: string[],
  ) {
    this.bits = new Array<number>(from.length).fill(0);
  }

  remap(mask: number): number {
    let result = 0;
    for (let i = 0; i < this.from.length; i++) {
      if (mask & (1 << i)) result |= this.bits[i] ||= bit(this.into, this.from[i]);
    }
    return result;
  }
}

/** How one state's names and phases map into another's, for a merge. */
interface Remaps {
  ides: NameMap;
  features: NameMap;
  languages: NameMap;
  models: NameMap;
  /** Phase indexes of `from` in `into`, found on first use. */
  phases: number[];
}

/** Adds a user's row of `from` into `into`. */
function mergeRow(into: UsersState, key: string | number, from: UsersState, source: number, maps: Remaps): void {
  const row = rowOf(into, key, from.logins[source]);
  addValue(into.credits, row, from.credits[source]);
  if (into.sums && from.sums) for (const sum of SUMS) addValue(into.sums[sum], row, from.sums[sum][source]);
  if (from.lastDay[source] >= into.lastDay[row]) {
    into.lastDay[row] = from.lastDay[source];
    const index = from.phase[source];
    const phase = from.phases[index];
    into.phase[row] = phase ? (maps.phases[index] ??= phaseIndex(into, phase.name, phase.number)) : -1;
  }
  into.ides[row] |= maps.ides.remap(from.ides[source]);
  into.features[row] |= maps.features.remap(from.features[source]);
  into.languages[row] |= maps.languages.remap(from.languages[source]);
  into.models[row] |= maps.models.remap(from.models[source]);
  into.flags[row] |= from.flags[source];
}

function merge(into: UsersState, from: UsersState): void {
  into.firstDay = Math.min(into.firstDay, from.firstDay);
  into.newestDay = Math.max(into.newestDay, from.newestDay);
  mergeFeatures(into.featureTotals, from.featureTotals);
  const maps: Remaps = {
    ides: new NameMap(from.ideNames, into.ideNames),
    features: new NameMap(from.featureNames, into.featureNames),
    languages: new NameMap(from.languageNames, into.languageNames),
    models: new NameMap(from.modelNames, into.modelNames),
    phases: [],
  };
  if (from.keys) for (const [key, source] of from.keys) mergeRow(into, key, from, source, maps);
  // Rows are users: each row is added as it is.
  else for (let source = 0; source < from.size; source++) mergeRow(into, source, from, source, maps);
}

function countNames(mask: Int32Array, size: number, names: string[]): string[][] {
  const counts = new Array<number>(names.length).fill(0);
  // One pass over the rows, visiting each set bit (lowest first) rather than every name.
  for (let row = 0; row < size; row++) {
    for (let bits = mask[row]; bits !== 0; bits &= bits - 1) counts[31 - Math.clz32(bits & -bits)]++;
  }
  return names
    .map((name, i): [string, number] => [name, counts[i]])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => [name, formatNumber(count)]);
}

function flagCount(state: UsersState, i: number): Maybe {
  let known = 0;
  let yes = 0;
  for (let row = 0; row < state.size; row++) {
    if (state.flags[row] & (1 << (2 * i))) known++;
    if (state.flags[row] & (1 << (2 * i + 1))) yes++;
  }
  return known === 0 ? undefined : yes;
}

function phasesTable(state: UsersState): string {
  const counts = new Map<number, number>();
  for (let row = 0; row < state.size; row++) counts.set(state.phase[row], (counts.get(state.phase[row]) ?? 0) + 1);
  const rows = [...counts]
    .map(([index, users]) => ({
      phase: state.phases[index] ?? { name: 'n/a', number: Number.MAX_SAFE_INTEGER },
      users,
    }))
    .sort((a, b) => a.phase.number - b.phase.number || a.phase.name.localeCompare(b.phase.name));
  const most = Math.max(...rows.map((row) => row.users));
  return blocks(
    heading(4, 'Users per adoption phase (each user\u2019s newest), in phase order'),
    table(
      ['Adoption phase', 'Users', ''],
      rows.map((row) => [
        row.phase.name,
        formatNumber(row.users),
        '█'.repeat(Math.max(1, Math.round((row.users / most) * 20))),
      ]),
    ),
  );
}

const known = (value: number): Maybe => (Number.isNaN(value) ? undefined : value);

function topUsers(state: UsersState, context: RenderContext): string {
  const { sums } = state;
  if (context.topUsers <= 0 || !sums) return '';
  const rank = (row: number): number => (Number.isNaN(sums.interactions[row]) ? -1 : sums.interactions[row]);
  const rows = Array.from({ length: state.size }, (_, row) => row)
    .filter((row) => state.logins[row] !== undefined)
    .sort((a, b) => rank(b) - rank(a) || state.logins[a]!.localeCompare(state.logins[b]!))
    .slice(0, context.topUsers);
  return blocks(
    heading(3, `Top ${rows.length} users by interactions`),
    table(
      ['User', 'Interactions', 'Code generations', 'Acceptances', 'AI credits used'],
      rows.map((row) => [
        context.login(state.logins[row]!),
        formatNumber(known(sums.interactions[row])),
        formatNumber(known(sums.generations[row])),
        formatNumber(known(sums.acceptances[row])),
        formatNumber(known(state.credits[row]), 2),
      ]),
    ),
  );
}

/** Users per name (IDE, feature, language, model), most users first. */
function usersPer(title: string, label: string, mask: Int32Array, state: UsersState, names: string[]): string {
  if (names.length === 0) return '';
  return blocks(heading(4, `${title}, most users first`), table([label, 'Users'], countNames(mask, state.size, names)));
}

function render(state: UsersState, context: RenderContext): string {
  if (state.size === 0) return blocks(heading(3, 'Users'), 'No user rows.');
  // A typed copy sorts numerically without boxing each number; unknown credits (NaN) sort last.
  const sorted = state.credits.slice(0, state.size).sort();
  let withCredits = 0;
  while (withCredits < sorted.length && !Number.isNaN(sorted[withCredits])) withCredits++;
  const credits = sorted.subarray(0, withCredits);
  const total = withCredits === 0 ? undefined : credits.reduce((a, b) => a + b, 0);
  // A user is active on a day when they have a row that day; a period counts distinct users.
  const when = state.firstDay === state.newestDay ? 'on the day' : 'distinct over the period';
  const share = (count: Maybe): string => formatPercent(ratio(count, state.size));
  return blocks(
    heading(3, 'Users'),
    table(
      ['Metric', 'Value', 'Share of active users'],
      [
        [`Active users (${when})`, formatNumber(state.size), ''],
        ...FLAGS.map(([, label], i) => [
          `${label} (${when})`,
          formatNumber(flagCount(state, i)),
          share(flagCount(state, i)),
        ]),
        ['Acceptance rate (code completions)', formatPercent(completionRate(state.featureTotals)), ''],
        ['AI credits used', formatNumber(total, 2), ''],
        ['AI credits per user, p50', formatNumber(percentile(credits, 50), 2), ''],
        ['AI credits per user, p90', formatNumber(percentile(credits, 90), 2), ''],
      ],
    ),
    chatModeTable(state.featureTotals),
    originTable(state.featureTotals),
    heading(3, 'Who uses what'),
    usersPer('Users per IDE', 'IDE', state.ides, state, state.ideNames),
    usersPer('Users per feature (all)', 'Feature', state.features, state, state.featureNames),
    usersPer('Users per language', 'Language', state.languages, state, state.languageNames),
    usersPer('Users per model', 'Model', state.models, state, state.modelNames),
    phasesTable(state),
    topUsers(state, context),
  );
}

export const usersAnalyzer: Analyzer<UsersState> = { create, add, merge, render };
