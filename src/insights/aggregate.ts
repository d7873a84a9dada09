/** Enterprise and organization reports: one record per day (28 of them in a 28-day report). */
import { addDays, compactDays, dayRange } from '../days.js';
import type { Analyzer, RenderContext } from './analyzer.js';
import { add, formatNumber, formatPercent, list, num, obj, ratio, str, type Maybe, type Row } from './fields.js';
import {
  addFeatures,
  chatModeTable,
  chatRequests,
  featureTable,
  mergeFeatures,
  originTable,
  type FeatureTotals,
} from './features.js';
import { blocks, heading, table } from './markdown.js';

interface DayFigures {
  day: string;
  dailyActive: Maybe;
  weeklyActive: Maybe;
  monthlyActive: Maybe;
  monthlyChat: Maybe;
  monthlyAgent: Maybe;
  cliUsers: Maybe;
  codingAgentUsers: Maybe;
  codeReviewUsers: Maybe;
  interactions: Maybe;
  /** Code completions suggested and accepted (the code_completion feature). */
  suggested: Maybe;
  accepted: Maybe;
  locAdded: Maybe;
  locDeleted: Maybe;
  prCreated: Maybe;
  prMerged: Maybe;
  prByCopilot: Maybe;
  prReviewedByCopilot: Maybe;
}

/** Interactions and code generations, and code completions suggested and accepted. */
interface Tally {
  interactions: Maybe;
  generations: Maybe;
  suggested: Maybe;
  accepted: Maybe;
}

/** Per IDE, language or model. */
type Breakdown = Map<string, Tally>;

export interface AggregateState {
  days: DayFigures[];
  ides: Breakdown;
  languages: Breakdown;
  models: Breakdown;
  features: FeatureTotals;
}

/** Adds breakdown entries; suggested/accepted count only code_completion entries (none for IDEs). */
function addBreakdown(breakdown: Breakdown, entries: Row[], key: string): void {
  for (const entry of entries) {
    const name = str(entry, key);
    if (name === undefined) continue;
    let tally = breakdown.get(name);
    if (!tally) {
      tally = { interactions: undefined, generations: undefined, suggested: undefined, accepted: undefined };
      breakdown.set(name, tally);
    }
    tally.interactions = add(tally.interactions, num(entry, 'user_initiated_interaction_count'));
    tally.generations = add(tally.generations, num(entry, 'code_generation_activity_count'));
    if (entry.feature === 'code_completion') {
      tally.suggested = add(tally.suggested, num(entry, 'code_generation_activity_count'));
      tally.accepted = add(tally.accepted, num(entry, 'code_acceptance_activity_count'));
    }
  }
}

function mergeBreakdown(into: Breakdown, from: Breakdown): void {
  for (const [name, tally] of from) {
    const known = into.get(name);
    if (!known) into.set(name, { ...tally });
    else for (const key of Object.keys(tally) as (keyof Tally)[]) known[key] = add(known[key], tally[key]);
  }
}

function figures(day: Row): DayFigures {
  const completion = list(day, 'totals_by_feature').find((entry) => entry.feature === 'code_completion');
  const prs = obj(day, 'pull_requests');
  return {
    day: str(day, 'day') ?? '',
    dailyActive: num(day, 'daily_active_users'),
    weeklyActive: num(day, 'weekly_active_users'),
    monthlyActive: num(day, 'monthly_active_users'),
    monthlyChat: num(day, 'monthly_active_chat_users'),
    monthlyAgent: num(day, 'monthly_active_agent_users'),
    cliUsers: num(day, 'daily_active_cli_users'),
    codingAgentUsers: num(day, 'daily_active_copilot_coding_agent_users'),
    codeReviewUsers: num(day, 'daily_active_copilot_code_review_users'),
    interactions: num(day, 'user_initiated_interaction_count'),
    suggested: num(completion, 'code_generation_activity_count'),
    accepted: num(completion, 'code_acceptance_activity_count'),
    locAdded: num(day, 'loc_added_sum'),
    locDeleted: num(day, 'loc_deleted_sum'),
    prCreated: num(prs, 'total_created'),
    prMerged: num(prs, 'total_merged'),
    prByCopilot: num(prs, 'total_created_by_copilot'),
    prReviewedByCopilot: num(prs, 'total_reviewed_by_copilot'),
  };
}

type DayKey = Exclude<keyof DayFigures, 'day'>;

const sum = (days: DayFigures[], key: DayKey): Maybe =>
  days.reduce<Maybe>((total, day) => add(total, day[key]), undefined);

const TOP = 10;

function breakdownTable(title: string, label: string, breakdown: Breakdown, rates: boolean): string {
  const weight = (tally: Tally): number => (tally.interactions ?? 0) + (tally.generations ?? 0);
  const rows = [...breakdown].sort((a, b) => weight(b[1]) - weight(a[1]) || a[0].localeCompare(b[0]));
  if (rows.length === 0) return '';
  const shown = rows.slice(0, TOP);
  const which = rows.length > TOP ? `top ${TOP} of ${rows.length}` : 'all';
  return blocks(
    heading(4, `${title} (${which}), most interactions + code generations first`),
    table(
      [label, 'Interactions', 'Code generations', ...(rates ? ['Acceptance rate (code completions)'] : [])],
      shown.map(([name, t]) => [
        name,
        formatNumber(t.interactions),
        formatNumber(t.generations),
        ...(rates ? [formatPercent(ratio(t.accepted, t.suggested))] : []),
      ]),
    ),
  );
}

function breakdowns(state: AggregateState): string {
  return blocks(
    heading(3, 'Breakdowns'),
    breakdownTable('IDEs', 'IDE', state.ides, false),
    featureTable(state.features),
    breakdownTable('Languages', 'Language', state.languages, true),
    breakdownTable('Models', 'Model', state.models, true),
  );
}

/** Agent and chat adoption, chat requests per mode and lines by origin. */
function adoption(state: AggregateState): string {
  return blocks(chatModeTable(state.features), originTable(state.features));
}

function pullRequests(days: DayFigures[]): string {
  return blocks(
    heading(4, 'Pull requests'),
    table(
      ['Pull requests created', 'Merged', 'Created by Copilot', 'Reviewed by Copilot'],
      [
        [sum(days, 'prCreated'), sum(days, 'prMerged'), sum(days, 'prByCopilot'), sum(days, 'prReviewedByCopilot')].map(
          (v) => formatNumber(v),
        ),
      ],
    ),
  );
}

/** The figures of one day that are counts of users; the same labels in every summary. */
function usersOnDay(day: DayFigures): string[][] {
  return [
    ['Daily active users (on the day)', formatNumber(day.dailyActive)],
    ['Weekly active users (7 days to the day)', formatNumber(day.weeklyActive)],
    ['Monthly active users (28 days to the day)', formatNumber(day.monthlyActive)],
    ['Monthly active chat users (28 days to the day)', formatNumber(day.monthlyChat)],
    ['Monthly active agent users (28 days to the day)', formatNumber(day.monthlyAgent)],
    [
      'Agent adoption (monthly active agent users ÷ monthly active users)',
      formatPercent(ratio(day.monthlyAgent, day.monthlyActive)),
    ],
    [
      'Chat adoption (monthly active chat users ÷ monthly active users)',
      formatPercent(ratio(day.monthlyChat, day.monthlyActive)),
    ],
    ['CLI users (on the day)', formatNumber(day.cliUsers)],
    ['Coding agent users (on the day)', formatNumber(day.codingAgentUsers)],
    ['Code review users (on the day)', formatNumber(day.codeReviewUsers)],
  ];
}

/** Sums over days; chat requests per active user divide by the sum of daily active users. */
function activity(days: DayFigures[], features: FeatureTotals): string[][] {
  const perUser = ratio(chatRequests(features), sum(days, 'dailyActive'));
  return [
    ['Interactions', formatNumber(sum(days, 'interactions'))],
    ['Chat requests', formatNumber(chatRequests(features))],
    [
      days.length === 1 ? 'Chat requests per active user' : 'Chat requests per active user-day',
      formatNumber(perUser, 2),
    ],
    ['Code completions suggested', formatNumber(sum(days, 'suggested'))],
    ['Code completions accepted', formatNumber(sum(days, 'accepted'))],
    ['Acceptance rate (code completions)', formatPercent(ratio(sum(days, 'accepted'), sum(days, 'suggested')))],
    ['Lines added by Copilot', formatNumber(sum(days, 'locAdded'))],
    ['Lines deleted by Copilot', formatNumber(sum(days, 'locDeleted'))],
  ];
}

function renderDay(state: AggregateState): string {
  const [day] = state.days;
  return blocks(
    heading(3, `Activity on ${day.day}`),
    table(['Metric', 'Value'], [...usersOnDay(day), ...activity(state.days, state.features)]),
    adoption(state),
    pullRequests(state.days),
    breakdowns(state),
  );
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The days in 7-day weeks counted back from `last`, oldest week first. */
function weeks(days: DayFigures[], last: string): { end: string; days: DayFigures[] }[] {
  const byWeek = new Map<number, DayFigures[]>();
  for (const day of days) {
    const week = Math.floor(daysBetween(day.day, last) / 7);
    byWeek.set(week, [...(byWeek.get(week) ?? []), day]);
  }
  return [...byWeek].sort((a, b) => b[0] - a[0]).map(([week, own]) => ({ end: addDays(last, -7 * week), days: own }));
}

const points = (from: Maybe, to: Maybe): string =>
  from === undefined || to === undefined ? 'n/a' : `${to >= from ? '+' : ''}${((to - from) * 100).toFixed(1)} points`;

/** Acceptance rate week by week, each week compared with the one before. */
function weeklyAcceptance(days: DayFigures[], last: string): string {
  const all = weeks(days, last);
  if (all.length < 2) return '';
  const rate = (own: DayFigures[]): Maybe => ratio(sum(own, 'accepted'), sum(own, 'suggested'));
  const rows = all.map((week, i) => [
    week.end,
    String(week.days.length),
    formatNumber(sum(week.days, 'suggested')),
    formatNumber(sum(week.days, 'accepted')),
    formatPercent(rate(week.days)),
    i === 0 ? '' : points(rate(all[i - 1].days), rate(week.days)),
  ]);
  const [first, latest] = [all[0], all.at(-1)!];
  return blocks(
    `Acceptance rate trend: ${formatPercent(rate(first.days))} in the week ending ${first.end}, ${formatPercent(rate(latest.days))} in the week ending ${latest.end} (${points(rate(first.days), rate(latest.days))}).`,
    folded(
      `Acceptance rate per week (7 days ending on the day shown), oldest first`,
      table(['Week ending', 'Days', 'Suggested', 'Accepted', 'Acceptance rate', 'Change from the week before'], rows),
      rows.length,
    ),
  );
}

/** A long table goes into a fold, so that the summary stays readable. */
function folded(title: string, body: string, rows: number): string {
  if (rows <= 31) return blocks(heading(4, title), body);
  return `<details><summary>${title} (${rows} rows)</summary>\n\n${body}\n\n</details>`;
}

/** Days a chart can label legibly at Mermaid's default width; longer ranges get a chart per month. */
const CHART_DAYS = 31;

const PALETTE = '#0969da, #bc4c00';

/** One chart of days with values; x-axis labels are days of the month, the title names the span. */
function chartBlock(charted: DayFigures[], first: string, last: string): string {
  const values = (key: DayKey): string => `[${charted.map((day) => day[key]).join(', ')}]`;
  return [
    '```mermaid',
    // Mermaid's default first line colour is too pale to read on white: GitHub's blue and orange.
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${PALETTE}"`,
    '---',
    'xychart-beta',
    `  title "Daily (lower line) and weekly active users, ${first} to ${last}"`,
    `  x-axis [${charted.map((day) => `"${day.day.slice(8)}"`).join(', ')}]`,
    '  y-axis "Users"',
    `  line ${values('dailyActive')}`,
    `  line ${values('weeklyActive')}`,
    '```',
  ].join('\n');
}

/**
 * Mermaid's xychart cannot skip a point: a day without a value is left off (the x-axis labels
 * show the jump) and named under the chart, never drawn as 0. A range longer than a month is
 * drawn one calendar month per chart, so that every day keeps a legible label.
 */
function chart(days: DayFigures[], first: string, last: string): string {
  const charted = days.filter((day) => day.dailyActive !== undefined && day.weeklyActive !== undefined);
  const shown = new Set(charted.map((day) => day.day));
  const left = dayRange(first, last).filter((day) => !shown.has(day));
  const spans: [string, string][] = [];
  if (dayRange(first, last).length <= CHART_DAYS) spans.push([first, last]);
  else {
    for (let start = first; start <= last;) {
      const monthEnd = addDays(`${addDays(`${start.slice(0, 7)}-01`, 31).slice(0, 7)}-01`, -1);
      const end = monthEnd < last ? monthEnd : last;
      spans.push([start, end]);
      start = addDays(end, 1);
    }
  }
  return blocks(
    ...spans.map(([from, to]) => {
      const own = charted.filter((day) => day.day >= from && day.day <= to);
      return own.length > 0 && chartBlock(own, from, to);
    }),
    left.length > 0 &&
      `Left off the chart, no value for ${left.length === 1 ? 'this day' : `these ${left.length} days`}: ${compactDays(left)}.`,
  );
}

function perDay(days: DayFigures[]): string {
  const rows = days.map((day) => [
    day.day,
    formatNumber(day.dailyActive),
    formatNumber(day.weeklyActive),
    formatNumber(day.monthlyActive),
    formatNumber(day.monthlyChat),
    formatNumber(day.monthlyAgent),
    formatNumber(day.interactions),
    formatPercent(ratio(day.accepted, day.suggested)),
    formatNumber(day.prCreated),
    formatNumber(day.prMerged),
  ]);
  return folded(
    'Per day, oldest first',
    table(
      [
        'Day',
        'Daily active',
        'Weekly active',
        'Monthly active',
        'Monthly chat',
        'Monthly agent',
        'Interactions',
        'Acceptance rate',
        'PRs created',
        'PRs merged',
      ],
      rows,
    ),
    rows.length,
  );
}

function renderPeriod(state: AggregateState, context: RenderContext): string {
  const days = [...state.days].sort((a, b) => a.day.localeCompare(b.day));
  const last = days.at(-1)!;
  const first = context.range?.since ?? days[0].day;
  const end = context.range?.until ?? last.day;
  return blocks(
    heading(3, `${first} to ${end} (${days.length} days with a report)`),
    chart(days, first, end),
    table([`On the last day, ${last.day}`, 'Value'], usersOnDay(last)),
    table(['Over the period', 'Value'], activity(days, state.features)),
    adoption(state),
    weeklyAcceptance(days, end),
    pullRequests(days),
    perDay(days),
    breakdowns(state),
  );
}

/** Day records of a record: a 1-day file holds one; a 28-day file lists them in day_totals. */
function dayRecords(record: Row): Row[] {
  return Array.isArray(record.day_totals) ? list(record, 'day_totals') : [record];
}

export const aggregateAnalyzer: Analyzer<AggregateState> = {
  create: () => ({ days: [], ides: new Map(), languages: new Map(), models: new Map(), features: new Map() }),
  add(state, record) {
    for (const day of dayRecords(record)) {
      state.days.push(figures(day));
      addBreakdown(state.ides, list(day, 'totals_by_ide'), 'ide');
      addFeatures(state.features, day.totals_by_feature);
      addBreakdown(state.languages, list(day, 'totals_by_language_feature'), 'language');
      addBreakdown(state.models, list(day, 'totals_by_model_feature'), 'model');
    }
  },
  merge(into, from) {
    into.days.push(...from.days);
    mergeBreakdown(into.ides, from.ides);
    mergeBreakdown(into.languages, from.languages);
    mergeBreakdown(into.models, from.models);
    mergeFeatures(into.features, from.features);
  },
  render: (state, context) =>
    state.days.length === 0
      ? ''
      : state.days.length === 1 && !context.range
        ? renderDay(state)
        : renderPeriod(state, context),
};
