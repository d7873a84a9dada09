import { periodFolder, reportFolder } from '../../src/archive/layout.js';
import { buildManifest } from '../../src/archive/manifest.js';
import { partName } from '../../src/download/download-parts.js';
import { oneDay, periodName } from '../../src/period.js';

const location = {
  root: '/ws/copilot-metrics',
  scope: 'organization' as const,
  slug: 'octo-org',
  report: 'users-1-day' as const,
};

test('lays files out as {path}/{scope}/{slug}/{report}/{period}/part-NNN.ndjson', () => {
  expect(reportFolder(location)).toBe('/ws/copilot-metrics/organization/octo-org/users-1-day');
  expect(periodFolder(location, oneDay('2026-11-20'))).toBe(
    '/ws/copilot-metrics/organization/octo-org/users-1-day/2026-11-20',
  );
  expect(periodName({ span: '28-day', start: '2026-10-24', end: '2026-11-20' })).toBe('2026-10-24_2026-11-20');
  expect([0, 1, 99, 999].map(partName)).toEqual([
    'part-001.ndjson',
    'part-002.ndjson',
    'part-100.ndjson',
    'part-1000.ndjson',
  ]);
});

test('refuses a layout that would leave the root', () => {
  expect(() => reportFolder({ ...location, slug: '../../etc' })).toThrow(/Refusing to write outside/);
});

test('builds the manifest in the contract order, with totals over the parts', () => {
  const files = [
    { name: 'part-001.ndjson', bytes: 10, sha256: 'a'.repeat(64), records: 2 },
    { name: 'part-002.ndjson', bytes: 5, sha256: 'b'.repeat(64), records: 1 },
  ];
  const subject = {
    scope: 'enterprise' as const,
    slug: 'octo-ent',
    report: 'enterprise-28-day' as const,
    apiVersion: '2026-03-10',
  };
  const manifest = buildManifest(
    subject,
    { span: '28-day', start: '2026-10-24', end: '2026-11-20' },
    files,
    [],
    new Date('2026-11-25T10:00:00Z'),
  );
  expect(Object.keys(manifest)).toEqual([
    'scope',
    'slug',
    'report',
    'report_start_day',
    'report_end_day',
    'api_version',
    'fetched_at',
    'records',
    'bytes',
    'files',
    'derived',
  ]);
  expect(manifest).toMatchObject({
    fetched_at: '2026-11-25T10:00:00.000Z',
    records: 3,
    bytes: 15,
    files,
    derived: [],
  });
  const daily = buildManifest({ ...subject, report: 'users-1-day' }, oneDay('2026-11-20'), files, [], new Date());
  expect(daily.report_day).toBe('2026-11-20');
  expect(daily).not.toHaveProperty('report_start_day');
});
