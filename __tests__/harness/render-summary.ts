/**
 * A job summary as a person sees it: the Markdown rendered to HTML (marked, GitHub's table
 * styles), the Mermaid charts drawn by mermaid in headless Chromium (Debian's `chromium`), a
 * screenshot, and measurements taken in the page: does each chart draw, does each table fit.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Marked } from 'marked';

const run = promisify(execFile);

/** GitHub's content column in a job summary is about this wide. */
export const CONTENT_WIDTH = 1012;
const VIEWPORT_WIDTH = 1280;

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** What the page measured in one summary. */
export interface SummaryChecks {
  charts: {
    /** An SVG was drawn, of this size. */
    width: number;
    height: number;
    /** Plotted lines with a path, and those too pale to read. */
    lines: number;
    paleLines: number;
    /** Error text mermaid drew instead of a chart. */
    error: string;
    /** x-axis labels, and how many overlap the next one. */
    labels: number;
    overlappingLabels: number;
  }[];
  /** Each table's full width and the width it shows (they differ when it must scroll). */
  tables: { width: number; visibleWidth: number; firstCell: string }[];
  height: number;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mermaidScript(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist/mermaid.min.js');
}

/** GitHub's Markdown styles that decide the layout of tables and charts. */
const STYLE = `
body { margin: 0; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
main { box-sizing: border-box; width: ${CONTENT_WIDTH}px; padding: 16px 24px; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; margin: 0 0 16px; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
pre.mermaid { background: none; }
blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
`;

/** Measures each summary once mermaid has drawn; the result goes into #checks for --dump-dom. */
const MEASURE = `
document.querySelectorAll('details').forEach((details) => (details.open = true));
await mermaid.run({ querySelector: 'pre.mermaid' });
const chartOf = (pre) => {
  const svg = pre.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const lines = svg ? [...svg.querySelectorAll('[class*=line-plot] path')].filter((p) => (p.getAttribute('d') || '').length > 10) : [];
  const labels = svg ? [...svg.querySelectorAll('.bottom-axis .label text')].map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left) : [];
  let overlappingLabels = 0;
  for (let i = 1; i < labels.length; i++) if (labels[i - 1].right > labels[i].left + 0.5) overlappingLabels++;
  // A line too pale to read on white (relative luminance over 0.8) does not count as drawn.
  const luminance = (color) => {
    const [r, g, b] = (color.match(/\\d+(\\.\\d+)?/g) || ['255', '255', '255']).slice(0, 3).map((v) => Number(v) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const paleLines = lines.filter((p) => luminance(getComputedStyle(p).stroke) > 0.8).length;
  const error = !svg ? 'no SVG' : /Syntax error|error in text/i.test(svg.textContent) ? svg.textContent.slice(0, 200) : '';
  return { width: box.width, height: box.height, lines: lines.length, paleLines, error, labels: labels.length, overlappingLabels };
};
const checks = [...document.querySelectorAll('section.summary')].map((section) => ({
  charts: [...section.querySelectorAll('pre.mermaid')].map(chartOf),
  tables: [...section.querySelectorAll('table')].map((table) => ({ width: table.scrollWidth, visibleWidth: table.clientWidth, firstCell: table.querySelector('th')?.textContent ?? '' })),
  height: Math.ceil(section.getBoundingClientRect().height),
}));
document.getElementById('checks').textContent = JSON.stringify(checks);
`;

/** One page holding each summary in its own section, GitHub's styles, and mermaid. */
export function summaryHtml(summaries: string[]): string {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      code({ text, lang }: { text: string; lang?: string }) {
        return lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(text)}</pre>\n` : false;
      },
    },
  });
  const body = summaries
    .map((markdown) => `<section class="summary">${marked.parse(markdown, { async: false })}</section>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style>
<script src="file://${mermaidScript()}"></script></head>
<body><main>${body}</main><pre id="checks" hidden></pre>
<script type="module">mermaid.initialize({ startOnLoad: false, theme: 'default' });
${MEASURE}</script></body></html>`;
}

const chromiumArgs = (height: number): string[] => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--allow-file-access-from-files',
  `--window-size=${VIEWPORT_WIDTH},${height}`,
  '--virtual-time-budget=30000',
];

async function withPage<T>(summaries: string[], use: (url: string) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM).`);
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cma-render-'));
  try {
    const page = path.join(folder, 'summary.html');
    await fs.writeFile(page, summaryHtml(summaries));
    return await use(`file://${page}`);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** Renders the summaries on one page (one Chromium start) and measures each. */
export function measureSummaries(summaries: string[]): Promise<SummaryChecks[]> {
  return withPage(summaries, async (url) => {
    const { stdout } = await run(CHROMIUM, [...chromiumArgs(800), '--dump-dom', url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const found = /<pre id="checks" hidden="">([^<]*)<\/pre>/.exec(stdout);
    if (!found || !found[1]) throw new Error('The page did not finish its measurements (mermaid did not run).');
    return JSON.parse(
      found[1]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
  });
}

/** A PNG of one summary, `height` pixels tall (Chromium's limit is about 16,000). */
export function screenshotSummary(summary: string, file: string, height: number): Promise<void> {
  return withPage([summary], async (url) => {
    await run(CHROMIUM, [...chromiumArgs(Math.min(height + 40, 16_000)), `--screenshot=${file}`, url]);
  });
}
