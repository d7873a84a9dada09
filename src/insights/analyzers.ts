import type { ReportContent } from '../reports.js';
import { aggregateAnalyzer } from './aggregate.js';
import type { Analyzer } from './analyzer.js';
import { reposAnalyzer } from './repos.js';
import { userTeamsAnalyzer } from './user-teams.js';
import { usersAnalyzer } from './users.js';

/** The analyzer of each kind of report content. */
export const ANALYZERS: Record<ReportContent, Analyzer<unknown>> = {
  aggregate: aggregateAnalyzer as Analyzer<unknown>,
  users: usersAnalyzer as Analyzer<unknown>,
  'user-teams': userTeamsAnalyzer as Analyzer<unknown>,
  repos: reposAnalyzer as Analyzer<unknown>,
};
