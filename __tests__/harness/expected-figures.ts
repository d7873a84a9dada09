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

function completion(day: Obj): Obj {
  return ((day.totals_by_feature as Obj[]) ?? []).find((entry) => entry.feature === 'code_completion') ?? {};
}

function top(entries: Obj[], key: string, limit = 5): string[][] {
  const totals = new Map<string, { i: Num; g: Num }>();
  for (const entry of entries) {
    const name = entry[key] as string;
    const t = totals.get(name) ?? { i: undefined, g: undefined };
    t.i = sum([t.i, numOf(entry.user_initiated_interaction_count)]);
    t.g = sum([t.g, numOf(entry.code_generation_activity_count)]);
    totals.set(name, t);
  }
  return [...totals]
    .sort((a, b) => (b[1].i ?? 0) + (b[1].g ?? 0) - ((a[1].i ?? 0) + (a[1].g ?? 0)) || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, t]) => [name, n(t.i), n(t.g)]);
}

/** Rows an enterprise or organization summary must show, over its day records. */
export function aggregateRows(days: Obj[]): string[][] {
  const all = (key: string) => days.flatMap((day) => (day[key] as Obj[]) ?? []);
  const pr = (key: string) => sum(days.map((day) => numOf((day.pull_requests as Obj | undefined)?.[key])));
  const rows = [
    [
      n(pr('total_created')),
      n(pr('total_merged')),
      n(pr('total_created_by_copilot')),
      n(pr('total_reviewed_by_copilot')),
    ],
    ...top(all('totals_by_ide'), 'ide'),
    ...top(all('totals_by_feature'), 'feature'),
    ...top(all('totals_by_language_feature'), 'language'),
    ...top(all('totals_by_model_feature'), 'model'),
  ];
  const suggested = sum(days.map((day) => numOf(completion(day).code_generation_activity_count)));
  const accepted = sum(days.map((day) => numOf(completion(day).code_acceptance_activity_count)));
  const total = (key: string) => sum(days.map((day) => numOf(day[key])));
  if (days.length === 1) {
    const [day] = days;
    return [
      ['Daily active users', n(numOf(day.daily_active_users))],
      ['Weekly active users', n(numOf(day.weekly_active_users))],
      ['Monthly active users', n(numOf(day.monthly_active_users))],
      ['Monthly active chat users', n(numOf(day.monthly_active_chat_users))],
      ['Monthly active agent users', n(numOf(day.monthly_active_agent_users))],
      ['Interactions', n(total('user_initiated_interaction_count'))],
      ['Code completions suggested', n(suggested)],
      ['Code completions accepted', n(accepted)],
      ['Acceptance rate', pct(accepted, suggested)],
      ['Lines of code added', n(total('loc_added_sum'))],
      ['Lines of code deleted', n(total('loc_deleted_sum'))],
      ...rows,
    ];
  }
  const sorted = [...days].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const perDay = sorted.map((day) => {
    const c = completion(day);
    return [
      String(day.day),
      n(numOf(day.daily_active_users)),
      n(numOf(day.weekly_active_users)),
      n(numOf(day.user_initiated_interaction_count)),
      n(numOf(c.code_generation_activity_count)),
      n(numOf(c.code_acceptance_activity_count)),
      pct(numOf(c.code_acceptance_activity_count), numOf(c.code_generation_activity_count)),
    ];
  });
  return [
    ['Monthly active users (last day)', n(numOf(sorted.at(-1)!.monthly_active_users))],
    ['Interactions', n(total('user_initiated_interaction_count'))],
    ['Code completions suggested', n(suggested)],
    ['Code completions accepted', n(accepted)],
    ['Acceptance rate', pct(accepted, suggested)],
    ['Lines of code added', n(total('loc_added_sum'))],
    ['Lines of code deleted', n(total('loc_deleted_sum'))],
    ...perDay,
    ...rows,
  ];
}

/** The Mermaid chart's two lines (daily and weekly active users), in day order. */
export function chartLines(days: Obj[]): string[] {
  const sorted = [...days].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return ['daily_active_users', 'weekly_active_users'].map(
    (key) => `  line [${sorted.map((day) => numOf(day[key]) ?? 0).join(', ')}]`,
  );
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): Num {
  return sorted.length === 0 ? undefined : sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** Rows a users summary must show. `logins` maps a login to what the summary shows. */
export function usersRows(rows: Obj[], topUsers: number, show: (login: string) => string = (l) => l): string[][] {
  const users = new Map<unknown, Obj[]>();
  for (const row of rows) users.set(row.user_id, [...(users.get(row.user_id) ?? []), row]);
  const flag = (key: string) => {
    const known = [...users.values()].filter((own) => own.some((row) => typeof row[key] === 'boolean'));
    return known.length === 0 ? undefined : known.filter((own) => own.some((row) => row[key] === true)).length;
  };
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
  return [
    ['Active users', n(users.size)],
    ['Chat users', n(flag('used_chat'))],
    ['Agent users', n(flag('used_agent'))],
    ['CLI users', n(flag('used_cli'))],
    ['Coding agent users', n(flag('used_copilot_coding_agent'))],
    ['AI credits used', n(credits.length ? credits.reduce((a, b) => a + b, 0) : undefined, 2)],
    ['AI credits per user, p50', n(percentile(credits, 50), 2)],
    ['AI credits per user, p90', n(percentile(credits, 90), 2)],
    ...usersOf('totals_by_ide', 'ide'),
    ...usersOf('totals_by_feature', 'feature'),
    ...[...phases].map(([phase, count]) => [phase, n(count)]),
    ...ranked,
  ];
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
