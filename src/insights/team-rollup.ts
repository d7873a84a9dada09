/**
 * The team rollup of a users-1-day report: for each team of that day's user-teams report,
 * its active users and the sums of their activity. Teams with fewer than 5 seats are not in
 * the user-teams report, and a user in two teams counts in both.
 */
import { createReadStream } from 'node:fs';
import { add, num, str, type Maybe, type Row } from './fields.js';
import { LineSplitter } from './line-splitter.js';
import { MAX_RECORD_BYTES } from '../tuning.js';
import { ACTIVITY_FIELDS } from './schema.js';

const SUMMED = ['ai_credits_used', ...ACTIVITY_FIELDS] as const;

export const TEAM_COLUMNS = ['day', 'team_id', 'team_slug', 'members', 'active_users', ...SUMMED];

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

/** Per team: the active users seen, and their summed activity. */
export interface RollupState {
  active: Map<string, Set<string>>;
  sums: Map<string, Partial<Record<(typeof SUMMED)[number], Maybe>>>;
}

export function newRollup(): RollupState {
  return { active: new Map(), sums: new Map() };
}

export function addToRollup(state: RollupState, directory: TeamDirectory, record: Row): void {
  const user = userKey(record);
  for (const team of (user && directory.byUser.get(user)) || []) {
    const active = state.active.get(team) ?? new Set<string>();
    active.add(user!);
    state.active.set(team, active);
    const sums = state.sums.get(team) ?? {};
    for (const field of SUMMED) sums[field] = add(sums[field], num(record, field));
    state.sums.set(team, sums);
  }
}

export function mergeRollup(into: RollupState, from: RollupState): void {
  for (const [team, users] of from.active) {
    const known = into.active.get(team) ?? new Set<string>();
    users.forEach((user) => known.add(user));
    into.active.set(team, known);
  }
  for (const [team, sums] of from.sums) {
    const known = into.sums.get(team) ?? {};
    for (const field of SUMMED) known[field] = add(known[field], sums[field]);
    into.sums.set(team, known);
  }
}

/**
 * One row per team, by slug. A team without active users has 0 activity; a field that none of
 * its active users reported is null (unknown), not 0.
 */
export function rollupRows(state: RollupState, directory: TeamDirectory, day: string): Row[] {
  return [...directory.teams]
    .sort((a, b) => a[1].slug.localeCompare(b[1].slug))
    .map(([key, team]) => {
      const active = state.active.get(key)?.size ?? 0;
      const sums = state.sums.get(key) ?? {};
      return {
        day,
        team_id: team.id,
        team_slug: team.slug,
        members: team.members,
        active_users: active,
        ...Object.fromEntries(SUMMED.map((field) => [field, active === 0 ? 0 : (sums[field] ?? null)])),
      };
    });
}
