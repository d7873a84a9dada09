/** user-teams-1-day: one row per (user, team); teams with fewer than 5 seats are left out. */
import type { Analyzer } from './analyzer.js';
import { formatNumber, type Row } from './fields.js';
import { blocks, heading, table } from './markdown.js';

export interface UserTeamsState {
  /** Rows per team (one per member), by team id. */
  teams: Map<string, { slug: string; members: number }>;
  users: Set<string>;
}

export const userTeamsAnalyzer: Analyzer<UserTeamsState> = {
  create: () => ({ teams: new Map(), users: new Set() }),
  add(state, record: Row) {
    const user = record.user_id ?? record.user_login;
    if (record.team_id === undefined || record.team_id === null || user === undefined || user === null) return;
    const key = String(record.team_id);
    const team = state.teams.get(key) ?? { slug: typeof record.slug === 'string' ? record.slug : key, members: 0 };
    team.members++;
    state.teams.set(key, team);
    state.users.add(String(user));
  },
  merge(into, from) {
    for (const [key, team] of from.teams) {
      const known = into.teams.get(key);
      if (known) known.members += team.members;
      else into.teams.set(key, { ...team });
    }
    from.users.forEach((user) => into.users.add(user));
  },
  render(state) {
    const largest = [...state.teams.values()]
      .sort((a, b) => b.members - a.members || a.slug.localeCompare(b.slug))
      .slice(0, 10);
    return blocks(
      heading(3, 'Teams'),
      table(
        ['Metric', 'Value'],
        [
          ['Teams', formatNumber(state.teams.size)],
          ['Users in a team', formatNumber(state.users.size)],
        ],
      ),
      largest.length > 0 &&
        table(
          ['Largest teams', 'Members'],
          largest.map((team) => [team.slug, formatNumber(team.members)]),
        ),
    );
  },
};
