import type { RunResult } from '../../src/archive/archive-run.js';
import { artifactName } from '../../src/archive/upload-artifact.js';
import type { Settings } from '../../src/inputs/settings.js';
import { noReportMessage, runOutputs } from '../../src/outputs/set-outputs.js';

const settings = {
  root: '/ws/cm',
  scope: 'organization',
  slug: 'octo-org',
  report: 'users-1-day',
} as Settings;
const artifact = {
  id: 9,
  name: 'n',
  url: 'https://github.com/o/r/actions/runs/1/artifacts/9',
  digest: 'ab',
  size: 1,
};

function archived(day: string, links: string[], records: number) {
  return {
    report: { links, period: { span: '1-day' as const, start: day, end: day } },
    dir: `/ws/cm/organization/octo-org/users-1-day/${day}`,
    files: links.map((_, i) => `/ws/cm/organization/octo-org/users-1-day/${day}/part-00${i + 1}.ndjson`),
    derived: [],
    manifestPath: `/ws/cm/organization/octo-org/users-1-day/${day}/manifest.json`,
    manifest: { records, bytes: records * 100 } as never,
  };
}

test('a run without a report sets found=false and every other output empty', () => {
  const outputs = runOutputs(
    settings,
    { archived: [], companions: [], skipped: [], missing: [{ reason: 'none' }] },
    undefined,
  );
  expect(outputs.found).toBe('false');
  expect(
    Object.entries(outputs)
      .filter(([name]) => name !== 'found')
      .every(([, value]) => value === ''),
  ).toBe(true);
});

test('formats lists as JSON and gives the period of a 28-day report', () => {
  const result: RunResult = {
    archived: [
      {
        ...archived('x', ['https://h/a?sig=1', 'https://h/b?sig=2'], 7),
        report: {
          links: ['https://h/a?sig=1', 'https://h/b?sig=2'],
          period: { span: '28-day', start: '2026-10-24', end: '2026-11-20' },
        },
      },
    ],
    companions: [],
    skipped: [],
    missing: [],
  };
  expect(runOutputs(settings, result, artifact)).toMatchObject({
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
    days: '',
  });
});

test('range mode: the range, the report folder, every part, and the day lists', () => {
  const result: RunResult = {
    range: { since: '2026-11-01', until: '2026-11-05' },
    archived: [archived('2026-11-02', ['https://h/1'], 3), archived('2026-11-05', ['https://h/2', 'https://h/3'], 4)],
    companions: [],
    skipped: ['2026-11-01', '2026-11-04'],
    missing: [
      {
        day: '2026-11-03',
        reason: 'GitHub has no users-1-day report for 2026-11-03 (204 No Content).',
      },
    ],
  };
  const outputs = runOutputs(settings, result, artifact);
  expect(outputs).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': '2026-11-01',
    'report-end-day': '2026-11-05',
    path: '/ws/cm/organization/octo-org/users-1-day',
    manifest: '',
    'download-links': '["https://h/1","https://h/2","https://h/3"]',
    'record-count': '7',
    bytes: '700',
    days: '["2026-11-02","2026-11-05"]',
    'missing-days': '["2026-11-03"]',
    'skipped-days': '["2026-11-01","2026-11-04"]',
  });
  expect(JSON.parse(outputs.files)).toHaveLength(3);
  expect(noReportMessage(settings, result)).toBe(
    'No users-1-day report for 1 day(s) of 2026-11-01 to 2026-11-05: 2026-11-03. GitHub has no users-1-day report for 2026-11-03 (204 No Content).',
  );
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
