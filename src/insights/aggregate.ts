/** Enterprise and organization reports: one record per day (28 of them in a 28-day report). */
import type { Analyzer } from './analyzer.js';
import {
  add,
  addTo,
  formatNumber,
  formatPercent,
  list,
  mergeSums,
  num,
  obj,
  ratio,
  str,
  type Maybe,
  type Row,
} from './fields.js';
import { blocks, heading, table } from './markdown.js';

interface DayFigures {
  day: string;
  dailyActive: Maybe;
  weeklyActive: Maybe;
  monthlyActive: Maybe;
  monthlyChat: Maybe;
  monthlyAgent: Maybe;
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

/** Interactions and code generations per IDE, feature, language or model. */
type Breakdown = { interactions: Map<string, Maybe>; generations: Map<string, Maybe> };

export interface AggregateState {
  days: DayFigures[];
  ides: Breakdown;
  features: Breakdown;
  languages: Breakdown;
  models: Breakdown;
}

const newBreakdown = (): Breakdown => ({ interactions: new Map(), generations: new Map() });

function addBreakdown(breakdown: Breakdown, entries: Row[], key: string): void {
  for (const entry of entries) {
    const name = str(entry, key);
    if (name === undefined) continue;
    addTo(breakdown.interactions, name, num(entry, 'user_initiated_interaction_count'));
    addTo(breakdown.generations, name, num(entry, 'code_generation_activity_count'));
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

const sum = (days: DayFigures[], key: keyof DayFigures): Maybe =>
  days.reduce<Maybe>((total, day) => add(total, day[key] as Maybe), undefined);

function topTable(label: string, breakdown: Breakdown, limit = 5): string {
  const activity = (name: string): number =>
    (breakdown.interactions.get(name) ?? 0) + (breakdown.generations.get(name) ?? 0);
  const names = [...breakdown.generations.keys()].sort((a, b) => activity(b) - activity(a) || a.localeCompare(b));
  if (names.length === 0) return '';
  return table(
    [label, 'Interactions', 'Code generations'],
    names
      .slice(0, limit)
      .map((name) => [
        name,
        formatNumber(breakdown.interactions.get(name)),
        formatNumber(breakdown.generations.get(name)),
      ]),
  );
}

function tops(state: AggregateState): string {
  return blocks(
    heading(3, 'Top IDEs, features, languages and models'),
    topTable('IDE', state.ides),
    topTable('Feature', state.features),
    topTable('Language', state.languages),
    topTable('Model', state.models),
  );
}

function pullRequests(days: DayFigures[]): string {
  return table(
    ['Pull requests created', 'Merged', 'Created by Copilot', 'Reviewed by Copilot'],
    [
      [sum(days, 'prCreated'), sum(days, 'prMerged'), sum(days, 'prByCopilot'), sum(days, 'prReviewedByCopilot')].map(
        (v) => formatNumber(v),
      ),
    ],
  );
}

function renderDay(state: AggregateState): string {
  const [day] = state.days;
  return blocks(
    heading(3, `Activity on ${day.day}`),
    table(
      ['Metric', 'Value'],
      [
        ['Daily active users', formatNumber(day.dailyActive)],
        ['Weekly active users', formatNumber(day.weeklyActive)],
        ['Monthly active users', formatNumber(day.monthlyActive)],
        ['Monthly active chat users', formatNumber(day.monthlyChat)],
        ['Monthly active agent users', formatNumber(day.monthlyAgent)],
        ['Interactions', formatNumber(day.interactions)],
        ['Code completions suggested', formatNumber(day.suggested)],
        ['Code completions accepted', formatNumber(day.accepted)],
        ['Acceptance rate', formatPercent(ratio(day.accepted, day.suggested))],
        ['Lines of code added', formatNumber(day.locAdded)],
        ['Lines of code deleted', formatNumber(day.locDeleted)],
      ],
    ),
    pullRequests(state.days),
    tops(state),
  );
}

/** Acceptance rate over the first and the last 7 days of the period. */
function trend(days: DayFigures[]): string {
  if (days.length < 14) return '';
  const rate = (week: DayFigures[]): Maybe => ratio(sum(week, 'accepted'), sum(week, 'suggested'));
  const first = rate(days.slice(0, 7));
  const last = rate(days.slice(-7));
  const change =
    first === undefined || last === undefined
      ? ''
      : ` (${last >= first ? '+' : ''}${((last - first) * 100).toFixed(1)} points)`;
  return `Acceptance rate trend: ${formatPercent(first)} in the first 7 days, ${formatPercent(last)} in the last 7 days${change}.`;
}

/** Mermaid's xychart-beta; missing values are drawn as 0 since a line cannot skip a point. */
function chart(days: DayFigures[]): string {
  const values = (key: keyof DayFigures): string => `[${days.map((day) => (day[key] as Maybe) ?? 0).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Daily (lower line) and weekly active users"',
    `  x-axis [${days.map((day) => `"${day.day.slice(5)}"`).join(', ')}]`,
    '  y-axis "Users"',
    `  line ${values('dailyActive')}`,
    `  line ${values('weeklyActive')}`,
    '```',
  ].join('\n');
}

function renderPeriod(state: AggregateState): string {
  const days = [...state.days].sort((a, b) => a.day.localeCompare(b.day));
  const last = days.at(-1)!;
  return blocks(
    heading(3, `${days[0].day} to ${last.day} (${days.length} days)`),
    chart(days),
    table(
      ['Period total', 'Value'],
      [
        ['Monthly active users (last day)', formatNumber(last.monthlyActive)],
        ['Interactions', formatNumber(sum(days, 'interactions'))],
        ['Code completions suggested', formatNumber(sum(days, 'suggested'))],
        ['Code completions accepted', formatNumber(sum(days, 'accepted'))],
        ['Acceptance rate', formatPercent(ratio(sum(days, 'accepted'), sum(days, 'suggested')))],
        ['Lines of code added', formatNumber(sum(days, 'locAdded'))],
        ['Lines of code deleted', formatNumber(sum(days, 'locDeleted'))],
      ],
    ),
    trend(days),
    pullRequests(days),
    table(
      ['Day', 'Daily active', 'Weekly active', 'Interactions', 'Suggested', 'Accepted', 'Acceptance rate'],
      days.map((day) => [
        day.day,
        formatNumber(day.dailyActive),
        formatNumber(day.weeklyActive),
        formatNumber(day.interactions),
        formatNumber(day.suggested),
        formatNumber(day.accepted),
        formatPercent(ratio(day.accepted, day.suggested)),
      ]),
    ),
    tops(state),
  );
}

/** Day records of a record: a 1-day file holds one; a 28-day file lists them in day_totals. */
function dayRecords(record: Row): Row[] {
  return Array.isArray(record.day_totals) ? list(record, 'day_totals') : [record];
}

export const aggregateAnalyzer: Analyzer<AggregateState> = {
  create: () => ({
    days: [],
    ides: newBreakdown(),
    features: newBreakdown(),
    languages: newBreakdown(),
    models: newBreakdown(),
  }),
  add(state, record) {
    for (const day of dayRecords(record)) {
      state.days.push(figures(day));
      addBreakdown(state.ides, list(day, 'totals_by_ide'), 'ide');
      addBreakdown(state.features, list(day, 'totals_by_feature'), 'feature');
      addBreakdown(state.languages, list(day, 'totals_by_language_feature'), 'language');
      addBreakdown(state.models, list(day, 'totals_by_model_feature'), 'model');
    }
  },
  merge(into, from) {
    into.days.push(...from.days);
    for (const key of ['ides', 'features', 'languages', 'models'] as const) {
      mergeSums(into[key].interactions, from[key].interactions);
      mergeSums(into[key].generations, from[key].generations);
    }
  },
  render: (state) => (state.days.length === 0 ? '' : state.days.length === 1 ? renderDay(state) : renderPeriod(state)),
};
