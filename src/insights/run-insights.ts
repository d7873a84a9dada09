import * as core from '@actions/core';
import { usageContent, type ReportName } from '../reports.js';
import type { Analyzer, AnalyzerOptions, Insights, RenderContext } from './analyzer.js';
import { ANALYZERS } from './analyzers.js';
import type { PeriodInsights } from './period-analysis.js';
import type { Row } from './fields.js';
import { blocks } from './markdown.js';
import { mergeDrift, newDrift } from './schema.js';
import { teamsSummary } from './team-rollup.js';

/**
 * The figures of every period of a run, merged as each period completes (so a year of days
 * holds one state, not 365), and the schema drift seen, warned about once per run.
 */
export class RunInsights implements Insights {
  private readonly analyzer: Analyzer<unknown>;
  private state: unknown;
  private readonly drift = newDrift();
  private periods = 0;
  /** The newest period's team rollup: the summary shows one day's teams side by side. */
  private teams?: { day: string; rows: Row[] };

  constructor(
    private readonly report: ReportName,
    options: AnalyzerOptions,
  ) {
    this.analyzer = ANALYZERS[usageContent(report)];
    this.state = this.analyzer.create(options);
  }

  add(period: PeriodInsights): void {
    // The first period's state becomes the run's: no copy of a large state.
    if (this.periods === 0) this.state = period.state;
    else this.analyzer.merge(this.state, period.state);
    mergeDrift(this.drift, period.drift);
    if (period.teams && (!this.teams || period.teams.day >= this.teams.day)) this.teams = period.teams;
    this.periods++;
  }

  render(context: RenderContext): string {
    if (this.periods === 0) return '';
    return blocks(
      this.analyzer.render(this.state, context),
      this.teams && teamsSummary(this.teams.rows, this.teams.day),
    );
  }

  warnDrift(): void {
    for (const field of [...this.drift.fields].sort()) {
      core.warning(
        `Schema drift: ${this.report} has a field "${field}" this action does not know. It is kept in the raw files (and in the CSV when it is a plain value).`,
      );
    }
    for (const feature of [...this.drift.features].sort()) {
      core.warning(
        `Schema drift: ${this.report} has a feature "${feature}" this action does not know. It is kept in the raw files and counted under its own name.`,
      );
    }
  }
}
