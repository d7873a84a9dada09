/**
 * The summaries as a person sees them: each example of docs/summary-examples.md (every report
 * kind, a team rollup, a 90-day range) rendered to HTML, its Mermaid charts drawn by mermaid in
 * headless Chromium, and a screenshot taken. Each chart must draw (an SVG of a real size with
 * its two lines, legible x-axis labels) and each table must fit the content column.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_FILE } from '../../scripts/summary-examples.js';
import { REPO_ROOT } from '../../simulator/run-action.js';
import { CONTENT_WIDTH, measureSummaries, screenshotSummary, type SummaryChecks } from '../harness/render-summary.js';

/** Screenshots stay here for a person to look at (CI keeps .test-results). */
const SCREENSHOTS = path.join(REPO_ROOT, '.test-results/summaries');

const markdown = await fs.readFile(EXAMPLES_FILE, 'utf8');
const sections = markdown
  .split(/\n(?=## )/)
  .filter((section) => section.startsWith('## ') && section.includes('Inputs:'))
  .map((section) => [section.slice(3, section.indexOf('\n')), section] as const);

let checks: SummaryChecks[];
beforeAll(async () => {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  checks = await measureSummaries(sections.map(([, section]) => section));
});

test('the examples cover every report kind, a team rollup and a 90-day range', () => {
  const titles = sections.map(([title]) => title);
  for (const kind of [
    'organization-1-day',
    'enterprise-28-day',
    'users-1-day',
    'users-28-day',
    'user-teams-1-day',
    'repos-1-day',
  ])
    expect(titles).toContain(kind);
  expect(titles.some((title) => title.includes('team rollup'))).toBe(true);
  expect(titles.some((title) => title.includes('90-day range'))).toBe(true);
});

describe.each(sections.map(([title, section], i) => ({ title, section, i })))('$title', ({ title, section, i }) => {
  test('each chart draws: an SVG of a real size, both lines in readable colours, x-axis labels that do not overlap', () => {
    const { charts } = checks[i];
    expect(charts).toHaveLength(section.split('```mermaid').length - 1);
    for (const chart of charts) {
      expect(chart.error).toBe('');
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(200);
      expect(chart.lines).toBe(2);
      expect(chart.paleLines).toBe(0);
      expect(chart.labels).toBeGreaterThan(0);
      expect(chart.overlappingLabels).toBe(0);
    }
  });

  test('each table fits the content column without scrolling', () => {
    const { tables } = checks[i];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect({ table: table.firstCell, width: table.width }).toEqual({
        table: table.firstCell,
        width: table.visibleWidth,
      });
      // The table's whole width (not its visible box, which the page caps) within the content
      // column: GitHub's summary width less main's 24 px padding on each side.
      expect(table.width).toBeLessThanOrEqual(CONTENT_WIDTH - 2 * 24);
    }
  });

  // Screenshots of the summaries with charts or a team table, for a person to look at.
  const shown = section.includes('```mermaid') || section.includes('Teams side by side');
  if (shown)
    test('a screenshot shows it', async () => {
      const file = path.join(SCREENSHOTS, `${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await screenshotSummary(section, file, checks[i].height);
      expect((await fs.stat(file)).size).toBeGreaterThan(10_000);
    });
});
