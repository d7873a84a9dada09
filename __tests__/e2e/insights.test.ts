/**
 * Insights end to end: each report kind's summary, checked against figures computed here the
 * plain way from the same files; n/a for unknown values; invalid lines; CSV exports; the team
 * rollup; pseudonymized logins; raw: false; schema drift.
 */
import { addDays } from '../../src/days.js';
import { createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ReportName, Scope } from '../../src/reports.js';
import { countRecords, sha256 } from '../harness/expect-report.js';
import {
  aggregateRows,
  chartOf,
  csv,
  expectRows,
  records,
  reposRows,
  teamSummaryRows,
  userTeamsRows,
  usersRows,
  weekRows,
} from '../harness/expected-figures.js';
import { runtimeToken } from '../../simulator/artifact-service.js';
import { useHarness } from '../harness/harness.js';
import { readArtifact } from '../harness/read-artifact.js';

const harness = useHarness();

async function runReport(
  scope: Scope,
  report: ReportName,
  inputs: Record<string, string> = {},
  back = 1,
  env: Record<string, string> = {},
) {
  const slug = scope === 'enterprise' ? 'octo-ent' : 'octo-org';
  const latest = harness.api.latestDay();
  const is28 = report.endsWith('28-day');
  const day = is28 ? latest : addDays(latest, -back);
  const run = await harness.run(
    {
      scope,
      slug,
      report,
      'upload-artifact': 'false',
      ...(is28 ? {} : { day }),
      ...inputs,
    },
    { env },
  );
  const parts = harness.api.parts({ scope, slug, report, day }) as Buffer[];
  const folder = path.join(
    run.workspace,
    'copilot-metrics',
    scope,
    slug,
    report,
    is28 ? `${addDays(latest, -27)}_${latest}` : day,
  );
  return { run, parts, day, folder };
}

// The simulator's parts are small, so they are analysed in the main thread; a threshold of 0
// sends every part to a worker thread, as a big report's parts go.
// Each place is its own workflow run, so that their artifacts do not meet.
const PLACES: [string, Record<string, string>][] = [
  ['main thread', {}],
  [
    'worker thread',
    { COPILOT_METRICS_THREAD_ANALYSIS_BYTES: '0', ACTIONS_RUNTIME_TOKEN: runtimeToken('insights-in-threads', 'job-1') },
  ],
];

describe.each(PLACES)(
  'job summary per report kind, analysed in the %s, checked against a plain computation',
  (_, env) => {
    const runKind = (scope: Scope, report: ReportName, inputs: Record<string, string> = {}) =>
      runReport(scope, report, inputs, 1, env);

    test.each([
      ['enterprise', 'enterprise-1-day'],
      ['organization', 'organization-1-day'],
    ] as const)(
      '%s %s: activity, completions, lines, top IDEs, features, languages, models, pull requests',
      async (scope, report) => {
        const { run, parts } = await runKind(scope, report);
        expect(run.code).toBe(0);
        expectRows(run.summary, aggregateRows(records(parts)));
      },
    );

    test.each([
      ['enterprise', 'enterprise-28-day'],
      ['organization', 'organization-28-day'],
    ] as const)('%s %s: per-day table, Mermaid chart, period totals and weekly acceptance', async (scope, report) => {
      const { run, parts } = await runKind(scope, report);
      expect(run.code).toBe(0);
      const [record] = records(parts);
      const days = record.day_totals as Record<string, unknown>[];
      const [first, last] = [String(record.report_start_day), String(record.report_end_day)];
      expectRows(run.summary, aggregateRows(days));
      const weeks = weekRows(days, last);
      expect(weeks.length).toBe(4);
      expectRows(run.summary, weeks);
      expect(run.summary).toMatch(/```mermaid\n(.*\n)*xychart-beta\n/);
      const chart = chartOf(days, first, last);
      expect(chart.left).toEqual([]);
      expect(chart.charts).toHaveLength(1);
      expect(run.summary.split('```mermaid').length - 1).toBe(1);
      for (const line of chart.charts.flat()) expect(run.summary).toContain(line);
      expect(run.summary).toContain(
        `Acceptance rate trend: ${weeks[0][4]} in the week ending ${weeks[0][0]}, ${weeks[3][4]} in the week ending ${weeks[3][0]}`,
      );
    });

    test.each([
      ['organization', 'users-1-day'],
      ['enterprise', 'users-28-day'],
    ] as const)(
      '%s %s: users, flags, credits p50/p90, IDEs, features, phases; no login by default',
      async (scope, report) => {
        const { run, parts } = await runKind(scope, report);
        expect(run.code).toBe(0);
        const rows = records(parts);
        expectRows(run.summary, usersRows(rows, 0));
        for (const login of new Set(rows.map((row) => row.user_login as string)))
          expect(run.summary).not.toContain(login);
      },
    );

    test('summary-top-users: N adds a top-N table of users', async () => {
      const { run, parts } = await runKind('organization', 'users-28-day', { 'summary-top-users': '4' });
      expect(run.code).toBe(0);
      expect(run.summary).toContain('### Top 4 users by interactions');
      expectRows(run.summary, usersRows(records(parts), 4).slice(-4));
    });

    test('user-teams-1-day: teams, users and the largest teams', async () => {
      const { run, parts } = await runKind('organization', 'user-teams-1-day');
      expect(run.code).toBe(0);
      expectRows(run.summary, userTeamsRows(records(parts)));
    });

    test('repos-1-day: pull requests, Copilot-authored and reviewed, median time to merge, most active repositories', async () => {
      const { run, parts } = await runKind('enterprise', 'repos-1-day');
      expect(run.code).toBe(0);
      expectRows(run.summary, reposRows(records(parts)));
    });

    test('job-summary: false writes no summary', async () => {
      const { run } = await runKind('organization', 'users-1-day', { 'job-summary': 'false' });
      expect(run.code).toBe(0);
      expect(run.summary).toBe('');
    });
  },
);

test('missing and null fields show as n/a, never 0; invalid lines are counted, warned and kept', async () => {
  const day = addDays(harness.api.latestDay(), -6);
  const key = { scope: 'organization' as const, slug: 'octo-org', report: 'users-1-day' as const, day };
  const lines = [
    JSON.stringify({
      day,
      user_id: 1,
      user_login: 'ann',
      ai_credits_used: null,
      used_chat: null,
      user_initiated_interaction_count: 4,
    }),
    '{"day": "broken',
    JSON.stringify({ day, user_id: 2, user_login: 'bob', used_chat: null, user_initiated_interaction_count: 6 }),
    'not json at all',
    '[1, 2, 3]',
  ];
  const parts = [Buffer.from(`${lines.join('\n')}\n`)];
  harness.api.setReport(key, parts);
  const run = await harness.run({ ...key, 'upload-artifact': 'false' });
  expect(run.code).toBe(0);
  expectRows(run.summary, [
    ['Active users (on the day)', '2'],
    ['Chat users (on the day)', 'n/a'],
    ['AI credits used', 'n/a'],
    ['AI credits per user, p50', 'n/a'],
  ]);
  expect(run.warnings).toEqual([
    `${day} part-001.ndjson: 3 line(s) are not valid JSON records; they stay in the raw file and are left out of the summary and the CSV.`,
  ]);
  const folder = path.join(run.workspace, 'copilot-metrics/organization/octo-org/users-1-day', day);
  expect((await fs.readFile(path.join(folder, 'part-001.ndjson'))).equals(parts[0])).toBe(true);
  expect(run.outputs['record-count']).toBe('5');
});

describe('exports', () => {
  const kinds = ['users-1-day', 'user-teams-1-day', 'repos-1-day'] as const;
  test.each(kinds.flatMap((report) => PLACES.map(([place, env]) => [report, place, env] as const)))(
    'csv: true writes one %s.csv for the period (analysed in the %s): one header, every part in order, listed as derived, in the artifact',
    async (report, _place, env) => {
      const { run, parts, folder } = await runReport(
        'organization',
        report,
        { csv: 'true', 'upload-artifact': 'true' },
        3,
        env,
      );
      expect(run.code).toBe(0);
      const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
      const artifact = await readArtifact(harness, Number(run.outputs['artifact-id']), env);
      const columns = CSV_COLUMNS[report];
      const name = `${report}.csv`;
      const expected = csv([columns, ...records(parts).map((row) => columns.map((column) => row[column]))]);
      expect(await fs.readFile(path.join(folder, name), 'utf8')).toBe(expected);
      expect(manifest.derived).toEqual([
        {
          name,
          bytes: Buffer.byteLength(expected),
          sha256: sha256(Buffer.from(expected)),
          records: parts.reduce((total, part) => total + countRecords(part), 0),
          from: parts.map((_, i) => `part-00${i + 1}.ndjson`),
        },
      ]);
      // Nothing else is left beside the parts: no per-part CSV, no temporary rows.
      expect((await fs.readdir(folder)).sort()).toEqual(
        [name, 'manifest.json', ...parts.map((_, i) => `part-00${i + 1}.ndjson`)].sort(),
      );
      const inArtifact = [...artifact.entries()].find(([file]) => file.endsWith(`/${name}`));
      expect(inArtifact?.[1].toString()).toBe(expected);
    },
  );

  test('fields are quoted per RFC 4180, and a new plain field gets its own column', async () => {
    const day = addDays(harness.api.latestDay(), -7);
    const key = { scope: 'enterprise' as const, slug: 'octo-ent', report: 'repos-1-day' as const, day };
    const rows = [
      {
        day,
        repo_id: 1,
        repo_owner_name: 'octo',
        repo_name: 'comma,quote"newline\nrepo',
        repo_visibility: 'PRIVATE',
        pull_requests: {},
      },
      {
        day,
        repo_id: 2,
        repo_owner_name: 'octo',
        repo_name: 'plain',
        repo_visibility: 'PUBLIC',
        pull_requests: {},
        new_field: 'x',
      },
    ];
    // Two parts; the new field only in the second: the one CSV gets its column all the same.
    harness.api.setReport(
      key,
      rows.map((row) => Buffer.from(`${JSON.stringify(row)}\n`)),
    );
    const run = await harness.run({ ...key, csv: 'true', 'upload-artifact': 'false' });
    expect(run.code).toBe(0);
    const folder = path.join(run.workspace, 'copilot-metrics/enterprise/octo-ent/repos-1-day', day);
    const columns = [...CSV_COLUMNS['repos-1-day'], 'new_field'];
    const expected = csv([
      columns,
      ...rows.map((row) => columns.map((column) => (row as Record<string, unknown>)[column])),
    ]);
    expect(await fs.readFile(path.join(folder, 'repos-1-day.csv'), 'utf8')).toBe(expected);
    expect(expected).toContain('"comma,quote""newline\nrepo"');
    expect(run.warnings).toEqual([expect.stringContaining('Schema drift: repos-1-day has a field "new_field"')]);
  });

  test.each([
    ['users-1-day', 'the same day', 2],
    ['users-28-day', 'the newest day that has one (not the last day here)', 0],
  ] as const)(
    'team-rollup with %s: archives the user-teams report of %s (with its CSV), writes teams.ndjson and teams.csv, and shows the teams side by side',
    async (report, _which, back) => {
      const latest = harness.api.latestDay();
      const teamsKey = { scope: 'organization' as const, slug: 'octo-org', report: 'user-teams-1-day' as const };
      // users-28-day: the period's last day has no user-teams report, the day before has.
      if (report === 'users-28-day') harness.api.setReport({ ...teamsKey, day: latest }, []);
      const { run, parts, folder } = await runReport(
        'organization',
        report,
        { 'team-rollup': 'true', csv: 'true', 'upload-artifact': 'true' },
        back,
      );
      expect(run.code).toBe(0);
      const day = report === 'users-1-day' ? addDays(latest, -back) : addDays(latest, -1);
      const teamParts = harness.api.parts({ ...teamsKey, day }) as Buffer[];
      const teamsFolder = path.join(run.workspace, 'copilot-metrics/organization/octo-org/user-teams-1-day', day);
      const teamsManifest = JSON.parse(await fs.readFile(path.join(teamsFolder, 'manifest.json'), 'utf8'));
      expect(teamsManifest.files.map((f: { sha256: string }) => f.sha256)).toEqual(teamParts.map(sha256));
      // The user-teams report gets its CSV too.
      const teamColumns = CSV_COLUMNS['user-teams-1-day'];
      expect(await fs.readFile(path.join(teamsFolder, 'user-teams-1-day.csv'), 'utf8')).toBe(
        csv([teamColumns, ...records(teamParts).map((row) => teamColumns.map((column) => row[column]))]),
      );

      // The rollup, computed plainly: per team, its members' rows of the users report.
      const userRows = records(parts);
      const memberships = records(teamParts);
      const teamIds = [...new Set(memberships.map((m) => m.team_id))];
      const fields = [
        'ai_credits_used',
        'user_initiated_interaction_count',
        'code_generation_activity_count',
        'code_acceptance_activity_count',
        'loc_suggested_to_add_sum',
        'loc_suggested_to_delete_sum',
        'loc_added_sum',
        'loc_deleted_sum',
      ];
      type Obj = Record<string, unknown>;
      const completion = (row: Obj, key: string) =>
        ((row.totals_by_feature as Obj[]).find((entry) => entry.feature === 'code_completion')?.[key] as number) ?? 0;
      const expected = teamIds
        .map((id) => {
          const members = memberships.filter((m) => m.team_id === id);
          const ids = new Set(members.map((m) => m.user_id));
          const rows = userRows.filter((row) => ids.has(row.user_id));
          const flagged = (key: string) =>
            new Set(rows.filter((row) => row[key] === true).map((row) => row.user_id)).size;
          const total = (of: (row: Obj) => number) => rows.reduce((sum, row) => sum + of(row), 0);
          return {
            day,
            team_id: id,
            team_slug: members[0].slug,
            members: members.length,
            active_users: new Set(rows.map((row) => row.user_id)).size,
            chat_users: flagged('used_chat'),
            agent_users: flagged('used_agent'),
            cli_users: flagged('used_cli'),
            ...Object.fromEntries(fields.map((field) => [field, total((row) => row[field] as number)])),
            code_completion_generation_count: total((row) => completion(row, 'code_generation_activity_count')),
            code_completion_acceptance_count: total((row) => completion(row, 'code_acceptance_activity_count')),
          };
        })
        .sort((a, b) => String(a.team_slug).localeCompare(String(b.team_slug)));
      const ndjson = await fs.readFile(path.join(folder, 'teams.ndjson'), 'utf8');
      const written = ndjson
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(written.length).toBe(expected.length);
      written.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(Object.keys(expected[i]));
        for (const [field, value] of Object.entries(expected[i])) {
          // Sums keep 2 decimals: no 74.42999999999999.
          if (typeof value === 'number') expect(row[field]).toBe(Math.round(value * 100) / 100);
          else expect(row[field]).toEqual(value);
        }
      });
      expect(ndjson).not.toMatch(/\.\d{3,}/);
      const columns = Object.keys(expected[0]);
      expect(await fs.readFile(path.join(folder, 'teams.csv'), 'utf8')).toBe(
        csv([columns, ...written.map((row) => columns.map((c) => row[c]))]),
      );

      expectRows(run.summary, teamSummaryRows(userRows, memberships));
      expect(run.summary).toContain('GitHub leaves teams with fewer than 5 seats out of the user-teams report');

      const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
      const from = [
        ...parts.map((_, i) => `part-00${i + 1}.ndjson`),
        ...teamParts.map((_, i) => `../../user-teams-1-day/${day}/part-00${i + 1}.ndjson`),
      ];
      expect(manifest.derived.map((d: { name: string; from: string[] }) => [d.name, d.from])).toEqual([
        [`${report}.csv`, parts.map((_, i) => `part-00${i + 1}.ndjson`)],
        ['teams.ndjson', from],
        ['teams.csv', from],
      ]);
      const artifact = await readArtifact(harness, Number(run.outputs['artifact-id']));
      // The user-teams parts, its CSV and its manifest.
      expect([...artifact.keys()].filter((file) => file.includes('user-teams-1-day')).length).toBe(
        teamParts.length + 2,
      );
      expect([...artifact.keys()].some((file) => file.endsWith('/teams.csv'))).toBe(true);
    },
  );
});

describe('privacy', () => {
  const key = 'a-secret-pseudonymization-key';
  const pseudonym = (login: string) => createHmac('sha256', key).update(login).digest('hex').slice(0, 16);

  test('pseudonymize-key: CSVs and the summary show HMAC pseudonyms, stable across runs; raw files keep logins', async () => {
    const inputs = { csv: 'true', 'summary-top-users': '3', 'pseudonymize-key': key };
    const first = await runReport('organization', 'users-1-day', inputs, 4);
    const second = await runReport('organization', 'users-1-day', inputs, 4);
    expect(first.run.code).toBe(0);
    const rows = records(first.parts);
    const logins = [...new Set(rows.map((row) => row.user_login as string))];
    const csvText = await fs.readFile(path.join(first.folder, 'users-1-day.csv'), 'utf8');
    for (const login of logins) {
      expect(csvText).toContain(`,${pseudonym(login)},`);
      expect(csvText).not.toContain(`,${login},`);
      expect(first.run.summary).not.toContain(login);
    }
    expectRows(first.run.summary, usersRows(rows, 3, pseudonym).slice(-3));
    expect(second.run.summary).toBe(first.run.summary);
    for (const [i, part] of first.parts.entries()) {
      expect((await fs.readFile(path.join(first.folder, `part-00${i + 1}.ndjson`))).equals(part)).toBe(true);
    }
    // The key is a secret: masked, and never printed.
    expect(first.run.stdout).toContain(`::add-mask::${key}`);
    expect(first.run.stdout.replace(`::add-mask::${key}`, '')).not.toContain(key);
  });

  test('raw: false leaves the raw parts out of the artifact, and on disk', async () => {
    const { run, parts, folder, day } = await runReport(
      'organization',
      'repos-1-day',
      { raw: 'false', csv: 'true', 'upload-artifact': 'true' },
      5,
    );
    expect(run.code).toBe(0);
    const artifact = await readArtifact(harness, Number(run.outputs['artifact-id']));
    const prefix = `organization/octo-org/repos-1-day/${day}`;
    expect([...artifact.keys()].sort()).toEqual([`${prefix}/manifest.json`, `${prefix}/repos-1-day.csv`].sort());
    for (const [i, part] of parts.entries()) {
      expect((await fs.readFile(path.join(folder, `part-00${i + 1}.ndjson`))).equals(part)).toBe(true);
    }
  });
});

test('schema drift: one warning per unknown field and feature for the whole run, never a failure', async () => {
  const since = addDays(harness.api.latestDay(), -12);
  for (const offset of [0, 1, 2]) {
    const day = addDays(since, offset);
    const row = {
      day,
      user_id: 7,
      user_login: 'drifter',
      brand_new_metric: 3,
      totals_by_feature: [{ feature: 'copilot_new_thing', code_generation_activity_count: 1 }],
    };
    harness.api.setReport({ scope: 'organization', slug: 'octo-org', report: 'users-1-day', day }, [
      Buffer.from(`${JSON.stringify(row)}\n`),
    ]);
  }
  const run = await harness.run({
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    since,
    until: addDays(since, 2),
    'upload-artifact': 'false',
  });
  expect(run.code).toBe(0);
  expect(run.warnings).toEqual([
    expect.stringContaining('Schema drift: users-1-day has a field "brand_new_metric"'),
    expect.stringContaining('Schema drift: users-1-day has a feature "copilot_new_thing"'),
  ]);
  expectRows(run.summary, [
    ['Active users (distinct over the period)', '1'],
    ['copilot_new_thing', '1'],
  ]);
});

/** The documented top-level plain fields, in the order the CSVs use. */
const CSV_COLUMNS: Record<'users-1-day' | 'user-teams-1-day' | 'repos-1-day', string[]> = {
  'users-1-day': [
    'day',
    'report_start_day',
    'report_end_day',
    'enterprise_id',
    'organization_id',
    'user_id',
    'user_login',
    'ai_credits_used',
    'user_initiated_interaction_count',
    'code_generation_activity_count',
    'code_acceptance_activity_count',
    'loc_suggested_to_add_sum',
    'loc_suggested_to_delete_sum',
    'loc_added_sum',
    'loc_deleted_sum',
    'used_agent',
    'used_chat',
    'used_cli',
    'used_copilot_coding_agent',
    'used_copilot_code_review_active',
  ],
  'user-teams-1-day': ['day', 'enterprise_id', 'organization_id', 'team_id', 'slug', 'user_id', 'user_login'],
  'repos-1-day': [
    'day',
    'enterprise_id',
    'organization_id',
    'repo_id',
    'repo_owner_name',
    'repo_name',
    'repo_visibility',
  ],
};

describe('a range of an aggregate 1-day report', () => {
  test('charts every day of the range, a chart per month, skipped days read from disk; days without a value are named, never drawn', async () => {
    const latest = harness.api.latestDay();
    const [since, until] = [addDays(latest, -50), addDays(latest, -12)];
    const key = { scope: 'organization' as const, slug: 'octo-org', report: 'organization-1-day' as const };
    const inputs = { ...key, 'upload-artifact': 'false', 'if-no-report': 'warn' };
    // The archive already holds the first 8 days.
    const first = await harness.run({ ...inputs, since, until: addDays(since, 7) });
    expect(first.code).toBe(0);
    // A day without a report, and a day whose daily active users are null.
    const [none, nullDay] = [addDays(since, 10), addDays(since, 11)];
    harness.api.setReport({ ...key, day: none }, []);
    const [record] = records(harness.api.parts({ ...key, day: nullDay }) as Buffer[]);
    harness.api.setReport({ ...key, day: nullDay }, [
      Buffer.from(`${JSON.stringify({ ...record, daily_active_users: null })}\n`),
    ]);

    const run = await harness.run(
      { ...inputs, since, until, 'skip-existing': 'true', 'refresh-days': '0' },
      { workspace: first.workspace },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['skipped-days'])).toHaveLength(8);
    const days: Record<string, unknown>[] = [];
    for (let day = since; day <= until; day = addDays(day, 1)) {
      days.push(...records(harness.api.parts({ ...key, day }) as Buffer[]));
    }
    expect(days).toHaveLength(38);
    const chart = chartOf(days, since, until);
    expect(chart.left).toEqual([none, nullDay]);
    expect(chart.charts.length).toBeGreaterThanOrEqual(2);
    expect(run.summary.split('```mermaid').length - 1).toBe(chart.charts.length);
    for (const line of chart.charts.flat()) expect(run.summary).toContain(line);
    expect(run.summary).toContain(`Left off the chart, no value for these 2 days: ${none} – ${nullDay} (2 days).`);
    expectRows(run.summary, aggregateRows(days));
    expectRows(run.summary, weekRows(days, until));
  });
});

describe('known data breaks', () => {
  // The simulated time: a year after the break, so that its day is in the data window.
  const now = '2026-12-01T06:00:00Z';
  afterEach(() => {
    harness.clock.reset();
  });

  test.each([
    ['organization-1-day', '2026-10-06', true],
    ['organization-1-day', '2026-10-07', false],
    ['users-1-day', '2026-10-06', true],
  ] as const)('%s of %s: the summary names the agent-attribution break: %s', async (report, day, named) => {
    harness.clock.set(now);
    const run = await harness.run(
      { scope: 'organization', slug: 'octo-org', report, day, 'upload-artifact': 'false' },
      { env: { COPILOT_METRICS_NOW: now } },
    );
    expect(run.code).toBe(0);
    const lines = run.summary.split('\n').filter((line) => line.includes('Known data break'));
    if (!named) return expect(lines).toEqual([]);
    expect(lines).toEqual([
      expect.stringContaining(
        '**Known data break on 2026-10-06:** IDEs that moved agent mode to the Copilot SDK stopped naming the IDE',
      ),
    ]);
    expect(lines[0]).toContain('(https://github.blog/changelog/');
  });
});
