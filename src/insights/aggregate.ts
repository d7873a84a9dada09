import { add, list, num, ratio, type Maybe } from './fields.js';

/** The headline numbers of an enterprise or organization report. */
export interface Headline {
  /** Daily active users of a 1-day report; monthly active users of the last day of 28. */
  activeUsers: Maybe;
  activeUsersLabel: string;
  interactions: Maybe;
  completionsSuggested: Maybe;
  completionsAccepted: Maybe;
  /** Accepted ÷ suggested for code_completion, as GitHub's dashboard shows it. */
  acceptanceRate: Maybe;
}

function completion(day: unknown): { suggested: Maybe; accepted: Maybe } {
  const feature = list(day, 'totals_by_feature').find(
    (entry) => entry.feature === 'code_completion',
  );
  return {
    suggested: num(feature, 'code_generation_activity_count'),
    accepted: num(feature, 'code_acceptance_activity_count'),
  };
}

/** Day records of a 1-day file (the record itself) or of a 28-day file (its day_totals). */
export function dayRecords(record: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(record.day_totals) ? list(record, 'day_totals') : [record];
}

export function headline(days: Record<string, unknown>[], span: '1-day' | '28-day'): Headline {
  let interactions: Maybe;
  let suggested: Maybe;
  let accepted: Maybe;
  for (const day of days) {
    interactions = add(interactions, num(day, 'user_initiated_interaction_count'));
    const codeCompletion = completion(day);
    suggested = add(suggested, codeCompletion.suggested);
    accepted = add(accepted, codeCompletion.accepted);
  }
  const last = [...days].sort((a, b) => String(a.day).localeCompare(String(b.day))).at(-1);
  return {
    activeUsers: num(last, span === '1-day' ? 'daily_active_users' : 'monthly_active_users'),
    activeUsersLabel: span === '1-day' ? 'Daily active users' : 'Monthly active users (last day)',
    interactions,
    completionsSuggested: suggested,
    completionsAccepted: accepted,
    acceptanceRate: ratio(accepted, suggested),
  };
}
