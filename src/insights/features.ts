/**
 * Activity per feature (`totals_by_feature`), shared by the aggregate and users summaries, and
 * the figures the contract derives from it: the acceptance rate (code_completion), chat requests
 * per chat mode (features named `chat_*`) and lines added/deleted by Copilot by origin.
 */
import { add, formatNumber, formatPercent, ratio, type Maybe, type Row } from './fields.js';
import { blocks, heading, table } from './markdown.js';

/** One feature's sums; each stays undefined (n/a) until some record gives it. */
export interface FeatureTally {
  interactions: Maybe;
  generations: Maybe;
  acceptances: Maybe;
  locAdded: Maybe;
  locDeleted: Maybe;
}

export type FeatureTotals = Map<string, FeatureTally>;

const newTally = (): FeatureTally => ({
  interactions: undefined,
  generations: undefined,
  acceptances: undefined,
  locAdded: undefined,
  locDeleted: undefined,
});

/** `total + value` when value is a finite number; per-record code, so no helper objects. */
const plus = (total: Maybe, value: unknown): Maybe =>
  typeof value === 'number' && Number.isFinite(value) ? (total ?? 0) + value : total;

/** Adds a record's `totals_by_feature` entries; one tally per feature name, updated in place. */
export function addFeatures(totals: FeatureTotals, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Row | null;
    const name = entry?.feature;
    if (typeof name !== 'string') continue;
    let tally = totals.get(name);
    if (!tally) totals.set(name, (tally = newTally()));
    tally.interactions = plus(tally.interactions, entry!.user_initiated_interaction_count);
    tally.generations = plus(tally.generations, entry!.code_generation_activity_count);
    tally.acceptances = plus(tally.acceptances, entry!.code_acceptance_activity_count);
    tally.locAdded = plus(tally.locAdded, entry!.loc_added_sum);
    tally.locDeleted = plus(tally.locDeleted, entry!.loc_deleted_sum);
  }
}

export function mergeFeatures(into: FeatureTotals, from: FeatureTotals): void {
  for (const [name, tally] of from) {
    const known = into.get(name) ?? newTally();
    for (const key of Object.keys(tally) as (keyof FeatureTally)[]) known[key] = add(known[key], tally[key]);
    into.set(name, known);
  }
}

const isChat = (feature: string): boolean => feature.startsWith('chat_');

/** Chat requests: interactions summed over the `chat_*` features. */
export function chatRequests(totals: FeatureTotals): Maybe {
  let sum: Maybe;
  for (const [name, tally] of totals) if (isChat(name)) sum = add(sum, tally.interactions);
  return sum;
}

export type Origin = 'Agents' | 'Code completions' | 'Chat and edits';
const ORIGINS: Origin[] = ['Agents', 'Code completions', 'Chat and edits'];

/** Agents: agent_edit and every feature naming an agent; completions: code_completion; the rest. */
function originOf(feature: string): Origin {
  if (feature === 'code_completion') return 'Code completions';
  return feature.includes('agent') ? 'Agents' : 'Chat and edits';
}

/** Acceptance rate of the code_completion feature. */
export function completionRate(totals: FeatureTotals): Maybe {
  const completion = totals.get('code_completion');
  return ratio(completion?.acceptances, completion?.generations);
}

const activity = (tally: FeatureTally): number => (tally.interactions ?? 0) + (tally.generations ?? 0);

/** Every feature, most active first; agent mode is never hidden. */
export function featureTable(totals: FeatureTotals): string {
  if (totals.size === 0) return '';
  const rows = [...totals].sort((a, b) => activity(b[1]) - activity(a[1]) || a[0].localeCompare(b[0]));
  return blocks(
    heading(4, 'Features (all), most interactions + code generations first'),
    table(
      ['Feature', 'Interactions', 'Code generations', 'Lines added by Copilot', 'Lines deleted by Copilot'],
      rows.map(([name, t]) => [
        name,
        formatNumber(t.interactions),
        formatNumber(t.generations),
        formatNumber(t.locAdded),
        formatNumber(t.locDeleted),
      ]),
    ),
  );
}

/** Lines added + deleted by Copilot, grouped by origin, with each group's share. */
export function originTable(totals: FeatureTotals): string {
  const sums = new Map<Origin, { added: Maybe; deleted: Maybe }>();
  for (const [name, tally] of totals) {
    const origin = originOf(name);
    const known = sums.get(origin) ?? { added: undefined, deleted: undefined };
    sums.set(origin, { added: add(known.added, tally.locAdded), deleted: add(known.deleted, tally.locDeleted) });
  }
  if (sums.size === 0) return '';
  const both = (origin: Origin): Maybe => add(sums.get(origin)?.added, sums.get(origin)?.deleted);
  const all = ORIGINS.reduce<Maybe>((total, origin) => add(total, both(origin)), undefined);
  return blocks(
    heading(4, 'Lines added and deleted by Copilot, by origin'),
    table(
      ['Origin', 'Lines added by Copilot', 'Lines deleted by Copilot', 'Share of lines added + deleted'],
      ORIGINS.map((origin) => [
        origin,
        formatNumber(sums.get(origin)?.added),
        formatNumber(sums.get(origin)?.deleted),
        formatPercent(ratio(both(origin), all)),
      ]),
    ),
  );
}

/** Chat requests per chat mode (`chat_*` feature), most first, with each mode's share. */
export function chatModeTable(totals: FeatureTotals): string {
  const modes = [...totals].filter(([name]) => isChat(name));
  if (modes.length === 0) return '';
  const all = chatRequests(totals);
  modes.sort((a, b) => (b[1].interactions ?? -1) - (a[1].interactions ?? -1) || a[0].localeCompare(b[0]));
  return blocks(
    heading(4, 'Chat requests per chat mode, most first'),
    table(
      ['Chat mode', 'Chat requests', 'Share of chat requests'],
      modes.map(([name, t]) => [name, formatNumber(t.interactions), formatPercent(ratio(t.interactions, all))]),
    ),
  );
}
