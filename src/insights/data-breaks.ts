/**
 * Dated breaks in GitHub's data (see the facts file): a summary whose period covers one says
 * so in one line, with its source, so that a jump in a chart is not read as a change in use.
 */
export interface DataBreak {
  day: string;
  what: string;
  source: string;
}

const DATA_BREAKS: readonly DataBreak[] = [
  {
    day: '2026-07-02',
    what: 'GitHub improved the accuracy and coverage of the metrics and restated the days already loaded: figures before and after this day may not compare',
    source: 'GitHub changelog, 2026-07-02',
  },
  {
    day: '2026-09-18',
    what: 'from Copilot app 1.1.21, app activity is reported as CLI activity',
    source: 'Copilot app 1.1.21 release notes',
  },
  {
    day: '2026-10-06',
    what: 'IDEs that moved agent mode to the Copilot SDK stopped naming the IDE, so most agent activity (agent_edit lines, agent interactions) dropped out, some of it counted as CLI; not backfilled, fixed by IDE updates (VS Code 1.139+, Visual Studio 18.12, JetBrains, Eclipse, Xcode)',
    source:
      '[GitHub changelog: Update your IDE to restore agent activity in Copilot usage metrics](https://github.blog/changelog/2026-10-06-update-your-ide-to-restore-agent-activity-in-copilot-usage-metrics/)',
  },
];

/** One line per break whose day lies within `first`..`last`; empty when none does. */
export function dataBreakLines(first: string, last: string): string {
  return DATA_BREAKS.filter((known) => first <= known.day && known.day <= last)
    .map((known) => `> **Known data break on ${known.day}:** ${known.what} (${known.source}).`)
    .join('\n>\n');
}
