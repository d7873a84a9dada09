/** repos-1-day: one row per repository with pull-request activity that day. */
import type { Analyzer } from './analyzer.js';
import { add, addTo, formatNumber, median, mergeSums, num, obj, str, type Maybe, type Row } from './fields.js';
import { blocks, heading, table } from './markdown.js';

const PR_FIELDS = [
  ['total_created', 'Pull requests created'],
  ['total_merged', 'Merged'],
  ['total_reviewed', 'Reviewed'],
  ['total_created_by_copilot', 'Created by Copilot'],
  ['total_reviewed_by_copilot', 'Reviewed by Copilot'],
] as const;

interface RepoFigures {
  name: string;
  visibility: string;
  prs: Map<string, Maybe>;
}

export interface ReposState {
  repos: Map<string, RepoFigures>;
  totals: Map<string, Maybe>;
  /** Each row's median_minutes_to_merge, where it has one. */
  medians: number[];
}

function activity(repo: RepoFigures): number {
  return (repo.prs.get('total_created') ?? 0) + (repo.prs.get('total_reviewed') ?? 0);
}

export const reposAnalyzer: Analyzer<ReposState> = {
  create: () => ({ repos: new Map(), totals: new Map(), medians: [] }),
  add(state, record: Row) {
    const prs = obj(record, 'pull_requests');
    const key = String(record.repo_id ?? `${str(record, 'repo_owner_name')}/${str(record, 'repo_name')}`);
    const repo = state.repos.get(key) ?? {
      name: [str(record, 'repo_owner_name'), str(record, 'repo_name')].filter(Boolean).join('/') || key,
      visibility: str(record, 'repo_visibility') ?? 'n/a',
      prs: new Map<string, Maybe>(),
    };
    for (const [field] of PR_FIELDS) {
      addTo(repo.prs, field, num(prs, field));
      addTo(state.totals, field, num(prs, field));
    }
    state.repos.set(key, repo);
    const minutes = num(prs, 'median_minutes_to_merge');
    if (minutes !== undefined) state.medians.push(minutes);
  },
  merge(into, from) {
    for (const [key, repo] of from.repos) {
      const known = into.repos.get(key);
      if (!known) into.repos.set(key, repo);
      else for (const [field, value] of repo.prs) known.prs.set(field, add(known.prs.get(field), value));
    }
    mergeSums(into.totals, from.totals);
    into.medians.push(...from.medians);
  },
  render(state) {
    const active = [...state.repos.values()].sort((a, b) => activity(b) - activity(a) || a.name.localeCompare(b.name));
    return blocks(
      heading(3, 'Pull requests'),
      table(
        ['Metric', 'Value'],
        [
          ['Repositories with activity', formatNumber(state.repos.size)],
          ...PR_FIELDS.map(([field, label]) => [label, formatNumber(state.totals.get(field))]),
          [
            'Median time to merge (median of the repositories\u2019 medians, minutes)',
            formatNumber(median(state.medians), 1),
          ],
        ],
      ),
      active.length > 0 &&
        table(
          ['Most active repositories', 'Visibility', ...PR_FIELDS.map(([, label]) => label)],
          active
            .slice(0, 10)
            .map((repo) => [
              repo.name,
              repo.visibility,
              ...PR_FIELDS.map(([field]) => formatNumber(repo.prs.get(field))),
            ]),
        ),
    );
  },
};
