/**
 * Realistic report content for the simulator, generated from the documented record shapes.
 * Everything is derived from a seed, so the same entity, report and day always give the
 * same bytes. The aggregate reports are computed from the user rows, as GitHub's are.
 */
import type { ReportName, Scope } from '../src/reports.js';

/** A small fast PRNG (mulberry32), seeded from a string. */
export function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

export const IDES = ['vscode', 'intellij', 'visualstudio', 'neovim', 'xcode'] as const;
export const FEATURES = [
  'code_completion',
  'chat_inline',
  'chat_panel_ask_mode',
  'chat_panel_edit_mode',
  'chat_panel_agent_mode',
  'agent_edit',
  'copilot_cli',
] as const;
export const LANGUAGES = ['typescript', 'python', 'go', 'java', 'rust', 'csharp'] as const;
export const MODELS = ['gpt-5.4', 'claude-sonnet-4.6', 'gemini-3-pro', 'gpt-5-mini'] as const;
const PHASES = ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 4'] as const;

type Activity = {
  user_initiated_interaction_count: number;
  code_generation_activity_count: number;
  code_acceptance_activity_count: number;
  loc_suggested_to_add_sum: number;
  loc_suggested_to_delete_sum: number;
  loc_added_sum: number;
  loc_deleted_sum: number;
};
const ACTIVITY_KEYS: (keyof Activity)[] = [
  'user_initiated_interaction_count',
  'code_generation_activity_count',
  'code_acceptance_activity_count',
  'loc_suggested_to_add_sum',
  'loc_suggested_to_delete_sum',
  'loc_added_sum',
  'loc_deleted_sum',
];

function activity(rng: Rng, feature: string, scale: number): Activity {
  const generated = int(rng, 1, 30 * scale);
  const accepted = int(rng, 0, generated);
  const chat = feature !== 'code_completion';
  const added = int(rng, accepted, accepted * 8 + 4);
  return {
    user_initiated_interaction_count: chat ? int(rng, 1, 12 * scale) : 0,
    code_generation_activity_count: generated,
    code_acceptance_activity_count: accepted,
    loc_suggested_to_add_sum: added * 2,
    loc_suggested_to_delete_sum: int(rng, 0, 10),
    loc_added_sum: added,
    loc_deleted_sum: int(rng, 0, 8),
  };
}

function sum(items: Activity[]): Activity {
  const total = Object.fromEntries(ACTIVITY_KEYS.map((key) => [key, 0])) as Activity;
  for (const item of items) for (const key of ACTIVITY_KEYS) total[key] += item[key];
  return total;
}

/** Groups entries by a key and sums their activity, like the API's breakdowns. */
function breakdown<K extends string>(
  entries: Array<Record<K, string> & Activity>,
  keys: K[],
): Array<Record<K, string> & Activity> {
  const groups = new Map<string, Array<Record<K, string> & Activity>>();
  for (const entry of entries) {
    const id = keys.map((key) => entry[key]).join('\u0000');
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  return [...groups.values()].map((group) => ({
    ...(Object.fromEntries(keys.map((key) => [key, group[0][key]])) as unknown as Record<K, string>),
    ...sum(group),
  }));
}

export interface Entity {
  scope: Scope;
  slug: string;
}

interface Member {
  id: number;
  login: string;
  ide: (typeof IDES)[number];
  languages: string[];
  /** Chance of being active on a given day. */
  activity: number;
}

function roster(entity: Entity): Member[] {
  const rng = random(`roster:${entity.scope}:${entity.slug}`);
  const size = int(rng, 18, 30);
  return Array.from({ length: size }, (_, i) => ({
    id: 1000 + i * 7 + int(rng, 0, 6),
    login: `${pick(rng, ['ada', 'linus', 'grace', 'ken', 'barbara', 'dennis', 'margaret', 'guido'])}-${i}`,
    ide: pick(rng, IDES),
    languages: [pick(rng, LANGUAGES), pick(rng, LANGUAGES)],
    activity: 0.35 + rng() * 0.6,
  }));
}

function ids(entity: Entity): Record<string, string> {
  const base = { enterprise_id: '13213' };
  return entity.scope === 'organization' ? { ...base, organization_id: String(organizationId(entity)) } : base;
}

function isActive(entity: Entity, member: Member, day: string): boolean {
  return random(`active:${entity.slug}:${member.id}:${day}`)() < member.activity;
}

/** One user's row for one day, or undefined when the user was not active. */
function userRow(entity: Entity, member: Member, day: string): Record<string, unknown> | undefined {
  if (!isActive(entity, member, day)) return undefined;
  const rng = random(`user:${entity.slug}:${member.id}:${day}`);
  const features = FEATURES.filter((feature) => feature === 'code_completion' || rng() < 0.45);
  const byFeature = features.map((feature) => ({
    feature,
    language: pick(rng, member.languages),
    model: pick(rng, MODELS),
    ide: member.ide,
    ...activity(rng, feature, 1),
  }));
  const total = sum(byFeature);
  const phase = int(rng, 1, 4);
  const flag = (chance: number): boolean | null => (rng() < 0.05 ? null : rng() < chance);
  return {
    day,
    ...ids(entity),
    user_id: member.id,
    user_login: member.login,
    ai_credits_used: Math.round(rng() * 4000) / 100,
    ...total,
    used_agent: features.includes('chat_panel_agent_mode') || features.includes('agent_edit'),
    used_chat: features.some((feature) => feature.startsWith('chat_')),
    used_cli: features.includes('copilot_cli'),
    used_copilot_coding_agent: flag(0.2),
    used_copilot_code_review_active: flag(0.4),
    ai_adoption_phase: { phase: PHASES[phase - 1], phase_number: phase, version: 'v1' },
    totals_by_ide: breakdown(
      byFeature.map(({ ide, ...a }) => ({ ide, ...pickActivity(a) })),
      ['ide'],
    ),
    totals_by_feature: breakdown(
      byFeature.map(({ feature, ...a }) => ({ feature, ...pickActivity(a) })),
      ['feature'],
    ),
    totals_by_language_feature: breakdown(
      byFeature.map(({ language, feature, ...a }) => ({ language, feature, ...pickActivity(a) })),
      ['language', 'feature'],
    ),
    totals_by_language_model: breakdown(
      byFeature.map(({ language, model, ...a }) => ({ language, model, ...pickActivity(a) })),
      ['language', 'model'],
    ),
    totals_by_model_feature: breakdown(
      byFeature.map(({ model, feature, ...a }) => ({ model, feature, ...pickActivity(a) })),
      ['model', 'feature'],
    ),
  };
}

function pickActivity(entry: Record<string, unknown>): Activity {
  return Object.fromEntries(ACTIVITY_KEYS.map((key) => [key, entry[key]])) as Activity;
}

export function userRows(entity: Entity, day: string): Record<string, unknown>[] {
  return roster(entity)
    .map((member) => userRow(entity, member, day))
    .filter((row): row is Record<string, unknown> => row !== undefined);
}

function activeCount(entity: Entity, day: string, days: number): number {
  const members = roster(entity);
  const active = new Set<number>();
  for (let back = 0; back < days; back++) {
    const d = new Date(Date.parse(`${day}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    for (const member of members) if (isActive(entity, member, d)) active.add(member.id);
  }
  return active.size;
}

function sumBreakdown(rows: Record<string, unknown>[], field: string, keys: string[]): unknown[] {
  const entries = rows.flatMap((row) => row[field] as Array<Record<string, string> & Activity>);
  return breakdown(entries, keys);
}

/** The enterprise or organization record of one day, computed from that day's user rows. */
export function dayRecord(entity: Entity, day: string): Record<string, unknown> {
  const rows = userRows(entity, day);
  const rng = random(`day:${entity.slug}:${day}`);
  const created = int(rng, 5, 40);
  const merged = int(rng, 0, created);
  const phases = [1, 2, 3, 4].map((n) => ({
    phase: PHASES[n - 1],
    phase_number: n,
    user_count: rows.filter((row) => (row.ai_adoption_phase as { phase_number: number }).phase_number === n).length,
  }));
  return {
    day,
    ...ids(entity),
    daily_active_users: rows.length,
    weekly_active_users: activeCount(entity, day, 7),
    monthly_active_users: activeCount(entity, day, 28),
    monthly_active_chat_users: Math.max(0, activeCount(entity, day, 28) - int(rng, 0, 5)),
    monthly_active_agent_users: Math.max(0, activeCount(entity, day, 28) - int(rng, 3, 10)),
    daily_active_cli_users: rows.filter((row) => row.used_cli === true).length,
    daily_active_copilot_coding_agent_users: rows.filter((row) => row.used_copilot_coding_agent === true).length,
    daily_active_copilot_code_review_users: rows.filter((row) => row.used_copilot_code_review_active === true).length,
    ...sum(rows.map((row) => pickActivity(row))),
    totals_by_ide: sumBreakdown(rows, 'totals_by_ide', ['ide']),
    totals_by_feature: sumBreakdown(rows, 'totals_by_feature', ['feature']),
    totals_by_language_feature: sumBreakdown(rows, 'totals_by_language_feature', ['language', 'feature']),
    totals_by_language_model: sumBreakdown(rows, 'totals_by_language_model', ['language', 'model']),
    totals_by_model_feature: sumBreakdown(rows, 'totals_by_model_feature', ['model', 'feature']),
    totals_by_cli: {
      session_count: int(rng, 0, 40),
      request_count: int(rng, 0, 400),
      prompt_count: int(rng, 0, 200),
      token_usage: {
        prompt_tokens_sum: int(rng, 0, 90000),
        output_tokens_sum: int(rng, 0, 30000),
        avg_tokens_per_request: Math.round(rng() * 40000) / 100,
      },
    },
    pull_requests: {
      total_created: created,
      total_reviewed: int(rng, 0, created + 5),
      total_merged: merged,
      median_minutes_to_merge: Math.round(rng() * 60000) / 100,
      total_created_by_copilot: int(rng, 0, Math.min(created, 6)),
      total_reviewed_by_copilot: int(rng, 0, created),
    },
    totals_by_ai_adoption_phase: phases,
  };
}

function teamsOf(entity: Entity): Array<{ id: number; slug: string; members: Member[] }> {
  const members = roster(entity);
  const rng = random(`teams:${entity.slug}`);
  const names = ['frontend', 'backend', 'platform', 'data', 'mobile', 'security', 'tiny-team'];
  return names.map((slug, i) => ({
    id: 40 + i,
    slug,
    // The last team is too small to be reported (fewer than 5 seats).
    members: slug === 'tiny-team' ? members.slice(0, 3) : members.filter(() => rng() < 0.35),
  }));
}

export function userTeamRows(entity: Entity, day: string): Record<string, unknown>[] {
  return teamsOf(entity)
    .filter((team) => team.members.length >= 5)
    .flatMap((team) =>
      team.members.map((member) => ({
        user_id: member.id,
        user_login: member.login,
        day,
        ...(entity.scope === 'organization'
          ? { organization_id: ids(entity).organization_id }
          : { enterprise_id: '13213' }),
        team_id: team.id,
        slug: team.slug,
      })),
    );
}

export function repoRows(entity: Entity, day: string): Record<string, unknown>[] {
  const rng = random(`repos:${entity.slug}:${day}`);
  const names = ['payments-api', 'web', 'mobile-app', 'infra', 'docs', 'ml-pipeline', 'auth', 'search'];
  return names
    .filter(() => rng() < 0.8)
    .map((name, i) => {
      const created = int(rng, 0, 8);
      const reviewTimes = Array.from({ length: int(rng, 0, 3) }, () => Math.round(rng() * 50000) / 100);
      return {
        day,
        ...ids(entity),
        repo_id: 900000001 + i,
        repo_owner_name: entity.slug,
        repo_name: name,
        repo_visibility: pick(rng, ['PUBLIC', 'PRIVATE', 'INTERNAL']),
        pull_requests: {
          total_created: created,
          total_reviewed: int(rng, 0, created + 2),
          total_merged: int(rng, 0, created),
          median_minutes_to_merge: rng() < 0.2 ? null : Math.round(rng() * 80000) / 100,
          total_created_by_copilot: int(rng, 0, created),
          total_reviewed_by_copilot: int(rng, 0, created),
        },
        pull_request_review_times: reviewTimes.map((minutes) => ({
          minutes_to_first_review: minutes,
        })),
      };
    });
}

/** The organization id an organization entity's records carry. */
export function organizationId(entity: Entity): number {
  return 900 + entity.slug.length;
}

/** What `GET .../copilot/billing/seats` lists, all pages together. */
export interface SeatsSnapshot {
  total_seats: number;
  seats: Record<string, unknown>[];
}

/** `last_activity_editor` as GitHub writes it: editor/version/plugin/version. */
const EDITORS: Record<(typeof IDES)[number], string> = {
  vscode: 'vscode/1.108.1/copilot-chat/0.36.0',
  intellij: 'JetBrains-IU/2026.2.1/copilot-intellij/1.9.4',
  visualstudio: 'VisualStudio/18.12.0/copilot-vs/18.12.110',
  neovim: 'Neovim/0.11.4/copilot.lua/1.47.0',
  xcode: 'Xcode/26.1/copilot-xcode/0.44.0',
};
const NAMES = ['joan', 'alan', 'edsger', 'frances', 'john', 'radia', 'tim', 'hedy', 'donald', 'lynn'] as const;

/** An ISO time `days` (fractional) before midnight UTC starting `day`. */
const before = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - Math.round(days * 86_400_000)).toISOString().replace('.000Z', 'Z');

interface Seated {
  id: number;
  login: string;
  /** Days before `day` of the last activity; undefined = never active. */
  idle?: number;
  editor: string | null;
  /** Days before `day` the seat was assigned. */
  age: number;
  /** Cancelled: pending cancellation in their first organization (the only one, or octo-org). */
  pending: boolean;
}

/**
 * The seat assignments of an entity as listed on `day`: the roster (active, as in the usage
 * reports) and many idle seats (inactive for weeks or months, or never active, some pending
 * cancellation). An enterprise lists them per organization: octo-org (plan enterprise), then
 * octo-labs (plan business); some users hold a seat in both, and count once in total_seats.
 * About 120 seats for the organization and 220 for the enterprise: two and three pages.
 */
export function seatsSnapshot(entity: Entity, day: string): SeatsSnapshot {
  const rng = random(`seats:${entity.scope}:${entity.slug}:${day}`);
  const active: Seated[] = roster(entity).map((member) => {
    let back = 1;
    while (back < 60 && !isActive(entity, member, addDay(day, -back))) back++;
    return {
      id: member.id,
      login: member.login,
      idle: back - 1 + rng(),
      editor: EDITORS[member.ide],
      age: int(rng, 90, 400),
      pending: false,
    };
  });
  const idleCount = entity.scope === 'enterprise' ? 180 : 95;
  const idle: Seated[] = Array.from({ length: idleCount }, (_, i) => {
    const never = rng() < 0.2;
    const idle = never ? undefined : pick(rng, [int(rng, 8, 28), int(rng, 29, 90), int(rng, 91, 300)]) + rng();
    return {
      id: 5000 + i * 3 + int(rng, 0, 2),
      login: `${pick(rng, NAMES)}-${100 + i}`,
      idle,
      editor: never || rng() < 0.04 ? null : EDITORS[pick(rng, IDES)],
      age: never ? int(rng, 3, 200) : Math.ceil(idle!) + int(rng, 1, 300),
      pending: rng() < 0.1,
    };
  });
  const users = [...active, ...idle];
  const nextMonth = `${new Date(Date.parse(`${day.slice(0, 7)}-01T00:00:00Z`) + 32 * 86_400_000).toISOString().slice(0, 7)}-01`;
  // Enterprise: 70 % seated in octo-org only, 20 % in octo-labs only, 10 % in both.
  const where = users.map(() => rng());
  const orgs =
    entity.scope === 'enterprise'
      ? [
          { login: 'octo-org', plan: 'enterprise', users: users.filter((_, i) => where[i] < 0.7 || where[i] >= 0.9) },
          { login: 'octo-labs', plan: 'business', users: users.filter((_, i) => where[i] >= 0.7) },
        ]
      : [{ login: entity.slug, plan: 'business', users }];
  const teams = ['frontend', 'backend', 'platform', 'data'];
  const seats = orgs.flatMap(({ login, plan, users }) =>
    users.map((user) => {
      const org = { login, plan, id: organizationId({ scope: 'organization', slug: login }) };
      const team = rng() < 0.5 ? pick(rng, teams) : undefined;
      const lastActivity = user.idle === undefined ? null : before(day, user.idle);
      return {
        created_at: before(day, user.age),
        assignee: {
          login: user.login,
          id: user.id,
          node_id: `U_kgDO${user.id}`,
          avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
          url: `https://api.github.com/users/${user.login}`,
          html_url: `https://github.com/${user.login}`,
          type: 'User',
          site_admin: false,
        },
        organization: {
          login: org.login,
          id: org.id,
          node_id: `O_kgDO${org.id}`,
          url: `https://api.github.com/orgs/${org.login}`,
          avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
          description: null,
        },
        assigning_team: team
          ? {
              id: 40 + teams.indexOf(team),
              node_id: `T_kwDO${40 + teams.indexOf(team)}`,
              name: team,
              slug: team,
              description: null,
              privacy: 'closed',
              notification_setting: 'notifications_enabled',
              permission: 'pull',
              url: `https://api.github.com/orgs/${org.login}/teams/${team}`,
              html_url: `https://github.com/orgs/${org.login}/teams/${team}`,
              parent: null,
            }
          : null,
        pending_cancellation_date:
          user.pending && (login === orgs[0].login || !orgs[0].users.includes(user)) ? nextMonth : null,
        last_activity_at: lastActivity,
        last_activity_editor: lastActivity === null ? null : user.editor,
        last_authenticated_at: lastActivity === null ? null : before(day, Math.max(0, user.idle! - rng())),
        updated_at: before(day, user.age),
        plan_type: org.plan,
      };
    }),
  );
  return { total_seats: users.length, seats };
}

const addDay = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The rows of a report. 28-day reports cover the 28 days ending on `day`. */
export function reportRows(entity: Entity, report: ReportName, day: string): Record<string, unknown>[] {
  switch (report) {
    case 'enterprise-1-day':
    case 'organization-1-day':
      return [dayRecord(entity, day)];
    case 'enterprise-28-day':
    case 'organization-28-day': {
      const start = addDay(day, -27);
      return [
        {
          report_start_day: start,
          report_end_day: day,
          ...ids(entity),
          created_at: `${addDay(day, 2)}T04:12:09Z`,
          day_totals: Array.from({ length: 28 }, (_, i) => dayRecord(entity, addDay(start, i))),
        },
      ];
    }
    case 'users-1-day':
      return userRows(entity, day);
    case 'users-28-day': {
      const start = addDay(day, -27);
      return Array.from({ length: 28 }, (_, i) => addDay(start, i)).flatMap((d) =>
        userRows(entity, d).map((row) => ({
          ...row,
          report_start_day: start,
          report_end_day: day,
        })),
      );
    }
    case 'user-teams-1-day':
      return userTeamRows(entity, day);
    case 'repos-1-day':
      return repoRows(entity, day);
    case 'seats':
      return seatsSnapshot(entity, day).seats;
  }
}

/** The report's files: NDJSON rows split into 1 to 3 parts (aggregates are one object, one part). */
export function reportParts(entity: Entity, report: ReportName, day: string): Buffer[] {
  const rows = reportRows(entity, report, day).map((row) => `${JSON.stringify(row)}\n`);
  const parts = rows.length < 3 ? 1 : 1 + Math.floor(random(`parts:${entity.slug}:${report}:${day}`)() * 3);
  const bound = (i: number): number => Math.floor((i * rows.length) / parts);
  return Array.from({ length: parts }, (_, i) => Buffer.from(rows.slice(bound(i), bound(i + 1)).join('')));
}
