/** The seats kind: its route, its input rules, and its figures against a plain computation. */
import { getInputs, type InputContext } from '../../src/inputs/get-inputs.js';
import { SeatTally, renderSeats } from '../../src/insights/seats.js';
import { pseudonym } from '../../src/insights/pseudonymize.js';
import { reportRoute } from '../../src/reports.js';
import { seatsSnapshot } from '../../simulator/report-data.js';
import { csv, expectRows } from '../harness/expected-figures.js';
import { inactiveRows, seatsRows } from '../harness/expected-seats.js';

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
});
afterEach(() => {
  process.stdout.write = write;
  process.env = { ...saved };
});

function withInputs(inputs: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  const all = { token: 'ghp_x', scope: 'organization', slug: 'octo-org', report: 'seats', ...inputs };
  for (const [name, value] of Object.entries(all)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return getInputs(context);
}

test('seats are served at /copilot/billing/seats of the organization or the enterprise', () => {
  expect(reportRoute('organization', 'seats')).toBe('GET /orgs/{org}/copilot/billing/seats');
  expect(reportRoute('enterprise', 'seats')).toBe('GET /enterprises/{enterprise}/copilot/billing/seats');
});

test('seats are a snapshot of either scope; a day other than latest, since or until is an input error', () => {
  expect(withInputs({}).kinds[0].target).toEqual({ kind: 'snapshot' });
  expect(withInputs({ scope: 'enterprise', slug: 'octo-ent', day: 'LATEST' }).kinds[0].target).toEqual({
    kind: 'snapshot',
  });
  expect(() => withInputs({ day: '2026-11-20' })).toThrow(
    'Input "day" has an invalid value "2026-11-20": expected "latest" (the default) with seats, a snapshot of the day it is fetched.',
  );
  expect(() => withInputs({ since: '2026-11-01' })).toThrow(/^Input "since" .*: expected empty with seats/);
  expect(() => withInputs({ until: '2026-11-01' })).toThrow(/^Input "until" .*: expected empty with seats/);
  expect(() => withInputs({ 'team-rollup': 'true' })).toThrow(/^Input "team-rollup"/);
});

describe.each([
  ['organization', 'octo-org'],
  ['enterprise', 'octo-ent'],
] as const)('%s seats of the example day', (scope, slug) => {
  const { total_seats, seats } = seatsSnapshot({ scope, slug }, '2026-09-20');
  const fetchedAt = new Date('2026-09-20T07:45:00Z');
  const tally = new SeatTally(fetchedAt);
  seats.forEach((seat) => tally.add(seat));

  test('the summary matches the plain computation', () => {
    expectRows(renderSeats(tally.figures(total_seats), 'inactive.csv'), seatsRows(total_seats, seats, fetchedAt));
  });

  test('inactive.csv matches the plain computation, with pseudonyms', () => {
    const { text, rows } = tally.inactiveCsv((login) => pseudonym('key', login));
    const expected = inactiveRows(seats, fetchedAt, 'key');
    expect(rows).toBe(expected.length);
    expect(text.split('\r\n').slice(1).join('\r\n')).toBe(csv(expected));
  });
});
