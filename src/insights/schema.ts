/**
 * The fields and feature values documented for each report (state of late 2026). New ones
 * arrive about monthly: they are kept in the raw files and warned about once, never fatal.
 */
import type { ReportContent } from '../reports.js';
import { list, type Row } from './fields.js';

export const ACTIVITY_FIELDS = [
  'user_initiated_interaction_count',
  'code_generation_activity_count',
  'code_acceptance_activity_count',
  'loc_suggested_to_add_sum',
  'loc_suggested_to_delete_sum',
  'loc_added_sum',
  'loc_deleted_sum',
] as const;

/** Breakdown lists and sections of day and user records. */
export const BREAKDOWNS = [
  'totals_by_ide',
  'totals_by_feature',
  'totals_by_language_feature',
  'totals_by_language_model',
  'totals_by_model_feature',
  'totals_by_cli',
  'totals_by_copilot_app',
  'totals_by_3rd_party_agent',
  'totals_by_skill',
  'totals_by_mcp',
];

const IDS = ['day', 'enterprise_id', 'organization_id'];

const DAY_RECORD_FIELDS = new Set([
  ...IDS,
  'daily_active_users',
  'weekly_active_users',
  'monthly_active_users',
  'monthly_active_chat_users',
  'monthly_active_agent_users',
  'daily_active_cli_users',
  'daily_active_copilot_coding_agent_users',
  'daily_active_copilot_code_review_users',
  ...ACTIVITY_FIELDS,
  ...BREAKDOWNS,
  'pull_requests',
  'totals_by_ai_adoption_phase',
]);

const TWENTY_EIGHT_DAY_FIELDS = new Set([
  'report_start_day',
  'report_end_day',
  'enterprise_id',
  'organization_id',
  'created_at',
  'day_totals',
  'copilot_feature_engagement',
]);

/** Top-level fields of the row-per-entity reports, in the order their CSV columns take. */
export const ROW_FIELDS: Record<Exclude<ReportContent, 'aggregate'>, readonly string[]> = {
  users: [
    'day',
    'report_start_day',
    'report_end_day',
    'enterprise_id',
    'organization_id',
    'user_id',
    'user_login',
    'ai_credits_used',
    ...ACTIVITY_FIELDS,
    'used_agent',
    'used_chat',
    'used_cli',
    'used_copilot_coding_agent',
    'used_copilot_code_review_active',
    'ai_adoption_phase',
    ...BREAKDOWNS,
  ],
  'user-teams': ['day', 'enterprise_id', 'organization_id', 'team_id', 'slug', 'user_id', 'user_login'],
  repos: [
    'day',
    'enterprise_id',
    'organization_id',
    'repo_id',
    'repo_owner_name',
    'repo_name',
    'repo_visibility',
    'pull_requests',
    'pull_request_review_times',
  ],
};

const KNOWN_FEATURES = new Set([
  'code_completion',
  'chat_inline',
  'chat_panel_ask_mode',
  'chat_panel_edit_mode',
  'chat_panel_agent_mode',
  'agent_edit',
  'copilot_cli',
  'copilot_app',
]);

const FEATURE_BREAKDOWNS = ['totals_by_feature', 'totals_by_language_feature', 'totals_by_model_feature'];

/** Unknown top-level fields and feature values seen in a part; warned about once per run. */
export interface Drift {
  fields: Set<string>;
  features: Set<string>;
}

export function newDrift(): Drift {
  return { fields: new Set(), features: new Set() };
}

// Both run for every record: they walk the record in place, with no arrays of keys or entries.
function noteFeatures(drift: Drift, record: Row): void {
  for (const key of FEATURE_BREAKDOWNS) {
    const entries = record[key];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const feature = (entry as Row | null)?.feature;
      if (typeof feature === 'string' && !KNOWN_FEATURES.has(feature)) drift.features.add(feature);
    }
  }
}

function noteFields(drift: Drift, record: Row, known: ReadonlySet<string>, prefix = ''): void {
  for (const key in record) if (!known.has(key)) drift.fields.add(`${prefix}${key}`);
}

const rowFieldSets = Object.fromEntries(
  Object.entries(ROW_FIELDS).map(([content, fields]) => [content, new Set(fields)]),
) as Record<Exclude<ReportContent, 'aggregate'>, Set<string>>;

/** Notes what in `record` the documented schema does not know. */
export function noteDrift(drift: Drift, content: ReportContent, record: Row): void {
  if (content !== 'aggregate') {
    noteFields(drift, record, rowFieldSets[content]);
    noteFeatures(drift, record);
    return;
  }
  if (Array.isArray(record.day_totals)) {
    noteFields(drift, record, TWENTY_EIGHT_DAY_FIELDS);
    for (const day of list(record, 'day_totals')) {
      noteFields(drift, day, DAY_RECORD_FIELDS, 'day_totals[].');
      noteFeatures(drift, day);
    }
  } else {
    noteFields(drift, record, DAY_RECORD_FIELDS);
    noteFeatures(drift, record);
  }
}

export function mergeDrift(into: Drift, from: Drift): void {
  from.fields.forEach((field) => into.fields.add(field));
  from.features.forEach((feature) => into.features.add(feature));
}
