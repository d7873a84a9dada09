/**
 * The seats summary and inactive.csv, from the seat objects of a `seats` snapshot. Seat
 * figures count distinct users (by `assignee.id`): a user seated through several organizations
 * or teams has one seat object per grant but is billed once.
 */
import { csvLine } from './csv.js';
import { formatNumber, formatPercent, obj, ratio, str, type Row } from './fields.js';
import type { Insights } from './analyzer.js';
import { blocks, heading, table } from './markdown.js';

const DAY_MS = 86_400_000;

/** Time since the last activity, in the contract's buckets; a bucket holds up to `days` days. */
const ACTIVITY_BUCKETS = [
  { label: '0–7 days', days: 7 },
  { label: '8–28 days', days: 28 },
  { label: '29–90 days', days: 90 },
  { label: 'over 90 days', days: Infinity },
] as const;

/** inactive.csv lists seats idle (or never used since assigned) this many days or more. */
const INACTIVE_DAYS = 28;

const INACTIVE_COLUMNS = [
  'assignee_login',
  'organization',
  'assigning_team',
  'plan_type',
  'created_at',
  'last_activity_at',
  'days_since_last_activity',
  'last_activity_editor',
  'last_authenticated_at',
  'pending_cancellation_date',
];

/** A plan's rank: a user seated under two plans is billed the higher one. */
const PLAN_RANK: Record<string, number> = { enterprise: 2, business: 1 };

/** A user's seats merged into one. */
interface SeatedUser {
  /** The newest `last_activity_at` of their seats (ms); undefined when never active. */
  lastActivity?: number;
  /** The editor of that activity: `vscode` of `vscode/1.108.1/copilot-chat/0.36.0`. */
  editor: string;
  /** The highest plan of their seats. */
  plan: string;
  /** Every seat of theirs is pending cancellation, so they will lose Copilot. */
  leaving: boolean;
}

export interface SeatFigures {
  /** The day and time of the fetch, which activity is measured from. */
  fetchedAt: Date;
  /** `total_seats`, as GitHub bills them. */
  billed: number;
  /** Seat objects listed. */
  assignments: number;
  /** Distinct users among them. */
  users: number;
  active7: number;
  active28: number;
  never: number;
  pending: number;
  /** Users per bucket of ACTIVITY_BUCKETS, then never active. */
  buckets: number[];
  /** Users per last editor, most first. */
  editors: [string, number][];
  /** Users per plan, most first. */
  plans: [string, number][];
  /** Seats (not users) that inactive.csv lists. */
  inactive: number;
}

function time(value: string | undefined): number | undefined {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function editorName(value: string | undefined): string {
  return value?.split('/')[0].trim() || 'unknown';
}

function counted(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** An inactive seat, kept as CSV values with its sort key. */
interface InactiveSeat {
  /** Never active first (the longest assigned first), then the oldest activity first. */
  order: [number, number];
  login: string | undefined;
  values: unknown[];
}

/** Reads the seats one by one: the users they belong to, and the inactive ones. */
export class SeatTally {
  private readonly users = new Map<string, SeatedUser>();
  private readonly inactive: InactiveSeat[] = [];
  private assignments = 0;

  constructor(private readonly fetchedAt: Date) {}

  add(value: unknown): void {
    const seat: Row = typeof value === 'object' && value !== null ? (value as Row) : {};
    const assignee = obj(seat, 'assignee');
    const id = assignee?.id;
    const login = str(assignee, 'login');
    const key =
      typeof id === 'number' || typeof id === 'string'
        ? `id:${id}`
        : login !== undefined
          ? `login:${login}`
          : `seat:${this.assignments}`;
    this.assignments++;
    const lastActivity = time(str(seat, 'last_activity_at'));
    const editor = lastActivity === undefined ? 'never active' : editorName(str(seat, 'last_activity_editor'));
    const plan = str(seat, 'plan_type') || 'unknown';
    const pending = Boolean(str(seat, 'pending_cancellation_date'));
    const known = this.users.get(key);
    if (!known) {
      this.users.set(key, { lastActivity, editor, plan, leaving: pending });
    } else {
      if (lastActivity !== undefined && (known.lastActivity === undefined || lastActivity > known.lastActivity)) {
        known.lastActivity = lastActivity;
        known.editor = editor;
      }
      if ((PLAN_RANK[plan] ?? 0) > (PLAN_RANK[known.plan] ?? 0)) known.plan = plan;
      known.leaving &&= pending;
    }
    this.noteInactive(seat, login, lastActivity);
  }

  /** Idle for INACTIVE_DAYS or more, or never active and assigned that long ago. */
  private noteInactive(seat: Row, login: string | undefined, lastActivity: number | undefined): void {
    const now = this.fetchedAt.getTime();
    const created = time(str(seat, 'created_at'));
    const since = lastActivity ?? created;
    if (since === undefined || now - since < INACTIVE_DAYS * DAY_MS) return;
    const team = obj(seat, 'assigning_team');
    this.inactive.push({
      order: lastActivity === undefined ? [0, since] : [1, since],
      login,
      values: [
        str(obj(seat, 'organization'), 'login'),
        str(team, 'slug') ?? str(team, 'name'),
        str(seat, 'plan_type'),
        str(seat, 'created_at'),
        str(seat, 'last_activity_at'),
        lastActivity === undefined ? undefined : Math.floor((now - lastActivity) / DAY_MS),
        str(seat, 'last_activity_editor'),
        str(seat, 'last_authenticated_at'),
        str(seat, 'pending_cancellation_date'),
      ],
    });
  }

  figures(billed: number): SeatFigures {
    const now = this.fetchedAt.getTime();
    const buckets = Array<number>(ACTIVITY_BUCKETS.length + 1).fill(0);
    const editors = new Map<string, number>();
    const plans = new Map<string, number>();
    let pending = 0;
    for (const user of this.users.values()) {
      const idle = user.lastActivity === undefined ? undefined : now - user.lastActivity;
      const bucket =
        idle === undefined ? ACTIVITY_BUCKETS.length : ACTIVITY_BUCKETS.findIndex((b) => idle <= b.days * DAY_MS);
      buckets[bucket]++;
      editors.set(user.editor, (editors.get(user.editor) ?? 0) + 1);
      plans.set(user.plan, (plans.get(user.plan) ?? 0) + 1);
      if (user.leaving) pending++;
    }
    return {
      fetchedAt: this.fetchedAt,
      billed,
      assignments: this.assignments,
      users: this.users.size,
      active7: buckets[0],
      active28: buckets[0] + buckets[1],
      never: buckets[ACTIVITY_BUCKETS.length],
      pending,
      buckets,
      editors: counted(editors),
      plans: counted(plans),
      inactive: this.inactive.length,
    };
  }

  /** inactive.csv: a header, then a line per inactive seat, never active first, then the oldest activity. */
  inactiveCsv(login: (login: string) => string): { text: string; rows: number } {
    const rows = [...this.inactive].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    const lines = rows.map((seat) =>
      csvLine([seat.login === undefined ? undefined : login(seat.login), ...seat.values]),
    );
    return { text: [csvLine(INACTIVE_COLUMNS), ...lines].join(''), rows: rows.length };
  }
}

function bar(part: number, whole: number): string {
  return whole === 0 || part === 0 ? '' : '█'.repeat(Math.max(1, Math.round((part / whole) * 20)));
}

/** The seats section of the job summary. It names no user. */
export function renderSeats(figures: SeatFigures, inactiveFile: string | undefined): string {
  const { users } = figures;
  const share = (count: number): string => formatPercent(ratio(count, users));
  const fetched = figures.fetchedAt.toISOString();
  const bucketLabels = [...ACTIVITY_BUCKETS.map((b) => b.label), 'never active'];
  return blocks(
    heading(3, `Copilot seats on ${fetched.slice(0, 10)} (fetched ${fetched.slice(11, 16)} UTC)`),
    table(
      ['Seats', 'Users', 'Share of seated users'],
      [
        ['Seats billed', formatNumber(figures.billed), ''],
        ['Seated users (distinct)', formatNumber(users), ''],
        ['Active in the last 7 days', formatNumber(figures.active7), share(figures.active7)],
        ['Active in the last 28 days', formatNumber(figures.active28), share(figures.active28)],
        ['Never active', formatNumber(figures.never), share(figures.never)],
        ['Pending cancellation', formatNumber(figures.pending), share(figures.pending)],
      ],
    ),
    `${formatNumber(figures.assignments)} seat assignment(s) listed. A user seated through several organizations or teams has one assignment per grant and counts once here: with their most recent activity, its editor, and the highest plan of their seats; pending cancellation when every seat of theirs is. Active in the last N days: the last activity is at most N × 24 hours before the fetch.`,
    heading(4, 'Time since the last activity'),
    table(
      ['Last activity', 'Users', 'Share', ''],
      figures.buckets.map((count, i) => [bucketLabels[i], formatNumber(count), share(count), bar(count, users)]),
    ),
    heading(4, 'Seated users by editor of their last activity (most users first)'),
    table(
      ['Last editor', 'Users', 'Share'],
      figures.editors.map(([editor, count]) => [editor, formatNumber(count), share(count)]),
    ),
    heading(4, 'Seated users by plan (most users first)'),
    table(
      ['Plan', 'Users', 'Share'],
      figures.plans.map(([plan, count]) => [plan, formatNumber(count), share(count)]),
    ),
    `**${formatNumber(figures.inactive)}** seat(s) inactive for ${INACTIVE_DAYS} days or more (or never active and assigned ${INACTIVE_DAYS} days ago or more): ${inactiveFile ? `listed in \`${inactiveFile}\`` : 'set `csv: true` to list them in inactive.csv'}.`,
  );
}

/** The seats' figures as the run's summary reads them. */
export class SeatInsights implements Insights {
  constructor(
    private readonly figures: SeatFigures,
    /** inactive.csv, when written. */
    private readonly inactiveFile: string | undefined,
  ) {}

  render(): string {
    return renderSeats(this.figures, this.inactiveFile);
  }

  /** Seat objects are archived whole and read by a few known fields: nothing drifts. */
  warnDrift(): void {}
}
