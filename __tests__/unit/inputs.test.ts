import { getInputs, InputError, type InputContext } from '../../src/inputs/get-inputs.js';

const context: InputContext = {
  workspace: '/work/space',
  now: new Date('2026-11-25T12:00:00Z'),
  hasArtifactRuntime: true,
  defaultApiUrl: 'https://api.github.com',
};

const saved = { ...process.env };
const write = process.stdout.write;
beforeEach(() => {
  process.stdout.write = (() => true) as typeof process.stdout.write; // ::add-mask:: lines
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});
afterEach(() => {
  process.stdout.write = write;
  process.env = { ...saved };
});

function withInputs(inputs: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  const all = {
    token: 'ghp_x',
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    ...inputs,
  };
  for (const [name, value] of Object.entries(all)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return getInputs(context);
}

test('applies the contract defaults to empty inputs', () => {
  expect(withInputs({})).toEqual({
    token: 'ghp_x',
    scope: 'organization',
    slug: 'octo-org',
    report: 'users-1-day',
    target: { kind: 'latest-day' },
    skip: { skipExisting: false, refreshDays: 3 },
    root: '/work/space/copilot-metrics',
    artifact: {
      enabled: true,
      nameTemplate: 'copilot-metrics-{scope}-{slug}-{report}-{period}',
      retentionDays: undefined,
      compressionLevel: 6,
      overwrite: false,
      raw: true,
    },
    ifNoReport: 'error',
    apiUrl: 'https://api.github.com',
    apiVersion: '2026-03-10',
    jobSummary: true,
    insights: { summaryTopUsers: 0, csv: false, teamRollup: false, pseudonymizeKey: undefined },
  });
});

test('accepts org as an alias, lower-cases the slug and trims values', () => {
  const settings = withInputs({ scope: ' org ', slug: ' Octo-Org ', report: 'USERS-1-DAY' });
  expect(settings.scope).toBe('organization');
  expect(settings.slug).toBe('octo-org');
  expect(settings.report).toBe('users-1-day');
});

test('reads a day, and only latest for 28-day reports', () => {
  expect(withInputs({ day: '2026-11-20' }).target).toEqual({ kind: 'day', day: '2026-11-20' });
  expect(withInputs({ day: 'LATEST' }).target).toEqual({ kind: 'latest-day' });
  expect(withInputs({ report: 'users-28-day' }).target).toEqual({ kind: 'latest-28-day' });
});

test('reads a range; until defaults to yesterday', () => {
  expect(withInputs({ since: '2026-11-01', until: '2026-11-10' }).target).toEqual({
    kind: 'range',
    since: '2026-11-01',
    until: '2026-11-10',
  });
  expect(withInputs({ since: '2026-11-01' }).target).toEqual({
    kind: 'range',
    since: '2026-11-01',
    until: '2026-11-24',
  });
  expect(withInputs({ since: '2026-11-01', 'skip-existing': 'true', 'refresh-days': '0' }).skip).toEqual({
    skipExisting: true,
    refreshDays: 0,
  });
  expect(() => withInputs({ since: '2026-11-10', until: '2026-11-01' })).toThrow(
    /Input "until" .*a day on or after since/,
  );
  expect(() => withInputs({ until: '2026-11-01' })).toThrow(/Input "until"/);
  expect(() => withInputs({ since: '2026-11-01', day: '2026-11-05' })).toThrow(/Input "day"/);
  expect(() => withInputs({ since: '2026-11-01', report: 'users-28-day' })).toThrow(/Input "since"/);
});

test('accepts the edges of the data window and nothing past them', () => {
  expect(withInputs({ day: '2026-11-24' }).target).toEqual({ kind: 'day', day: '2026-11-24' });
  expect(withInputs({ day: '2025-11-25' }).target).toEqual({ kind: 'day', day: '2025-11-25' });
  expect(() => withInputs({ day: '2026-11-25' })).toThrow(/a UTC day from 2025-11-25 to 2026-11-24/);
  expect(() => withInputs({ day: '2025-11-24' })).toThrow(/at most one year back/);
});

test('reads the artifact options', () => {
  const { artifact } = withInputs({
    'artifact-name': 'metrics-{slug}-{period}',
    'retention-days': '90',
    'compression-level': '0',
    overwrite: 'true',
    'upload-artifact': 'True',
    raw: 'false',
  });
  expect(artifact).toEqual({
    enabled: true,
    nameTemplate: 'metrics-{slug}-{period}',
    retentionDays: 90,
    compressionLevel: 0,
    overwrite: true,
    raw: false,
  });
});

test('reads the insight options; the team rollup only with users-1-day or users-28-day', () => {
  expect(
    withInputs({
      'summary-top-users': '10',
      csv: 'true',
      'team-rollup': 'true',
      'pseudonymize-key': 's3cret',
    }).insights,
  ).toEqual({
    summaryTopUsers: 10,
    csv: true,
    teamRollup: true,
    pseudonymizeKey: 's3cret',
  });
  expect(withInputs({ report: 'users-28-day', 'team-rollup': 'true' }).insights.teamRollup).toBe(true);
  expect(() => withInputs({ report: 'user-teams-1-day', 'team-rollup': 'true' })).toThrow(/Input "team-rollup"/);
});

test('normalizes api-url and keeps GHE.com roots', () => {
  expect(withInputs({ 'api-url': 'https://api.octo.ghe.com/' }).apiUrl).toBe('https://api.octo.ghe.com');
  expect(withInputs({ 'api-url': 'http://127.0.0.1:8080' }).apiUrl).toBe('http://127.0.0.1:8080');
});

test('resolves path inside the workspace, absolute or relative', () => {
  expect(withInputs({ path: 'data/metrics' }).root).toBe('/work/space/data/metrics');
  expect(withInputs({ path: '/work/space/x' }).root).toBe('/work/space/x');
  expect(() => withInputs({ path: '/tmp/x' })).toThrow(InputError);
});

test('an error is one line naming the input, the value and the accepted form', () => {
  expect(() => withInputs({ 'compression-level': '10' })).toThrow(
    new InputError('Input "compression-level" has an invalid value "10": expected a whole number from 0 to 9.'),
  );
  try {
    withInputs({ slug: 'x'.repeat(500) });
  } catch (error) {
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message.length).toBeLessThan(400);
  }
});

test('never echoes the token', () => {
  expect(() => withInputs({ token: '' })).toThrow(/Input "token" is required/);
});
