/**
 * The summary's figures computed the plain way, straight from the report files, to check the
 * action's streaming computation against. Deliberately simple: whole files, plain loops.
 */
type Obj = Record<string, unknown>;
type Num = number | undefined;

export function records(parts: Buffer[]): Obj[] {
  return parts.flatMap((part) =>
    part
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          const value = JSON.parse(line);
          return typeof value === 'object' && value !== null && !Array.isArray(value) ? [value as Obj] : [];
        } catch {
          return [];
        }
      }),
  );
}

/** en-US number, "n/a" when unknown. */
export function n(value: Num, digits = 0): string {
  return value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(part: Num, whole: Num): string {
  return part === undefined || whole === undefined || whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)} %`;
}

const numOf = (value: unknown): Num => (typeof value === 'number' ? value : undefined);

function sum(values: Num[]): Num {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

/** The rows of every Markdown table in a summary, as cells. */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

/** Every expected row appears in the summary (a row may have more cells, like a bar). */
export function expectRows(summary: string, expected: string[][]): void {
  const rows = tableRows(summary);
  for (const row of expected) {
    const found = rows.some((cells) => row.every((cell, i) => cells[i] === cell));
    if (!found) throw new Error(`The summary has no row ${JSON.stringify(row)}:\n${summary}`);
  }
}

function completion(day: Obj): Obj {
  return ((day.totals_by_feature as Obj[]) ?? []).find((entry) => entry.feature === 'code_completion') ?? {};
}

const entriesOf = (records: Obj[], key: string): Obj[] => records.flatMap((record) => (record[key] as Obj[]) ?? []);

/** Breakdown rows: per name, interactions and code generations (and the completion rate), top 10. */
function breakdownRows(entries: Obj[], key: string, rates: boolean, limit = 10): string[][] {
  const totals = new Map<string, { i: Num; g: Num; s: Num; a: Num }>();
  for (const entry of entries) {
    const name = entry[key] as string;
    const t = totals.get(name) ?? { i: undefined, g: undefined, s: undefined, a: undefined };
    t.i = sum([t.i, numOf(entry.user_initiated_interaction_count)]);
    t.g = sum([t.g, numOf(entry.code_generation_activity_count)]);
    if (entry.feature === 'code_completion') {
      t.s = sum([t.s, numOf(entry.code_generation_activity_count)]);
      t.a = sum([t.a, numOf(entry.code_acceptance_activity_count)]);
    }
    totals.set(name, t);
  }
  return [...totals]
    .sort((a, b) => (b[1].i ?? 0) + (b[1].g ?? 0) - ((a[1].i ?? 0) + (a[1].g ?? 0)) || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, t]) => [name, n(t.i), n(t.g), ...(rates ? [pct(t.a, t.s)] : [])]);
}

/** Every feature's interactions, code generations and lines; chat modes; lines by origin. */
function featureRows(entries: Obj[]): string[][] {
  const byFeature = new Map<string, Obj[]>();
  for (const entry of entries)
    byFeature.set(entry.feature as string, [...(byFeature.get(entry.feature as string) ?? []), entry]);
  const total = (own: Obj[], key: string) => sum(own.map((entry) => numOf(entry[key])));
  const features = [...byFeature]
    .sort(
      (a, b) =>
        (total(b[1], 'user_initiated_interaction_count') ?? 0) +
          (total(b[1], 'code_generation_activity_count') ?? 0) -
          ((total(a[1], 'user_initiated_interaction_count') ?? 0) +
            (total(a[1], 'code_generation_activity_count') ?? 0)) || a[0].localeCompare(b[0]),
    )
    .map(([name, own]) => [
      name,
      n(total(own, 'user_initiated_interaction_count')),
      n(total(own, 'code_generation_activity_count')),
      n(total(own, 'loc_added_sum')),
      n(total(own, 'loc_deleted_sum')),
    ]);
  const chat = entries.filter((entry) => String(entry.feature).startsWith('chat_'));
  const chatAll = total(chat, 'user_initiated_interaction_count');
  const modes = [...byFeature]
    .filter(([name]) => name.startsWith('chat_'))
    .map(([name, own]): [string, Num] => [name, total(own, 'user_initiated_interaction_count')])
    .map(([name, requests]) => [name, n(requests), pct(requests, chatAll)]);
  const origin = (feature: string) =>
    feature === 'code_completion' ? 'Code completions' : feature.includes('agent') ? 'Agents' : 'Chat and edits';
  const lines = (entry: Obj) => sum([numOf(entry.loc_added_sum), numOf(entry.loc_deleted_sum)]);
  const all = sum(entries.map(lines));
  const origins = ['Agents', 'Code completions', 'Chat and edits'].map((name) => {
    const own = entries.filter((entry) => origin(entry.feature as string) === name);
    return [name, n(total(own, 'loc_added_sum')), n(total(own, 'loc_deleted_sum')), pct(sum(own.map(lines)), all)];
  });
  return [...features, ...modes, ...origins];
}

/** Chat requests: interactions of the chat_* features. */
export function chatRequests(records: Obj[]): Num {
  return sum(
    entriesOf(records, 'totals_by_feature')
      .filter((entry) => String(entry.feature).startsWith('chat_'))
      .map((entry) => numOf(entry.user_initiated_interaction_count)),
  );
}

/** Weeks of 7 days ending on `last`, oldest first: [week end, days, suggested, accepted, rate, change]. */
export function weekRows(days: Obj[], last: string): string[][] {
  const weeks = new Map<number, Obj[]>();
  for (const day of days) {
    const back = Math.floor((Date.parse(last) - Date.parse(String(day.day))) / 86_400_000 / 7);
    weeks.set(back, [...(weeks.get(back) ?? []), day]);
  }
  const ordered = [...weeks].sort((a, b) => b[0] - a[0]);
  const rate = (own: Obj[]): Num => {
    const s = sum(own.map((day) => numOf(completion(day).code_generation_activity_count)));
    const a = sum(own.map((day) => numOf(completion(day).code_acceptance_activity_count)));
    return s === undefined || a === undefined || s === 0 ? undefined : a / s;
  };
  return ordered.map(([back, own], i) => {
    const end = new Date(Date.parse(last) - back * 7 * 86_400_000).toISOString().slice(0, 10);
    const before = i > 0 ? rate(ordered[i - 1][1]) : undefined;
    const now = rate(own);
    const change =
      i === 0
        ? ''
        : before === undefined || now === undefined
          ? 'n/a'
          : `${now >= before ? '+' : ''}${((now - before) * 100).toFixed(1)} points`;
    return [
      end,
      String(own.length),
      n(sum(own.map((day) => numOf(completion(day).code_generation_activity_count)))),
      n(sum(own.map((day) => numOf(completion(day).code_acceptance_activity_count)))),
      pct(
        sum(own.map((day) => numOf(completion(day).code_acceptance_activity_count))),
        sum(own.map((day) => numOf(completion(day).code_generation_activity_count))),
      ),
      change,
    ];
  });
}

/** Rows an enterprise or organization summary must show, over its day records. */
export function aggregateRows(days: Obj[]): string[][] {
  const sorted = [...days].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const last = sorted.at(-1)!;
  const pr = (key: string) => sum(days.map((day) => numOf((day.pull_requests as Obj | undefined)?.[key])));
  const total = (key: string) => sum(days.map((day) => numOf(day[key])));
  const suggested = sum(days.map((day) => numOf(completion(day).code_generation_activity_count)));
  const accepted = sum(days.map((day) => numOf(completion(day).code_acceptance_activity_count)));
  const users = (key: string) => numOf(last[key]);
  const rows = [
    ['Daily active users (on the day)', n(users('daily_active_users'))],
    ['Weekly active users (7 days to the day)', n(users('weekly_active_users'))],
    ['Monthly active users (28 days to the day)', n(users('monthly_active_users'))],
    ['Monthly active chat users (28 days to the day)', n(users('monthly_active_chat_users'))],
    ['Monthly active agent users (28 days to the day)', n(users('monthly_active_agent_users'))],
    [
      'Agent adoption (monthly active agent users ÷ monthly active users)',
      pct(users('monthly_active_agent_users'), users('monthly_active_users')),
    ],
    [
      'Chat adoption (monthly active chat users ÷ monthly active users)',
      pct(users('monthly_active_chat_users'), users('monthly_active_users')),
    ],
    ['CLI users (on the day)', n(users('daily_active_cli_users'))],
    ['Coding agent users (on the day)', n(users('daily_active_copilot_coding_agent_users'))],
    ['Code review users (on the day)', n(users('daily_active_copilot_code_review_users'))],
    ['Interactions', n(total('user_initiated_interaction_count'))],
    ['Chat requests', n(chatRequests(days))],
    [
      days.length === 1 ? 'Chat requests per active user' : 'Chat requests per active user-day',
      n(ratioOf(chatRequests(days), total('daily_active_users')), 2),
    ],
    ['Code completions suggested', n(suggested)],
    ['Code completions accepted', n(accepted)],
    ['Acceptance rate (code completions)', pct(accepted, suggested)],
    ['Lines added by Copilot', n(total('loc_added_sum'))],
    ['Lines deleted by Copilot', n(total('loc_deleted_sum'))],
    [
      n(pr('total_created')),
      n(pr('total_merged')),
      n(pr('total_created_by_copilot')),
      n(pr('total_reviewed_by_copilot')),
    ],
    ...breakdownRows(entriesOf(days, 'totals_by_ide'), 'ide', false),
    ...featureRows(entriesOf(days, 'totals_by_feature')),
    ...breakdownRows(entriesOf(days, 'totals_by_language_feature'), 'language', true),
    ...breakdownRows(entriesOf(days, 'totals_by_model_feature'), 'model', true),
  ];
  if (days.length === 1) return rows;
  const perDay = sorted.map((day) => {
    const c = completion(day);
    const prs = (day.pull_requests as Obj | undefined) ?? {};
    return [
      String(day.day),
      n(numOf(day.daily_active_users)),
      n(numOf(day.weekly_active_users)),
      n(numOf(day.monthly_active_users)),
      n(numOf(day.monthly_active_chat_users)),
      n(numOf(day.monthly_active_agent_users)),
      n(numOf(day.user_initiated_interaction_count)),
      pct(numOf(c.code_acceptance_activity_count), numOf(c.code_generation_activity_count)),
      n(numOf(prs.total_created)),
      n(numOf(prs.total_merged)),
    ];
  });
  return [...rows, ...perDay];
}

const ratioOf = (part: Num, whole: Num): Num =>
  part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;

/**
 * The Mermaid charts of daily and weekly active users over `first`..`last` (one, or one per
 * calendar month when the range is longer than 31 days): per chart the x-axis (days of the
 * month) and the two lines, of the days with both values; and the days left off.
 */
export function chartOf(days: Obj[], first: string, last: string): { charts: string[][]; left: string[] } {
  const byDay = new Map(days.map((day) => [String(day.day), day]));
  const all: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000)
    all.push(new Date(t).toISOString().slice(0, 10));
  const has = (day: string) =>
    numOf(byDay.get(day)?.daily_active_users) !== undefined && numOf(byDay.get(day)?.weekly_active_users) !== undefined;
  const groups = new Map<string, string[]>();
  for (const day of all.filter(has)) {
    const group = all.length <= 31 ? 'all' : day.slice(0, 7);
    groups.set(group, [...(groups.get(group) ?? []), day]);
  }
  const charts = [...groups.values()].map((shown) => [
    `  x-axis [${shown.map((day) => `"${day.slice(8)}"`).join(', ')}]`,
    ...['daily_active_users', 'weekly_active_users'].map(
      (key) => `  line [${shown.map((day) => numOf(byDay.get(day)![key])).join(', ')}]`,
    ),
  ]);
  return { charts, left: all.filter((day) => !has(day)) };
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): Num {
  return sorted.length === 0 ? undefined : sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** Rows a users summary must show. `logins` maps a login to what the summary shows. */
export function usersRows(rows: Obj[], topUsers: number, show: (login: string) => string = (l) => l): string[][] {
  const users = new Map<unknown, Obj[]>();
  for (const row of rows) users.set(row.user_id, [...(users.get(row.user_id) ?? []), row]);
  const when = new Set(rows.map((row) => row.day)).size === 1 ? 'on the day' : 'distinct over the period';
  const flag = (key: string): Num => {
    const known = [...users.values()].filter((own) => own.some((row) => typeof row[key] === 'boolean'));
    return known.length === 0 ? undefined : known.filter((own) => own.some((row) => row[key] === true)).length;
  };
  const flagRow = (label: string, key: string) => [`${label} (${when})`, n(flag(key)), pct(flag(key), users.size)];
  const credits = [...users.values()]
    .map((own) => sum(own.map((row) => numOf(row.ai_credits_used))))
    .filter((value): value is number => value !== undefined)
    .sort((a, b) => a - b);
  const usersOf = (list: string, key: string) => {
    const counts = new Map<string, number>();
    for (const own of users.values()) {
      const names = new Set(own.flatMap((row) => ((row[list] as Obj[]) ?? []).map((entry) => entry[key] as string)));
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => [name, n(count)]);
  };
  const phases = new Map<string, number>();
  for (const own of users.values()) {
    const latest = [...own].sort((a, b) => String(b.day).localeCompare(String(a.day)))[0];
    const phase = ((latest.ai_adoption_phase as Obj | undefined)?.phase as string | undefined) ?? 'n/a';
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
  }
  const totals = [...users.values()].map((own) => ({
    login: own[0].user_login as string,
    i: sum(own.map((row) => numOf(row.user_initiated_interaction_count))),
    g: sum(own.map((row) => numOf(row.code_generation_activity_count))),
    a: sum(own.map((row) => numOf(row.code_acceptance_activity_count))),
    c: sum(own.map((row) => numOf(row.ai_credits_used))),
  }));
  const ranked = totals
    .sort((a, b) => (b.i ?? -1) - (a.i ?? -1) || a.login.localeCompare(b.login))
    .slice(0, topUsers)
    .map((user) => [show(user.login), n(user.i), n(user.g), n(user.a), n(user.c, 2)]);
  const completions = entriesOf(rows, 'totals_by_feature').filter((entry) => entry.feature === 'code_completion');
  const feature = featureRows(entriesOf(rows, 'totals_by_feature'));
  return [
    [`Active users (${when})`, n(users.size)],
    flagRow('Chat users', 'used_chat'),
    flagRow('Agent users', 'used_agent'),
    flagRow('CLI users', 'used_cli'),
    flagRow('Coding agent users', 'used_copilot_coding_agent'),
    flagRow('Code review users', 'used_copilot_code_review_active'),
    [
      'Acceptance rate (code completions)',
      pct(
        sum(completions.map((entry) => numOf(entry.code_acceptance_activity_count))),
        sum(completions.map((entry) => numOf(entry.code_generation_activity_count))),
      ),
    ],
    ['AI credits used', n(credits.length ? credits.reduce((a, b) => a + b, 0) : undefined, 2)],
    ['AI credits per user, p50', n(percentile(credits, 50), 2)],
    ['AI credits per user, p90', n(percentile(credits, 90), 2)],
    // Chat modes and lines by origin (the feature rows themselves are an aggregate table).
    ...feature.filter((row) => row.length !== 5),
    ...usersOf('totals_by_ide', 'ide'),
    ...usersOf('totals_by_feature', 'feature'),
    ...usersOf('totals_by_language_feature', 'language'),
    ...usersOf('totals_by_model_feature', 'model'),
    ...[...phases].map(([phase, count]) => [phase, n(count)]),
    ...ranked,
  ];
}

/**
 * The team table of the summary from the users rows and one day's user-teams rows: per team,
 * members, active users, active share, interactions, acceptance rate, chat, agent and CLI users.
 */
export function teamSummaryRows(userRows: Obj[], memberships: Obj[]): string[][] {
  const teams = [...new Set(memberships.map((m) => m.team_id))].map((id) => {
    const members = memberships.filter((m) => m.team_id === id);
    const ids = new Set(members.map((m) => m.user_id));
    const rows = userRows.filter((row) => ids.has(row.user_id));
    const active = new Set(rows.map((row) => row.user_id)).size;
    const flagged = (key: string) => new Set(rows.filter((row) => row[key] === true).map((row) => row.user_id)).size;
    const completions = entriesOf(rows, 'totals_by_feature').filter((entry) => entry.feature === 'code_completion');
    return {
      slug: String(members[0].slug),
      active,
      cells: [
        String(members[0].slug),
        n(members.length),
        n(active),
        pct(active, members.length),
        n(active === 0 ? 0 : sum(rows.map((row) => numOf(row.user_initiated_interaction_count)))),
        pct(
          sum(completions.map((entry) => numOf(entry.code_acceptance_activity_count))),
          sum(completions.map((entry) => numOf(entry.code_generation_activity_count))),
        ),
        n(flagged('used_chat')),
        n(flagged('used_agent')),
        n(flagged('used_cli')),
      ],
    };
  });
  return teams.sort((a, b) => b.active - a.active || a.slug.localeCompare(b.slug)).map((team) => team.cells);
}

export function userTeamsRows(rows: Obj[]): string[][] {
  const teams = new Map<unknown, { slug: string; members: number }>();
  for (const row of rows) {
    const team = teams.get(row.team_id) ?? { slug: row.slug as string, members: 0 };
    team.members++;
    teams.set(row.team_id, team);
  }
  const largest = [...teams.values()]
    .sort((a, b) => b.members - a.members || a.slug.localeCompare(b.slug))
    .slice(0, 10)
    .map((team) => [team.slug, n(team.members)]);
  return [['Teams', n(teams.size)], ['Users in a team', n(new Set(rows.map((row) => row.user_id)).size)], ...largest];
}

export function reposRows(rows: Obj[]): string[][] {
  const fields = [
    'total_created',
    'total_merged',
    'total_reviewed',
    'total_created_by_copilot',
    'total_reviewed_by_copilot',
  ];
  const pr = (row: Obj, key: string) => numOf((row.pull_requests as Obj)[key]);
  const medians = rows
    .map((row) => pr(row, 'median_minutes_to_merge'))
    .filter((value): value is number => value !== undefined)
    .sort((a, b) => a - b);
  const mid = Math.floor(medians.length / 2);
  const median =
    medians.length === 0 ? undefined : medians.length % 2 ? medians[mid] : (medians[mid - 1] + medians[mid]) / 2;
  const active = [...rows]
    .sort(
      (a, b) =>
        (pr(b, 'total_created') ?? 0) +
          (pr(b, 'total_reviewed') ?? 0) -
          ((pr(a, 'total_created') ?? 0) + (pr(a, 'total_reviewed') ?? 0)) ||
        `${a.repo_owner_name}/${a.repo_name}`.localeCompare(`${b.repo_owner_name}/${b.repo_name}`),
    )
    .slice(0, 10)
    .map((row) => [
      `${row.repo_owner_name}/${row.repo_name}`,
      String(row.repo_visibility),
      ...fields.map((key) => n(pr(row, key))),
    ]);
  return [
    ['Repositories with activity', n(new Set(rows.map((row) => row.repo_id)).size)],
    ['Pull requests created', n(sum(rows.map((row) => pr(row, 'total_created'))))],
    ['Merged', n(sum(rows.map((row) => pr(row, 'total_merged'))))],
    ['Reviewed', n(sum(rows.map((row) => pr(row, 'total_reviewed'))))],
    ['Created by Copilot', n(sum(rows.map((row) => pr(row, 'total_created_by_copilot'))))],
    ['Reviewed by Copilot', n(sum(rows.map((row) => pr(row, 'total_reviewed_by_copilot'))))],
    ['Median time to merge (median of the repositories\u2019 medians, minutes)', n(median, 1)],
    ...active,
  ];
}

/** A CSV field per RFC 4180, written independently of the action's writer. */
export function csv(rows: unknown[][]): string {
  const field = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
