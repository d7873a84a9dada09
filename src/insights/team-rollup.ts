/**
 * The team rollup of a users report: for each team of one day's user-teams report (the same
 * day for users-1-day, the period's newest for users-28-day), its active users, their flags and
 * the sums of their activity. Teams with fewer than 5 seats are not in
 * the user-teams report, and a user in two teams counts in both.
 */
import { createReadStream } from 'node:fs';
import { add, formatNumber, formatPercent, num, ratio, str, type Maybe, type Row } from './fields.js';
import { blocks, heading, table } from './markdown.js';
import { LineSplitter } from './line-splitter.js';
import { MAX_RECORD_BYTES } from '../tuning.js';
import { ACTIVITY_FIELDS } from './schema.js';

const SUMMED = ['ai_credits_used', ...ACTIVITY_FIELDS] as const;

export const TEAM_COLUMNS = [
  'day',
  'team_id',
  'team_slug',
  'members',
  'active_users',
  'chat_users',
  'agent_users',
  'cli_users',
  ...SUMMED,
  'code_completion_generation_count',
  'code_completion_acceptance_count',
];

interface Team {
  id: unknown;
  slug: string;
  members: number;
}

/** Who is in which team, from the user-teams report. */
export interface TeamDirectory {
  teams: Map<string, Team>;
  /** Team keys of each user (by user_id, or login when there is no id). */
  byUser: Map<string, string[]>;
}

function userKey(record: Row): string | undefined {
  const id = record.user_id ?? record.user_login;
  return id === undefined || id === null ? undefined : String(id);
}

export async function readTeamDirectory(files: string[]): Promise<TeamDirectory> {
  const directory: TeamDirectory = { teams: new Map(), byUser: new Map() };
  const onLine = (line: string): void => {
    if (!line.trim()) return;
    let record: Row;
    try {
      record = JSON.parse(line) as Row;
    } catch {
      return; // counted when the user-teams report itself is analysed
    }
    const user = userKey(record);
    if (user === undefined || record.team_id === undefined || record.team_id === null) return;
    const key = String(record.team_id);
    const team = directory.teams.get(key) ?? {
      id: record.team_id,
      slug: str(record, 'slug') ?? key,
      members: 0,
    };
    team.members++;
    directory.teams.set(key, team);
    directory.byUser.set(user, [...(directory.byUser.get(user) ?? []), key]);
  };
  for (const file of files) {
    const splitter = new LineSplitter(onLine, MAX_RECORD_BYTES);
    for await (const chunk of createReadStream(file)) splitter.push(chunk as Buffer);
    splitter.end();
  }
  return directory;
}

/** The `used_*` flags counted per team, as users with the flag true at least once. */
const TEAM_FLAGS = [
  ['used_chat', 'chat_users'],
  ['used_agent', 'agent_users'],
  ['used_cli', 'cli_users'],
] as const;

/** One team's active users, their flags and their summed activity. */
interface TeamTally {
  active: Set<string>;
  flagged: Set<string>[];
  sums: Partial<Record<(typeof SUMMED)[number], Maybe>>;
  /** Code completions suggested and accepted (the code_completion feature). */
  suggested: Maybe;
  accepted: Maybe;
}

/** Per team key. */
export interface RollupState {
  teams: Map<string, TeamTally>;
}

export function newRollup(): RollupState {
  return { teams: new Map() };
}

function tallyOf(state: RollupState, team: string): TeamTally {
  let tally = state.teams.get(team);
  if (!tally) {
    tally = {
      active: new Set(),
      flagged: TEAM_FLAGS.map(() => new Set()),
      sums: {},
      suggested: undefined,
      accepted: undefined,
    };
    state.teams.set(team, tally);
  }
  return tally;
}

/** The code_completion entry of a record's totals_by_feature, found without a copy of the list. */
function completionOf(record: Row): Row | undefined {
  const entries = record.totals_by_feature;
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries) if (entry?.feature === 'code_completion') return entry as Row;
  return undefined;
}

export function addToRollup(state: RollupState, directory: TeamDirectory, record: Row): void {
  const user = userKey(record);
  const teams = user === undefined ? undefined : directory.byUser.get(user);
  if (!teams) return;
  const completion = completionOf(record);
  for (const team of teams) {
    const tally = tallyOf(state, team);
    tally.active.add(user!);
    for (let i = 0; i < TEAM_FLAGS.length; i++) if (record[TEAM_FLAGS[i][0]] === true) tally.flagged[i].add(user!);
    for (const field of SUMMED) tally.sums[field] = add(tally.sums[field], num(record, field));
    tally.suggested = add(tally.suggested, num(completion, 'code_generation_activity_count'));
    tally.accepted = add(tally.accepted, num(completion, 'code_acceptance_activity_count'));
  }
}

export function mergeRollup(into: RollupState, from: RollupState): void {
  for (const [team, tally] of from.teams) {
    const known = tallyOf(into, team);
    tally.active.forEach((user) => known.active.add(user));
    tally.flagged.forEach((users, i) => users.forEach((user) => known.flagged[i].add(user)));
    for (const field of SUMMED) known.sums[field] = add(known.sums[field], tally.sums[field]);
    known.suggested = add(known.suggested, tally.suggested);
    known.accepted = add(known.accepted, tally.accepted);
  }
}

/** Sums in derived files keep 2 decimals (integers stay integers): no 74.42999999999999. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * One row per team, by slug. A team without active users has 0 activity; a field that none of
 * its active users reported is null (unknown), not 0.
 */
export function rollupRows(state: RollupState, directory: TeamDirectory, day: string): Row[] {
  return [...directory.teams]
    .sort((a, b) => a[1].slug.localeCompare(b[1].slug))
    .map(([key, team]) => {
      const tally = state.teams.get(key);
      const active = tally?.active.size ?? 0;
      const known = (value: Maybe): number | null => (active === 0 ? 0 : value === undefined ? null : round2(value));
      return {
        day,
        team_id: team.id,
        team_slug: team.slug,
        members: team.members,
        active_users: active,
        ...Object.fromEntries(TEAM_FLAGS.map(([, column], i) => [column, tally?.flagged[i].size ?? 0])),
        ...Object.fromEntries(SUMMED.map((field) => [field, known(tally?.sums[field])])),
        code_completion_generation_count: known(tally?.suggested),
        code_completion_acceptance_count: known(tally?.accepted),
      };
    });
}

/** The team table of the summary: one row per team, side by side. */
export function teamsSummary(rows: Row[], day: string): string {
  const count = (row: Row, key: string): Maybe => num(row, key);
  const sorted = [...rows].sort(
    (a, b) =>
      (count(b, 'active_users') ?? 0) - (count(a, 'active_users') ?? 0) ||
      String(a.team_slug).localeCompare(String(b.team_slug)),
  );
  return blocks(
    heading(3, `Teams side by side (members on ${day}), most active users first`),
    rows.length === 0
      ? 'No team in the user-teams report.'
      : table(
          [
            'Team',
            'Members',
            'Active users',
            'Active share',
            'Interactions',
            'Acceptance rate (code completions)',
            'Chat users',
            'Agent users',
            'CLI users',
          ],
          sorted.map((row) => [
            String(row.team_slug),
            formatNumber(count(row, 'members')),
            formatNumber(count(row, 'active_users')),
            formatPercent(ratio(count(row, 'active_users'), count(row, 'members'))),
            formatNumber(count(row, 'user_initiated_interaction_count')),
            formatPercent(
              ratio(count(row, 'code_completion_acceptance_count'), count(row, 'code_completion_generation_count')),
            ),
            formatNumber(count(row, 'chat_users')),
            formatNumber(count(row, 'agent_users')),
            formatNumber(count(row, 'cli_users')),
          ]),
        ),
    'GitHub leaves teams with fewer than 5 seats out of the user-teams report, so they are not in this table. A user in several teams counts in each.',
  );
}
