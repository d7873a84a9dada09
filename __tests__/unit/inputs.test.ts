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

/** The first (with one report: the only) kind's report and target. */
const kind = (inputs: Record<string, string>) => withInputs(inputs).kinds[0];
const targetOf = (inputs: Record<string, string>) => kind(inputs).target;

test('applies the contract defaults to empty inputs', () => {
  expect(withInputs({})).toEqual({
    token: 'ghp_x',
    scope: 'organization',
    slug: 'octo-org',
    kinds: [{ report: 'users-1-day', target: { kind: 'latest-day' } }],
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
  expect(settings.kinds.map((k) => k.report)).toEqual(['users-1-day']);
});

test('reads a day, and only latest for 28-day reports', () => {
  expect(targetOf({ day: '2026-11-20' })).toEqual({ kind: 'day', day: '2026-11-20' });
  expect(targetOf({ day: 'LATEST' })).toEqual({ kind: 'latest-day' });
  expect(targetOf({ report: 'users-28-day' })).toEqual({ kind: 'latest-28-day' });
});

test('reads a range; until defaults to yesterday', () => {
  expect(targetOf({ since: '2026-11-01', until: '2026-11-10' })).toEqual({
    kind: 'range',
    since: '2026-11-01',
    until: '2026-11-10',
  });
  expect(targetOf({ since: '2026-11-01' })).toEqual({
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

test('reads a list of reports, or all the usage reports of the scope', () => {
  const reports = (inputs: Record<string, string>) => withInputs(inputs).kinds.map((k) => k.report);
  expect(reports({ report: 'users-1-day, user-teams-1-day\nusers-1-day' })).toEqual([
    'users-1-day',
    'user-teams-1-day',
  ]);
  expect(reports({ report: 'all' })).toEqual([
    'organization-1-day',
    'organization-28-day',
    'users-1-day',
    'users-28-day',
    'user-teams-1-day',
    'repos-1-day',
  ]);
  expect(reports({ report: 'ALL', scope: 'enterprise', slug: 'octo-ent' })).toEqual([
    'enterprise-1-day',
    'enterprise-28-day',
    'users-1-day',
    'users-28-day',
    'user-teams-1-day',
    'repos-1-day',
  ]);
  expect(() => withInputs({ report: 'users-1-day, nope' })).toThrow(
    /Input "report" has an invalid value "users-1-day, nope"/,
  );
  expect(() => withInputs({ report: 'enterprise-1-day,users-1-day' })).toThrow(/Input "report"/);
});

test('a day or a range applies to the 1-day kinds of a list; the 28-day kinds take their latest', () => {
  expect(withInputs({ report: 'users-1-day,users-28-day', day: '2026-11-20' }).kinds).toEqual([
    { report: 'users-1-day', target: { kind: 'day', day: '2026-11-20' } },
    { report: 'users-28-day', target: { kind: 'latest-28-day' } },
  ]);
  expect(() => withInputs({ report: 'users-28-day, organization-28-day', day: '2026-11-20' })).toThrow(/Input "day"/);
});

test("since: earliest is each kind's oldest day that GitHub still serves", () => {
  const { kinds } = withInputs({ report: 'all', since: 'earliest' });
  const since = Object.fromEntries(
    kinds.map((k) => [k.report, k.target.kind === 'range' ? k.target.since : k.target.kind]),
  );
  // Organization data starts 2025-12-12 (after one year back, 2025-11-25); user-teams and repos start later.
  expect(since).toEqual({
    'organization-1-day': '2025-12-12',
    'organization-28-day': 'latest-28-day',
    'users-1-day': '2025-12-12',
    'users-28-day': 'latest-28-day',
    'user-teams-1-day': '2026-05-14',
    'repos-1-day': '2026-07-17',
  });
  // Enterprise data starts 2025-10-10: one year back (2025-11-25) is the limit.
  expect(targetOf({ scope: 'enterprise', slug: 'octo-ent', report: 'enterprise-1-day', since: 'Earliest' })).toEqual({
    kind: 'range',
    since: '2025-11-25',
    until: '2026-11-24',
  });
  // Before a kind's data starts, earliest is an empty range (no day to fetch), not an error.
  expect(targetOf({ report: 'repos-1-day', since: 'earliest', until: '2026-07-01' })).toEqual({
    kind: 'range',
    since: '2026-07-17',
    until: '2026-07-01',
  });
});

test('several kinds need {report} in the artifact name', () => {
  expect(() => withInputs({ report: 'all', 'artifact-name': 'metrics-{period}' })).toThrow(
    /Input "artifact-name" .*with \{report\} when several reports/,
  );
  expect(withInputs({ report: 'all', 'artifact-name': 'm-{report}' }).artifact.nameTemplate).toBe('m-{report}');
});

test('accepts the edges of the data window and nothing past them', () => {
  expect(targetOf({ day: '2026-11-24' })).toEqual({ kind: 'day', day: '2026-11-24' });
  expect(targetOf({ day: '2025-11-25' })).toEqual({ kind: 'day', day: '2025-11-25' });
  expect(() => withInputs({ day: '2026-11-25' })).toThrow(/a UTC day from 2025-11-25 to 2026-11-24/);
  expect(() => withInputs({ day: '2025-11-24' })).toThrow(/at most one year back/);
});

test('reads the artifact options', () => {
  const { artifact } = withInputs({
    'artifact-name': 'metrics-{slug}-{period}',
    'retention-days': '400',
    'compression-level': '0',
    overwrite: 'true',
    'upload-artifact': 'True',
    raw: 'false',
  });
  expect(artifact).toEqual({
    enabled: true,
    nameTemplate: 'metrics-{slug}-{period}',
    retentionDays: 400,
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
  expect(withInputs({ report: 'all', 'team-rollup': 'true' }).insights.teamRollup).toBe(true);
  expect(() => withInputs({ 'retention-days': '401' })).toThrow(/Input "retention-days" .*from 0 to 400/);
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
