import { artifactName } from '../../src/archive/upload-artifact.js';
import { emptyOutputs, periodOutputs } from '../../src/outputs/set-outputs.js';

test('a run without a report sets found=false and every other output empty', () => {
  const outputs = emptyOutputs();
  expect(outputs.found).toBe('false');
  expect(
    Object.entries(outputs)
      .filter(([name]) => name !== 'found')
      .every(([, value]) => value === ''),
  ).toBe(true);
});

test('formats lists as JSON and the period of a 28-day report', () => {
  const outputs = periodOutputs(
    {
      report: {
        links: ['https://h/a?sig=1', 'https://h/b?sig=2'],
        period: { span: '28-day', start: '2026-10-24', end: '2026-11-20' },
      },
      dir: '/ws/p',
      files: ['/ws/p/part-001.ndjson', '/ws/p/part-002.ndjson'],
      manifestPath: '/ws/p/manifest.json',
      manifest: { records: 7, bytes: 1234 } as never,
    },
    {
      id: 9,
      name: 'n',
      url: 'https://github.com/o/r/actions/runs/1/artifacts/9',
      digest: 'ab',
      size: 1,
    },
  );
  expect(outputs).toMatchObject({
    found: 'true',
    'report-day': '',
    'report-start-day': '2026-10-24',
    'report-end-day': '2026-11-20',
    'download-links': '["https://h/a?sig=1","https://h/b?sig=2"]',
    files: '["/ws/p/part-001.ndjson","/ws/p/part-002.ndjson"]',
    'record-count': '7',
    bytes: '1234',
    'artifact-id': '9',
    'artifact-digest': 'ab',
  });
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
