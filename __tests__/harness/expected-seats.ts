/**
 * The seats figures and inactive.csv computed the plain way from a seat listing, to check the
 * action's against: group the seats by user first, then count. Deliberately simple.
 */
import { createHmac } from 'node:crypto';
import { n, pct } from './expected-figures.js';

type Seat = Record<string, unknown>;
const DAY = 86_400_000;

const login = (seat: Seat): string => (seat.assignee as { login: string }).login;
const activity = (seat: Seat): number | undefined =>
  typeof seat.last_activity_at === 'string' ? Date.parse(seat.last_activity_at) : undefined;

/** The seats of each user, by assignee id. */
function byUser(seats: Seat[]): Seat[][] {
  const users = new Map<unknown, Seat[]>();
  for (const seat of seats) {
    const id = (seat.assignee as { id: unknown }).id;
    users.set(id, [...(users.get(id) ?? []), seat]);
  }
  return [...users.values()];
}

/** A user's newest activity and the seat that had it. */
function newest(seats: Seat[]): { at?: number; seat?: Seat } {
  let best: { at?: number; seat?: Seat } = {};
  for (const seat of seats) {
    const at = activity(seat);
    if (at !== undefined && (best.at === undefined || at > best.at)) best = { at, seat };
  }
  return best;
}

function tally(labels: string[]): [string, number][] {
  const counts: Record<string, number> = {};
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The rows the seats summary must show, for a listing fetched at `fetchedAt`. */
export function seatsRows(totalSeats: number, seats: Seat[], fetchedAt: Date): string[][] {
  const users = byUser(seats);
  const now = fetchedAt.getTime();
  const idle = users.map((userSeats) => {
    const { at } = newest(userSeats);
    return at === undefined ? undefined : (now - at) / DAY;
  });
  const count = (test: (days: number | undefined) => boolean): number => idle.filter(test).length;
  const row = (label: string, value: number): string[] => [label, n(value), pct(value, users.length)];
  const active7 = count((d) => d !== undefined && d <= 7);
  const active28 = count((d) => d !== undefined && d <= 28);
  const never = count((d) => d === undefined);
  const pending = users.filter((userSeats) => userSeats.every((seat) => Boolean(seat.pending_cancellation_date)));
  const editors = users.map((userSeats) => {
    const { seat } = newest(userSeats);
    if (!seat) return 'never active';
    return typeof seat.last_activity_editor === 'string' ? seat.last_activity_editor.split('/')[0] : 'unknown';
  });
  const plans = users.map((userSeats) => {
    const kinds = userSeats.map((seat) => String(seat.plan_type));
    return kinds.includes('enterprise') ? 'enterprise' : kinds.includes('business') ? 'business' : kinds[0];
  });
  return [
    ['Seats billed', n(totalSeats), ''],
    ['Seated users (distinct)', n(users.length), ''],
    row('Active in the last 7 days', active7),
    row('Active in the last 28 days', active28),
    row('Never active', never),
    row('Pending cancellation', pending.length),
    row('0–7 days', active7),
    row('8–28 days', active28 - active7),
    row(
      '29–90 days',
      count((d) => d !== undefined && d > 28 && d <= 90),
    ),
    row(
      'over 90 days',
      count((d) => d !== undefined && d > 90),
    ),
    row('never active', never),
    ...tally(editors).map(([editor, users]) => row(editor, users)),
    ...tally(plans).map(([plan, users]) => row(plan, users)),
  ];
}

/** inactive.csv's data rows (without the header), logins pseudonymized when a key is given. */
export function inactiveRows(seats: Seat[], fetchedAt: Date, key?: string): string[][] {
  const now = fetchedAt.getTime();
  const shown = (name: string): string =>
    key ? createHmac('sha256', key).update(name).digest('hex').slice(0, 16) : name;
  const idle = seats.filter((seat) => {
    const since = activity(seat) ?? Date.parse(String(seat.created_at));
    return now - since >= 28 * DAY;
  });
  const never = idle
    .filter((seat) => activity(seat) === undefined)
    .sort((a, b) => Date.parse(String(a.created_at)) - Date.parse(String(b.created_at)));
  const used = idle.filter((seat) => activity(seat) !== undefined).sort((a, b) => activity(a)! - activity(b)!);
  const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
  return [...never, ...used].map((seat) => {
    const at = activity(seat);
    const team = seat.assigning_team as { slug?: string } | null;
    return [
      shown(login(seat)),
      text((seat.organization as { login?: string } | null)?.login),
      text(team?.slug),
      text(seat.plan_type),
      text(seat.created_at),
      text(seat.last_activity_at),
      at === undefined ? '' : String(Math.floor((now - at) / DAY)),
      text(seat.last_activity_editor),
      text(seat.last_authenticated_at),
      text(seat.pending_cancellation_date),
    ];
  });
}
