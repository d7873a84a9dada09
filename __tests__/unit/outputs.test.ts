import type { RunResult } from '../../src/archive/archive-run.js';
import { artifactName } from '../../src/archive/upload-artifact.js';
import type { RunSettings, Settings } from '../../src/inputs/settings.js';
import { noReportMessage, runOutputs, type KindOutcome } from '../../src/outputs/set-outputs.js';
import type { ReportName } from '../../src/reports.js';

const base = { root: '/ws/cm', scope: 'organization', slug: 'octo-org' } as const;
const kindOf = (report: ReportName) => ({ ...base, report }) as Settings;
const runOf = (...reports: ReportName[]) =>
  ({ ...base, kinds: reports.map((report) => ({ report, target: { kind: 'latest-day' } })) }) as RunSettings;
const artifact = {
  id: 9,
  name: 'n',
  url: 'https://github.com/o/r/actions/runs/1/artifacts/9',
  digest: 'ab',
  size: 1,
};

function archived(day: string, links: string[], records: number, report = 'users-1-day') {
  const dir = `/ws/cm/organization/octo-org/${report}/${day}`;
  return {
    report: { links, period: { span: '1-day' as const, start: day, end: day } },
    dir,
    files: links.map((_, i) => `${dir}/part-00${i + 1}.ndjson`),
    derived: [],
    manifestPath: `${dir}/manifest.json`,
    manifest: { records, bytes: records * 100 } as never,
    restated: false,
  };
}

const empty = { archived: [], companions: [], skipped: [], missing: [], pending: [], restated: [] };
const outcome = (report: ReportName, result: RunResult, withArtifact = true): KindOutcome => ({
  settings: kindOf(report),
  result,
  artifact: withArtifact ? artifact : undefined,
  figures: '',
});

test('a run without a report sets found=false, lists to [] and every other output empty', () => {
  const outputs = runOutputs(runOf('users-1-day'), [
    outcome('users-1-day', { ...empty, missing: [{ reason: 'none' }] }, false),
  ]);
  expect(outputs.found).toBe('false');
  const lists = ['download-links', 'files', 'days', 'missing-days', 'pending-days', 'restated-days', 'skipped-days'];
  for (const name of lists) expect([name, JSON.parse(outputs[name as keyof typeof outputs])]).toEqual([name, []]);
  const others = Object.entries(outputs).filter(([name]) => !['found', 'reports', ...lists].includes(name));
  expect(others.filter(([, value]) => value !== '')).toEqual([]);
  expect(JSON.parse(outputs.reports)).toEqual({
    'users-1-day': {
      found: false,
      'report-start-day': '',
      'report-end-day': '',
      path: '',
      files: [],
      manifest: '',
      'record-count': 0,
      bytes: 0,
      'artifact-id': null,
      'artifact-name': '',
      'artifact-url': '',
      'artifact-digest': '',
    },
  });
});

test('formats lists as JSON and gives the period of a 28-day report', () => {
  const result: RunResult = {
    ...empty,
    archived: [
      {
        ...archived('x', ['https://h/a?sig=1', 'https://h/b?sig=2'], 7),
        report: {
          links: ['https://h/a?sig=1', 'https://h/b?sig=2'],
          period: { span: '28-day', start: '2026-10-24', end: '2026-11-20' },
        },
      },
    ],
  };
  expect(runOutputs(runOf('users-28-day'), [outcome('users-28-day', result)])).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': '2026-10-24',
    'report-end-day': '2026-11-20',
    'download-links': '["https://h/a?sig=1","https://h/b?sig=2"]',
    files:
      '["/ws/cm/organization/octo-org/users-1-day/x/part-001.ndjson","/ws/cm/organization/octo-org/users-1-day/x/part-002.ndjson"]',
    'record-count': '7',
    bytes: '700',
    'artifact-id': '9',
    'artifact-digest': 'ab',
    days: '[]',
  });
});

const range: RunResult = {
  ...empty,
  range: { since: '2026-11-01', until: '2026-11-07' },
  archived: [archived('2026-11-02', ['https://h/1'], 3), archived('2026-11-05', ['https://h/2', 'https://h/3'], 4)],
  skipped: ['2026-11-01', '2026-11-04'],
  missing: [{ day: '2026-11-03', reason: 'GitHub has no users-1-day report for 2026-11-03 (204 No Content).' }],
  pending: ['2026-11-06', '2026-11-07'],
  restated: ['2026-11-05'],
};

test('range mode: the range, the report folder, every part, and the day lists', () => {
  const one = outcome('users-1-day', range);
  const outputs = runOutputs(runOf('users-1-day'), [one]);
  expect(outputs).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': '2026-11-01',
    'report-end-day': '2026-11-07',
    path: '/ws/cm/organization/octo-org/users-1-day',
    manifest: '',
    'download-links': '["https://h/1","https://h/2","https://h/3"]',
    'record-count': '7',
    bytes: '700',
    days: '["2026-11-02","2026-11-05"]',
    'missing-days': '["2026-11-03"]',
    'pending-days': '["2026-11-06","2026-11-07"]',
    'restated-days': '["2026-11-05"]',
    'skipped-days': '["2026-11-01","2026-11-04"]',
  });
  expect(JSON.parse(outputs.files)).toHaveLength(3);
  expect(JSON.parse(outputs.reports)['users-1-day']).toMatchObject({
    found: true,
    'record-count': 7,
    'artifact-id': 9,
    days: ['2026-11-02', '2026-11-05'],
    'pending-days': ['2026-11-06', '2026-11-07'],
  });
  expect(noReportMessage(one)).toBe(
    'No users-1-day report for 1 day(s) of 2026-11-01 to 2026-11-07: 2026-11-03. GitHub has no users-1-day report for 2026-11-03 (204 No Content).',
  );
});

test('several kinds: totals and sorted day lists over the kinds, per-kind values under reports', () => {
  const teams: RunResult = {
    ...empty,
    range: { since: '2026-10-30', until: '2026-11-07' },
    archived: [archived('2026-10-30', ['https://h/t'], 5, 'user-teams-1-day')],
    missing: [{ day: '2026-11-01', reason: 'none' }],
    pending: ['2026-11-07'],
  };
  const latest: RunResult = {
    ...empty,
    archived: [
      {
        ...archived('x', ['https://h/28'], 2, 'users-28-day'),
        report: { links: ['https://h/28'], period: { span: '28-day', start: '2026-10-11', end: '2026-11-05' } },
      },
    ],
  };
  const settings = runOf('users-1-day', 'user-teams-1-day', 'users-28-day');
  const outputs = runOutputs(settings, [
    outcome('users-1-day', range),
    outcome('user-teams-1-day', teams),
    outcome('users-28-day', latest),
  ]);
  expect(outputs).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': '2026-10-11',
    'report-end-day': '2026-11-07',
    path: '/ws/cm/organization/octo-org',
    manifest: '',
    'record-count': '14',
    'artifact-id': '',
    'artifact-name': '',
    days: '["2026-10-30","2026-11-02","2026-11-05"]',
    'missing-days': '["2026-11-01","2026-11-03"]',
    'pending-days': '["2026-11-06","2026-11-07"]',
  });
  expect(JSON.parse(outputs['download-links'])).toHaveLength(5);
  const reports = JSON.parse(outputs.reports);
  expect(Object.keys(reports)).toEqual(['users-1-day', 'user-teams-1-day', 'users-28-day']);
  expect(reports['users-28-day']).toMatchObject({
    found: true,
    'report-start-day': '2026-10-11',
    'report-end-day': '2026-11-05',
    manifest: '/ws/cm/organization/octo-org/users-28-day/x/manifest.json',
    'artifact-name': 'n',
  });
  expect(reports['users-28-day']).not.toHaveProperty('days');
});

test('fills the artifact-name placeholders', () => {
  expect(
    artifactName('cm-{scope}-{slug}-{report}-{period}-{slug}', {
      scope: 'enterprise',
      slug: 'e',
      report: 'repos-1-day',
      period: '2026-11-20',
    }),
  ).toBe('cm-enterprise-e-repos-1-day-2026-11-20-e');
});
