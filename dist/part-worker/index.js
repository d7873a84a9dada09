import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
;// CONCATENATED MODULE: ./src/release-memory.ts
/**
 * Frees memory that V8 would otherwise keep for a long while.
 *
 * - Received chunks live outside the JavaScript heap and are freed only when V8 collects them,
 *   which it starts by itself after about 64 MiB of them: eight downloads would hold that much
 *   for nothing. A minor collection every few MiB frees them early; it is cheap, since almost
 *   nothing in the young generation survives between chunks.
 * - An analysis state's typed-array columns are replaced by bigger ones as it grows, in a
 *   worker thread as a part is read and in the main thread as parts are merged. The old ones
 *   are in the old generation, which only a full collection frees: one per part in each thread
 *   (a few ms on these small heaps) keeps them from piling up until the end of the run. States
 *   without columns, or with small ones (a short range's many small days), skip it.
 */


const EVERY_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/** Columns smaller than this grew out of too little memory to be worth a full collection. */
const GROWN_COLUMN_BYTES = 1024 * 1024;
let collect;
let received = 0;
/** V8's gc(), which a process started without --expose-gc can still reach this way. */
function exposeCollect() {
    (0,external_node_v8_namespaceObject.setFlagsFromString)('--expose-gc');
    const gc = (0,external_node_vm_namespaceObject.runInNewContext)('gc');
    (0,external_node_v8_namespaceObject.setFlagsFromString)('--no-expose-gc');
    return gc;
}
/** Counts bytes received; every few MiB, frees the chunks already written. */
function chunkReceived(bytes) {
    received += bytes;
    if (received < EVERY_BYTES)
        return;
    received = 0;
    collect ??= exposeCollect();
    collect({ type: 'minor' });
}
/** An analysis state's typed-array columns, at its top level and one level down. */
function stateColumns(state) {
    const values = typeof state === 'object' && state !== null ? Object.values(state) : [];
    return values.flatMap((value) => ArrayBuffer.isView(value)
        ? [value]
        : typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
            ? Object.values(value).filter((inner) => ArrayBuffer.isView(inner))
            : []);
}
/** Frees the columns a state grew out of, once the state is merged or sent on. */
function freeOldColumns(columns) {
    if (columns.reduce((bytes, column) => bytes + column.byteLength, 0) < GROWN_COLUMN_BYTES)
        return;
    collect ??= exposeCollect();
    collect({ type: 'major' });
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/reports.ts
/** The report catalogue: which reports exist, for which scope, and where each one is served. */
const BOTH = ['enterprise', 'organization'];
const REPORTS = {
    'enterprise-1-day': { span: '1-day', content: 'aggregate', scopes: ['enterprise'] },
    'enterprise-28-day': { span: '28-day', content: 'aggregate', scopes: ['enterprise'] },
    'organization-1-day': { span: '1-day', content: 'aggregate', scopes: ['organization'] },
    'organization-28-day': { span: '28-day', content: 'aggregate', scopes: ['organization'] },
    'users-1-day': { span: '1-day', content: 'users', scopes: BOTH },
    'users-28-day': { span: '28-day', content: 'users', scopes: BOTH },
    'user-teams-1-day': { span: '1-day', content: 'user-teams', scopes: BOTH },
    'repos-1-day': { span: '1-day', content: 'repos', scopes: BOTH },
    seats: { span: 'snapshot', content: 'seats', scopes: BOTH },
};
const REPORT_NAMES = Object.keys(REPORTS);
/** `report: all`: every usage-report kind of the scope, in catalogue order (not `seats`, which needs billing rights). */
function usageReports(scope) {
    return REPORT_NAMES.filter((name) => REPORTS[name].scopes.includes(scope) && REPORTS[name].span !== 'snapshot');
}
/** The first day of data, as documented: per scope, and later for the newer report kinds. */
const SCOPE_FIRST_DAY = { enterprise: '2025-10-10', organization: '2025-12-12' };
const REPORT_FIRST_DAY = {
    'user-teams-1-day': '2026-05-14',
    'repos-1-day': '2026-07-17',
};
/** The first day GitHub has data for a report of a scope (before the one-year limit applies). */
function firstDataDay(scope, report) {
    const kind = REPORT_FIRST_DAY[report];
    return kind && kind > SCOPE_FIRST_DAY[scope] ? kind : SCOPE_FIRST_DAY[scope];
}
/** The scope's own 28-day report: it exists for every entity whose metrics the token may read. */
function entityReport(scope) {
    return scope === 'enterprise' ? 'enterprise-28-day' : 'organization-28-day';
}
function isReportName(value) {
    return Object.hasOwn(REPORTS, value);
}
/** The content of a usage report, which an analyzer reads (seats have their own summary). */
function usageContent(report) {
    const { content } = REPORTS[report];
    if (content === 'seats')
        throw new Error(`${report} is not a usage report.`);
    return content;
}
/** The Octokit route of a report, e.g. `GET /orgs/{org}/copilot/metrics/reports/users-1-day`. */
function reportRoute(scope, report) {
    const owner = scope === 'enterprise' ? '/enterprises/{enterprise}' : '/orgs/{org}';
    if (report === 'seats')
        return `GET ${owner}/copilot/billing/seats`;
    const latest = REPORTS[report].span === '28-day' ? '/latest' : '';
    return `GET ${owner}/copilot/metrics/reports/${report}${latest}`;
}
/** The route parameter that carries the slug. */
function slugParameter(scope) {
    return scope === 'enterprise' ? 'enterprise' : 'org';
}

;// CONCATENATED MODULE: ./src/tuning.ts
function fromEnv(env, name, fallback) {
    const value = Number(env[name]);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
}
function loadTuning(env = process.env) {
    return {
        backoffMs: fromEnv(env, 'COPILOT_METRICS_BACKOFF_MS', 1000),
        idleTimeoutMs: fromEnv(env, 'COPILOT_METRICS_IDLE_TIMEOUT_MS', 60_000),
        minRateBytesPerSecond: fromEnv(env, 'COPILOT_METRICS_MIN_RATE', 1024),
        minRateWindowMs: fromEnv(env, 'COPILOT_METRICS_MIN_RATE_WINDOW_MS', 60_000),
        partDeadlineMs: fromEnv(env, 'COPILOT_METRICS_PART_DEADLINE_MS', 30 * 60_000),
        maxRateLimitWaitSeconds: fromEnv(env, 'COPILOT_METRICS_MAX_RATE_LIMIT_WAIT', 120),
        threadAnalysisBytes: fromEnv(env, 'COPILOT_METRICS_THREAD_ANALYSIS_BYTES', 1024 * 1024),
    };
}
/**
 * Parallel downloads, across all parts and days of a run. A link host serves each connection
 * at a bounded rate, so connections make the speed: 8 fetch a big report of 8 parts as fast as
 * `curl --parallel` does (2.2 times faster than 4 in the benchmark, for 6 MiB more memory).
 */
const DOWNLOAD_CONCURRENCY = 8;
/** Attempts per download link before the part fails for good. */
const DOWNLOAD_ATTEMPTS = 5;
/** Retries of one API call after 5xx or network errors (so 4 attempts in all). */
const API_RETRIES = 3;
/** How many times one report may ask the API for fresh links after some expired. */
const LINK_REFRESHES = 2;
/**
 * Records longer than this are left out of the analysis (summary, CSV, rollup) with a warning;
 * they stay byte-exact in the raw file. No real record comes near it.
 */
const tuning_MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** `day: latest` looks at yesterday and at most this many days in all. */
const LATEST_PROBE_DAYS = 7;

;// CONCATENATED MODULE: ./src/days.ts
/** UTC calendar days as `YYYY-MM-DD` strings, and the window in which GitHub keeps report data. */
/** The first day for which any usage-metrics report exists. */
const DATA_START = '2025-10-10';
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** True for a real calendar day written `YYYY-MM-DD` (so `2025-02-30` is false). */
function isDay(value) {
    const match = DAY_PATTERN.exec(value);
    if (!match)
        return false;
    const [, y, m, d] = match.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
function toDay(date) {
    return date.toISOString().slice(0, 10);
}
function toDate(day) {
    return new Date(`${day}T00:00:00Z`);
}
/** The later of two YYYY-MM-DD days. */
const laterDay = (a, b) => (a > b ? a : b);
function addDays(day, count) {
    return toDay(new Date(toDate(day).getTime() + count * MS_PER_DAY));
}
/** Every day from `first` to `last`, both included, in order. */
function dayRange(first, last) {
    const days = [];
    for (let day = first; day <= last; day = addDays(day, 1))
        days.push(day);
    return days;
}
/** Days as runs: `2026-01-01 – 2026-01-31 (31 days), 2026-02-03`. */
function compactDays(days) {
    const runs = [];
    for (const day of [...days].sort()) {
        const last = runs.at(-1);
        if (last && addDays(last.at(-1), 1) === day)
            last.push(day);
        else
            runs.push([day]);
    }
    return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run.at(-1)} (${run.length} days)`)).join(', ');
}
function dataWindow(now) {
    const oneYearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
    const yearBack = toDay(oneYearAgo);
    return {
        first: laterDay(yearBack, DATA_START),
        last: addDays(toDay(now), -1),
    };
}

;// CONCATENATED MODULE: ./src/insights/fields.ts
/** Reading report fields that may be missing or null: such a field is "n/a", never 0. */
function fields_num(record, key) {
    if (typeof record !== 'object' || record === null)
        return undefined;
    const value = record[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function fields_str(record, key) {
    if (typeof record !== 'object' || record === null)
        return undefined;
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
}
function obj(record, key) {
    if (typeof record !== 'object' || record === null)
        return undefined;
    const value = record[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function list(record, key) {
    if (typeof record !== 'object' || record === null)
        return [];
    const value = record[key];
    return Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];
}
/** Sum that stays undefined until some value is known. */
function fields_add(total, value) {
    return value === undefined ? total : (total ?? 0) + value;
}
function fields_ratio(part, whole) {
    return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
}
/** The nearest-rank percentile (the smallest value with at least p % of values at or below it). */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return undefined;
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** The median: the middle value, or the mean of the two middle values. */
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
function fields_formatNumber(value, digits = 0) {
    if (value === undefined)
        return 'n/a';
    return value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
    });
}
function fields_formatPercent(value) {
    return value === undefined ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}
/** Adds `value` into `totals[key]`, keeping "n/a" apart from 0. */
function addTo(totals, key, value) {
    totals.set(key, fields_add(totals.get(key), value));
}
/** Merges per-key sums. */
function mergeSums(into, from) {
    for (const [key, value] of from)
        addTo(into, key, value);
}

;// CONCATENATED MODULE: ./src/insights/markdown.ts
/** Small Markdown builders for the job summary (GitHub renders Markdown and Mermaid there). */
/** A table cell: no pipes or line breaks, and no HTML. */
function cell(text) {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/[\r\n]+/g, ' ');
}
function markdown_table(header, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
function markdown_heading(level, text) {
    return `${'#'.repeat(level)} ${text}`;
}
/** Blocks separated by blank lines, as Markdown needs. */
function markdown_blocks(...parts) {
    return parts.filter(Boolean).join('\n\n');
}

;// CONCATENATED MODULE: ./src/insights/features.ts
/**
 * Activity per feature (`totals_by_feature`), shared by the aggregate and users summaries, and
 * the figures the contract derives from it: the acceptance rate (code_completion), chat requests
 * per chat mode (features named `chat_*`) and lines added/deleted by Copilot by origin.
 */


const newTally = () => ({
    interactions: undefined,
    generations: undefined,
    acceptances: undefined,
    locAdded: undefined,
    locDeleted: undefined,
});
/** `total + value` when value is a finite number; per-record code, so no helper objects. */
const plus = (total, value) => typeof value === 'number' && Number.isFinite(value) ? (total ?? 0) + value : total;
/** Adds a record's `totals_by_feature` entries; one tally per feature name, updated in place. */
function addFeatures(totals, entries) {
    if (!Array.isArray(entries))
        return;
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const name = entry?.feature;
        if (typeof name !== 'string')
            continue;
        let tally = totals.get(name);
        if (!tally)
            totals.set(name, (tally = newTally()));
        tally.interactions = plus(tally.interactions, entry.user_initiated_interaction_count);
        tally.generations = plus(tally.generations, entry.code_generation_activity_count);
        tally.acceptances = plus(tally.acceptances, entry.code_acceptance_activity_count);
        tally.locAdded = plus(tally.locAdded, entry.loc_added_sum);
        tally.locDeleted = plus(tally.locDeleted, entry.loc_deleted_sum);
    }
}
function mergeFeatures(into, from) {
    for (const [name, tally] of from) {
        const known = into.get(name) ?? newTally();
        for (const key of Object.keys(tally))
            known[key] = fields_add(known[key], tally[key]);
        into.set(name, known);
    }
}
const isChat = (feature) => feature.startsWith('chat_');
/** Chat requests: interactions summed over the `chat_*` features. */
function chatRequests(totals) {
    let sum;
    for (const [name, tally] of totals)
        if (isChat(name))
            sum = fields_add(sum, tally.interactions);
    return sum;
}
const ORIGINS = ['Agents', 'Code completions', 'Chat and edits'];
/** Agents: agent_edit and every feature naming an agent; completions: code_completion; the rest. */
function originOf(feature) {
    if (feature === 'code_completion')
        return 'Code completions';
    return feature.includes('agent') ? 'Agents' : 'Chat and edits';
}
/** Acceptance rate of the code_completion feature. */
function completionRate(totals) {
    const completion = totals.get('code_completion');
    return fields_ratio(completion?.acceptances, completion?.generations);
}
const activity = (tally) => (tally.interactions ?? 0) + (tally.generations ?? 0);
/** Every feature, most active first; agent mode is never hidden. */
function featureTable(totals) {
    if (totals.size === 0)
        return '';
    const rows = [...totals].sort((a, b) => activity(b[1]) - activity(a[1]) || a[0].localeCompare(b[0]));
    return markdown_blocks(markdown_heading(4, 'Features (all), most interactions + code generations first'), markdown_table(['Feature', 'Interactions', 'Code generations', 'Lines added by Copilot', 'Lines deleted by Copilot'], rows.map(([name, t]) => [
        name,
        fields_formatNumber(t.interactions),
        fields_formatNumber(t.generations),
        fields_formatNumber(t.locAdded),
        fields_formatNumber(t.locDeleted),
    ])));
}
/** Lines added + deleted by Copilot, grouped by origin, with each group's share. */
function originTable(totals) {
    const sums = new Map();
    for (const [name, tally] of totals) {
        const origin = originOf(name);
        const known = sums.get(origin) ?? { added: undefined, deleted: undefined };
        sums.set(origin, { added: fields_add(known.added, tally.locAdded), deleted: fields_add(known.deleted, tally.locDeleted) });
    }
    if (sums.size === 0)
        return '';
    const both = (origin) => fields_add(sums.get(origin)?.added, sums.get(origin)?.deleted);
    const all = ORIGINS.reduce((total, origin) => fields_add(total, both(origin)), undefined);
    return markdown_blocks(markdown_heading(4, 'Lines added and deleted by Copilot, by origin'), markdown_table(['Origin', 'Lines added by Copilot', 'Lines deleted by Copilot', 'Share of lines added + deleted'], ORIGINS.map((origin) => [
        origin,
        fields_formatNumber(sums.get(origin)?.added),
        fields_formatNumber(sums.get(origin)?.deleted),
        fields_formatPercent(fields_ratio(both(origin), all)),
    ])));
}
/** Chat requests per chat mode (`chat_*` feature), most first, with each mode's share. */
function chatModeTable(totals) {
    const modes = [...totals].filter(([name]) => isChat(name));
    if (modes.length === 0)
        return '';
    const all = chatRequests(totals);
    modes.sort((a, b) => (b[1].interactions ?? -1) - (a[1].interactions ?? -1) || a[0].localeCompare(b[0]));
    return markdown_blocks(markdown_heading(4, 'Chat requests per chat mode, most first'), markdown_table(['Chat mode', 'Chat requests', 'Share of chat requests'], modes.map(([name, t]) => [name, fields_formatNumber(t.interactions), fields_formatPercent(fields_ratio(t.interactions, all))])));
}

;// CONCATENATED MODULE: ./src/insights/aggregate.ts
/** Enterprise and organization reports: one record per day (28 of them in a 28-day report). */




/** Adds breakdown entries; suggested/accepted count only code_completion entries (none for IDEs). */
function addBreakdown(breakdown, entries, key) {
    for (const entry of entries) {
        const name = fields_str(entry, key);
        if (name === undefined)
            continue;
        let tally = breakdown.get(name);
        if (!tally) {
            tally = { interactions: undefined, generations: undefined, suggested: undefined, accepted: undefined };
            breakdown.set(name, tally);
        }
        tally.interactions = fields_add(tally.interactions, fields_num(entry, 'user_initiated_interaction_count'));
        tally.generations = fields_add(tally.generations, fields_num(entry, 'code_generation_activity_count'));
        if (entry.feature === 'code_completion') {
            tally.suggested = fields_add(tally.suggested, fields_num(entry, 'code_generation_activity_count'));
            tally.accepted = fields_add(tally.accepted, fields_num(entry, 'code_acceptance_activity_count'));
        }
    }
}
function mergeBreakdown(into, from) {
    for (const [name, tally] of from) {
        const known = into.get(name);
        if (!known)
            into.set(name, { ...tally });
        else
            for (const key of Object.keys(tally))
                known[key] = fields_add(known[key], tally[key]);
    }
}
function figures(day) {
    const completion = list(day, 'totals_by_feature').find((entry) => entry.feature === 'code_completion');
    const prs = obj(day, 'pull_requests');
    return {
        day: fields_str(day, 'day') ?? '',
        dailyActive: fields_num(day, 'daily_active_users'),
        weeklyActive: fields_num(day, 'weekly_active_users'),
        monthlyActive: fields_num(day, 'monthly_active_users'),
        monthlyChat: fields_num(day, 'monthly_active_chat_users'),
        monthlyAgent: fields_num(day, 'monthly_active_agent_users'),
        cliUsers: fields_num(day, 'daily_active_cli_users'),
        codingAgentUsers: fields_num(day, 'daily_active_copilot_coding_agent_users'),
        codeReviewUsers: fields_num(day, 'daily_active_copilot_code_review_users'),
        interactions: fields_num(day, 'user_initiated_interaction_count'),
        suggested: fields_num(completion, 'code_generation_activity_count'),
        accepted: fields_num(completion, 'code_acceptance_activity_count'),
        locAdded: fields_num(day, 'loc_added_sum'),
        locDeleted: fields_num(day, 'loc_deleted_sum'),
        prCreated: fields_num(prs, 'total_created'),
        prMerged: fields_num(prs, 'total_merged'),
        prByCopilot: fields_num(prs, 'total_created_by_copilot'),
        prReviewedByCopilot: fields_num(prs, 'total_reviewed_by_copilot'),
    };
}
const sum = (days, key) => days.reduce((total, day) => fields_add(total, day[key]), undefined);
const TOP = 10;
function breakdownTable(title, label, breakdown, rates) {
    const weight = (tally) => (tally.interactions ?? 0) + (tally.generations ?? 0);
    const rows = [...breakdown].sort((a, b) => weight(b[1]) - weight(a[1]) || a[0].localeCompare(b[0]));
    if (rows.length === 0)
        return '';
    const shown = rows.slice(0, TOP);
    const which = rows.length > TOP ? `top ${TOP} of ${rows.length}` : 'all';
    return markdown_blocks(markdown_heading(4, `${title} (${which}), most interactions + code generations first`), markdown_table([label, 'Interactions', 'Code generations', ...(rates ? ['Acceptance rate (code completions)'] : [])], shown.map(([name, t]) => [
        name,
        fields_formatNumber(t.interactions),
        fields_formatNumber(t.generations),
        ...(rates ? [fields_formatPercent(fields_ratio(t.accepted, t.suggested))] : []),
    ])));
}
function breakdowns(state) {
    return markdown_blocks(markdown_heading(3, 'Breakdowns'), breakdownTable('IDEs', 'IDE', state.ides, false), featureTable(state.features), breakdownTable('Languages', 'Language', state.languages, true), breakdownTable('Models', 'Model', state.models, true));
}
/** Agent and chat adoption, chat requests per mode and lines by origin. */
function adoption(state) {
    return markdown_blocks(chatModeTable(state.features), originTable(state.features));
}
function pullRequests(days) {
    return markdown_blocks(markdown_heading(4, 'Pull requests'), markdown_table(['Pull requests created', 'Merged', 'Created by Copilot', 'Reviewed by Copilot'], [
        [sum(days, 'prCreated'), sum(days, 'prMerged'), sum(days, 'prByCopilot'), sum(days, 'prReviewedByCopilot')].map((v) => fields_formatNumber(v)),
    ]));
}
/** The figures of one day that are counts of users; the same labels in every summary. */
function usersOnDay(day) {
    return [
        ['Daily active users (on the day)', fields_formatNumber(day.dailyActive)],
        ['Weekly active users (7 days to the day)', fields_formatNumber(day.weeklyActive)],
        ['Monthly active users (28 days to the day)', fields_formatNumber(day.monthlyActive)],
        ['Monthly active chat users (28 days to the day)', fields_formatNumber(day.monthlyChat)],
        ['Monthly active agent users (28 days to the day)', fields_formatNumber(day.monthlyAgent)],
        [
            'Agent adoption (monthly active agent users ÷ monthly active users)',
            fields_formatPercent(fields_ratio(day.monthlyAgent, day.monthlyActive)),
        ],
        [
            'Chat adoption (monthly active chat users ÷ monthly active users)',
            fields_formatPercent(fields_ratio(day.monthlyChat, day.monthlyActive)),
        ],
        ['CLI users (on the day)', fields_formatNumber(day.cliUsers)],
        ['Coding agent users (on the day)', fields_formatNumber(day.codingAgentUsers)],
        ['Code review users (on the day)', fields_formatNumber(day.codeReviewUsers)],
    ];
}
/** Sums over days; chat requests per active user divide by the sum of daily active users. */
function aggregate_activity(days, features) {
    const perUser = fields_ratio(chatRequests(features), sum(days, 'dailyActive'));
    return [
        ['Interactions', fields_formatNumber(sum(days, 'interactions'))],
        ['Chat requests', fields_formatNumber(chatRequests(features))],
        [
            days.length === 1 ? 'Chat requests per active user' : 'Chat requests per active user-day',
            fields_formatNumber(perUser, 2),
        ],
        ['Code completions suggested', fields_formatNumber(sum(days, 'suggested'))],
        ['Code completions accepted', fields_formatNumber(sum(days, 'accepted'))],
        ['Acceptance rate (code completions)', fields_formatPercent(fields_ratio(sum(days, 'accepted'), sum(days, 'suggested')))],
        ['Lines added by Copilot', fields_formatNumber(sum(days, 'locAdded'))],
        ['Lines deleted by Copilot', fields_formatNumber(sum(days, 'locDeleted'))],
    ];
}
function renderDay(state) {
    const [day] = state.days;
    return markdown_blocks(markdown_heading(3, `Activity on ${day.day}`), markdown_table(['Metric', 'Value'], [...usersOnDay(day), ...aggregate_activity(state.days, state.features)]), adoption(state), pullRequests(state.days), breakdowns(state));
}
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
/** The days in 7-day weeks counted back from `last`, oldest week first. */
function weeks(days, last) {
    const byWeek = new Map();
    for (const day of days) {
        const week = Math.floor(daysBetween(day.day, last) / 7);
        byWeek.set(week, [...(byWeek.get(week) ?? []), day]);
    }
    return [...byWeek].sort((a, b) => b[0] - a[0]).map(([week, own]) => ({ end: addDays(last, -7 * week), days: own }));
}
const points = (from, to) => from === undefined || to === undefined ? 'n/a' : `${to >= from ? '+' : ''}${((to - from) * 100).toFixed(1)} points`;
/** Acceptance rate week by week, each week compared with the one before. */
function weeklyAcceptance(days, last) {
    const all = weeks(days, last);
    if (all.length < 2)
        return '';
    const rate = (own) => fields_ratio(sum(own, 'accepted'), sum(own, 'suggested'));
    const rows = all.map((week, i) => [
        week.end,
        String(week.days.length),
        fields_formatNumber(sum(week.days, 'suggested')),
        fields_formatNumber(sum(week.days, 'accepted')),
        fields_formatPercent(rate(week.days)),
        i === 0 ? '' : points(rate(all[i - 1].days), rate(week.days)),
    ]);
    const [first, latest] = [all[0], all.at(-1)];
    return markdown_blocks(`Acceptance rate trend: ${fields_formatPercent(rate(first.days))} in the week ending ${first.end}, ${fields_formatPercent(rate(latest.days))} in the week ending ${latest.end} (${points(rate(first.days), rate(latest.days))}).`, folded(`Acceptance rate per week (7 days ending on the day shown), oldest first`, markdown_table(['Week ending', 'Days', 'Suggested', 'Accepted', 'Acceptance rate', 'Change from the week before'], rows), rows.length));
}
/** A long table goes into a fold, so that the summary stays readable. */
function folded(title, body, rows) {
    if (rows <= 31)
        return markdown_blocks(markdown_heading(4, title), body);
    return `<details><summary>${title} (${rows} rows)</summary>\n\n${body}\n\n</details>`;
}
/** Days a chart can label legibly at Mermaid's default width; longer ranges get a chart per month. */
const CHART_DAYS = 31;
const PALETTE = '#0969da, #bc4c00';
/** One chart of days with values; x-axis labels are days of the month, the title names the span. */
function chartBlock(charted, first, last) {
    const values = (key) => `[${charted.map((day) => day[key]).join(', ')}]`;
    return [
        '```mermaid',
        // Mermaid's default first line colour is too pale to read on white: GitHub's blue and orange.
        '---',
        'config:',
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${PALETTE}"`,
        '---',
        'xychart-beta',
        `  title "Daily (lower line) and weekly active users, ${first} to ${last}"`,
        `  x-axis [${charted.map((day) => `"${day.day.slice(8)}"`).join(', ')}]`,
        '  y-axis "Users"',
        `  line ${values('dailyActive')}`,
        `  line ${values('weeklyActive')}`,
        '```',
    ].join('\n');
}
/**
 * Mermaid's xychart cannot skip a point: a day without a value is left off (the x-axis labels
 * show the jump) and named under the chart, never drawn as 0. A range longer than a month is
 * drawn one calendar month per chart, so that every day keeps a legible label.
 */
function chart(days, first, last) {
    const charted = days.filter((day) => day.dailyActive !== undefined && day.weeklyActive !== undefined);
    const shown = new Set(charted.map((day) => day.day));
    const left = dayRange(first, last).filter((day) => !shown.has(day));
    const spans = [];
    if (dayRange(first, last).length <= CHART_DAYS)
        spans.push([first, last]);
    else {
        for (let start = first; start <= last;) {
            const monthEnd = addDays(`${addDays(`${start.slice(0, 7)}-01`, 31).slice(0, 7)}-01`, -1);
            const end = monthEnd < last ? monthEnd : last;
            spans.push([start, end]);
            start = addDays(end, 1);
        }
    }
    return markdown_blocks(...spans.map(([from, to]) => {
        const own = charted.filter((day) => day.day >= from && day.day <= to);
        return own.length > 0 && chartBlock(own, from, to);
    }), left.length > 0 &&
        `Left off the chart, no value for ${left.length === 1 ? 'this day' : `these ${left.length} days`}: ${compactDays(left)}.`);
}
function perDay(days) {
    const rows = days.map((day) => [
        day.day,
        fields_formatNumber(day.dailyActive),
        fields_formatNumber(day.weeklyActive),
        fields_formatNumber(day.monthlyActive),
        fields_formatNumber(day.monthlyChat),
        fields_formatNumber(day.monthlyAgent),
        fields_formatNumber(day.interactions),
        fields_formatPercent(fields_ratio(day.accepted, day.suggested)),
        fields_formatNumber(day.prCreated),
        fields_formatNumber(day.prMerged),
    ]);
    return folded('Per day, oldest first', markdown_table([
        'Day',
        'Daily active',
        'Weekly active',
        'Monthly active',
        'Monthly chat',
        'Monthly agent',
        'Interactions',
        'Acceptance rate',
        'PRs created',
        'PRs merged',
    ], rows), rows.length);
}
function renderPeriod(state, context) {
    const days = [...state.days].sort((a, b) => a.day.localeCompare(b.day));
    const last = days.at(-1);
    const first = context.range?.since ?? days[0].day;
    const end = context.range?.until ?? last.day;
    return markdown_blocks(markdown_heading(3, `${first} to ${end} (${days.length} days with a report)`), chart(days, first, end), markdown_table([`On the last day, ${last.day}`, 'Value'], usersOnDay(last)), markdown_table(['Over the period', 'Value'], aggregate_activity(days, state.features)), adoption(state), weeklyAcceptance(days, end), pullRequests(days), perDay(days), breakdowns(state));
}
/** Day records of a record: a 1-day file holds one; a 28-day file lists them in day_totals. */
function dayRecords(record) {
    return Array.isArray(record.day_totals) ? list(record, 'day_totals') : [record];
}
const aggregateAnalyzer = {
    create: () => ({ days: [], ides: new Map(), languages: new Map(), models: new Map(), features: new Map() }),
    add(state, record) {
        for (const day of dayRecords(record)) {
            state.days.push(figures(day));
            addBreakdown(state.ides, list(day, 'totals_by_ide'), 'ide');
            addFeatures(state.features, day.totals_by_feature);
            addBreakdown(state.languages, list(day, 'totals_by_language_feature'), 'language');
            addBreakdown(state.models, list(day, 'totals_by_model_feature'), 'model');
        }
    },
    merge(into, from) {
        into.days.push(...from.days);
        mergeBreakdown(into.ides, from.ides);
        mergeBreakdown(into.languages, from.languages);
        mergeBreakdown(into.models, from.models);
        mergeFeatures(into.features, from.features);
    },
    render: (state, context) => state.days.length === 0
        ? ''
        : state.days.length === 1 && !context.range
            ? renderDay(state)
            : renderPeriod(state, context),
};

;// CONCATENATED MODULE: ./src/insights/repos.ts


const PR_FIELDS = [
    ['total_created', 'Pull requests created'],
    ['total_merged', 'Merged'],
    ['total_reviewed', 'Reviewed'],
    ['total_created_by_copilot', 'Created by Copilot'],
    ['total_reviewed_by_copilot', 'Reviewed by Copilot'],
];
function repos_activity(repo) {
    return (repo.prs.get('total_created') ?? 0) + (repo.prs.get('total_reviewed') ?? 0);
}
const reposAnalyzer = {
    create: () => ({ repos: new Map(), totals: new Map(), medians: [] }),
    add(state, record) {
        const prs = obj(record, 'pull_requests');
        const key = String(record.repo_id ?? `${fields_str(record, 'repo_owner_name')}/${fields_str(record, 'repo_name')}`);
        const repo = state.repos.get(key) ?? {
            name: [fields_str(record, 'repo_owner_name'), fields_str(record, 'repo_name')].filter(Boolean).join('/') || key,
            visibility: fields_str(record, 'repo_visibility') ?? 'n/a',
            prs: new Map(),
        };
        for (const [field] of PR_FIELDS) {
            addTo(repo.prs, field, fields_num(prs, field));
            addTo(state.totals, field, fields_num(prs, field));
        }
        state.repos.set(key, repo);
        const minutes = fields_num(prs, 'median_minutes_to_merge');
        if (minutes !== undefined)
            state.medians.push(minutes);
    },
    merge(into, from) {
        for (const [key, repo] of from.repos) {
            const known = into.repos.get(key);
            if (!known)
                into.repos.set(key, repo);
            else
                for (const [field, value] of repo.prs)
                    known.prs.set(field, fields_add(known.prs.get(field), value));
        }
        mergeSums(into.totals, from.totals);
        into.medians.push(...from.medians);
    },
    render(state) {
        const active = [...state.repos.values()].sort((a, b) => repos_activity(b) - repos_activity(a) || a.name.localeCompare(b.name));
        return markdown_blocks(markdown_heading(3, 'Pull requests'), markdown_table(['Metric', 'Value'], [
            ['Repositories with activity', fields_formatNumber(state.repos.size)],
            ...PR_FIELDS.map(([field, label]) => [label, fields_formatNumber(state.totals.get(field))]),
            [
                'Median time to merge (median of the repositories\u2019 medians, minutes)',
                fields_formatNumber(median(state.medians), 1),
            ],
        ]), active.length > 0 &&
            markdown_table(['Most active repositories', 'Visibility', ...PR_FIELDS.map(([, label]) => label)], active
                .slice(0, 10)
                .map((repo) => [
                repo.name,
                repo.visibility,
                ...PR_FIELDS.map(([field]) => fields_formatNumber(repo.prs.get(field))),
            ])));
    },
};

;// CONCATENATED MODULE: ./src/insights/user-teams.ts


const userTeamsAnalyzer = {
    create: () => ({ teams: new Map(), users: new Set() }),
    add(state, record) {
        const user = record.user_id ?? record.user_login;
        if (record.team_id === undefined || record.team_id === null || user === undefined || user === null)
            return;
        const key = String(record.team_id);
        const team = state.teams.get(key) ?? { slug: typeof record.slug === 'string' ? record.slug : key, members: 0 };
        team.members++;
        state.teams.set(key, team);
        state.users.add(String(user));
    },
    merge(into, from) {
        for (const [key, team] of from.teams) {
            const known = into.teams.get(key);
            if (known)
                known.members += team.members;
            else
                into.teams.set(key, { ...team });
        }
        from.users.forEach((user) => into.users.add(user));
    },
    render(state) {
        const largest = [...state.teams.values()]
            .sort((a, b) => b.members - a.members || a.slug.localeCompare(b.slug))
            .slice(0, 10);
        return markdown_blocks(markdown_heading(3, 'Teams'), markdown_table(['Metric', 'Value'], [
            ['Teams', fields_formatNumber(state.teams.size)],
            ['Users in a team', fields_formatNumber(state.users.size)],
        ]), largest.length > 0 &&
            markdown_table(['Largest teams', 'Members'], largest.map((team) => [team.slug, fields_formatNumber(team.members)])));
    },
};

;// CONCATENATED MODULE: ./src/insights/users.ts



/** The `used_*` flags the summary counts users by. */
const FLAGS = [
    ['used_chat', 'Chat users'],
    ['used_agent', 'Agent users'],
    ['used_cli', 'CLI users'],
    ['used_copilot_coding_agent', 'Coding agent users'],
    ['used_copilot_code_review_active', 'Code review users'],
];
/** Bit sets of names (IDEs, features, languages, models) hold up to 31; later names count as "other". */
const MAX_NAMES = 31;
const OTHER = 'other';
const COLUMNS = ['credits', 'lastDay', 'phase', 'ides', 'features', 'languages', 'models', 'flags'];
const SUMS = ['interactions', 'generations', 'acceptances'];
/** The fields each of `sums` adds up. */
const SUM_FIELDS = {
    interactions: 'user_initiated_interaction_count',
    generations: 'code_generation_activity_count',
    acceptances: 'code_acceptance_activity_count',
};
function create(options) {
    const capacity = 1024;
    return {
        keys: options.rowsAreUsers ? undefined : new Map(),
        keepLogins: options.keepLogins,
        size: 0,
        logins: [],
        credits: new Float64Array(capacity),
        sums: options.keepLogins
            ? {
                interactions: new Float64Array(capacity),
                generations: new Float64Array(capacity),
                acceptances: new Float64Array(capacity),
            }
            : undefined,
        lastDay: new Int32Array(capacity),
        phase: new Int16Array(capacity),
        phases: [],
        ides: new Int32Array(capacity),
        ideNames: [],
        features: new Int32Array(capacity),
        featureNames: [],
        languages: new Int32Array(capacity),
        languageNames: [],
        models: new Int32Array(capacity),
        modelNames: [],
        flags: new Uint16Array(capacity),
        firstDay: Number.MAX_SAFE_INTEGER,
        newestDay: -1,
        featureTotals: new Map(),
    };
}
function doubled(old) {
    const bigger = new old.constructor(old.length * 2);
    bigger.set(old);
    return bigger;
}
function grow(state) {
    for (const column of COLUMNS)
        state[column] = doubled(state[column]);
    const { sums } = state;
    if (sums)
        for (const sum of SUMS)
            sums[sum] = doubled(sums[sum]);
}
/** The row of a user, added (all unknown) when new. */
function rowOf(state, key, login) {
    let row = state.keys?.get(key);
    if (row !== undefined) {
        if (state.keepLogins)
            state.logins[row] ??= login;
        return row;
    }
    if (state.size === state.credits.length)
        grow(state);
    row = state.size++;
    state.keys?.set(key, row);
    if (state.keepLogins)
        state.logins[row] = login;
    state.credits[row] = Number.NaN;
    if (state.sums)
        for (const sum of SUMS)
            state.sums[sum][row] = Number.NaN;
    state.lastDay[row] = -1;
    state.phase[row] = -1;
    state.ides[row] = state.features[row] = state.languages[row] = state.models[row] = state.flags[row] = 0;
    return row;
}
function bit(names, name) {
    let index = names.indexOf(name);
    if (index === -1) {
        index = names.length < MAX_NAMES ? names.push(name) - 1 : names.indexOf(OTHER);
        if (index === -1)
            index = names.push(OTHER) - 1;
    }
    return 1 << index;
}
/** Adds a value to a sum that is NaN while unknown. */
function addValue(column, row, value) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        return;
    column[row] = Number.isNaN(column[row]) ? value : column[row] + value;
}
function namesOf(entries, key, names) {
    let mask = 0;
    if (!Array.isArray(entries))
        return mask;
    for (const entry of entries) {
        const name = entry?.[key];
        if (typeof name === 'string')
            mask |= bit(names, name);
    }
    return mask;
}
function phaseIndex(state, name, number) {
    for (let index = 0; index < state.phases.length; index++)
        if (state.phases[index].name === name)
            return index;
    return state.phases.push({ name, number }) - 1;
}
/** The last day string seen and its YYYYMMDD: a report's rows share a few days. */
let lastDayText = '';
let lastDayNumber = 0;
function dayNumber(value) {
    if (typeof value !== 'string')
        return 0;
    if (value !== lastDayText) {
        lastDayText = value;
        lastDayNumber = Number(value.replace(/-/g, '')) || 0;
    }
    return lastDayNumber;
}
function users_add(state, record) {
    const id = record.user_id ?? record.user_login;
    if (typeof id !== 'number' && typeof id !== 'string')
        return;
    const login = typeof record.user_login === 'string' ? record.user_login : undefined;
    const row = rowOf(state, id, login);
    addValue(state.credits, row, record.ai_credits_used);
    if (state.sums)
        for (const sum of SUMS)
            addValue(state.sums[sum], row, record[SUM_FIELDS[sum]]);
    const day = dayNumber(record.day);
    if (day < state.firstDay)
        state.firstDay = day;
    if (day > state.newestDay)
        state.newestDay = day;
    if (day >= state.lastDay[row]) {
        state.lastDay[row] = day;
        const phase = record.ai_adoption_phase;
        state.phase[row] =
            typeof phase?.phase === 'string'
                ? phaseIndex(state, phase.phase, typeof phase.phase_number === 'number' ? phase.phase_number : Number.MAX_SAFE_INTEGER)
                : -1;
    }
    state.ides[row] |= namesOf(record.totals_by_ide, 'ide', state.ideNames);
    state.features[row] |= namesOf(record.totals_by_feature, 'feature', state.featureNames);
    state.languages[row] |= namesOf(record.totals_by_language_feature, 'language', state.languageNames);
    state.models[row] |= namesOf(record.totals_by_model_feature, 'model', state.modelNames);
    addFeatures(state.featureTotals, record.totals_by_feature);
    for (let i = 0; i < FLAGS.length; i++) {
        const value = record[FLAGS[i][0]];
        if (typeof value === 'boolean')
            state.flags[row] |= (1 << (2 * i)) | (value ? 1 << (2 * i + 1) : 0);
    }
}
/**
 * Re-maps bit sets of one table of names to another. Each name's bit in the other table is
 * found on first use, in the order a plain re-map would find it, so new names get the same
 * places (and the same "other" beyond MAX_NAMES).
 */
class NameMap {
    from;
    into;
    bits;
    constructor(from, into) {
        this.from = from;
        this.into = into;
        this.bits = new Array(from.length).fill(0);
    }
    remap(mask) {
        let result = 0;
        for (let i = 0; i < this.from.length; i++) {
            if (mask & (1 << i))
                result |= this.bits[i] ||= bit(this.into, this.from[i]);
        }
        return result;
    }
}
/** Adds a user's row of `from` into `into`. */
function mergeRow(into, key, from, source, maps) {
    const row = rowOf(into, key, from.logins[source]);
    addValue(into.credits, row, from.credits[source]);
    if (into.sums && from.sums)
        for (const sum of SUMS)
            addValue(into.sums[sum], row, from.sums[sum][source]);
    if (from.lastDay[source] >= into.lastDay[row]) {
        into.lastDay[row] = from.lastDay[source];
        const index = from.phase[source];
        const phase = from.phases[index];
        into.phase[row] = phase ? (maps.phases[index] ??= phaseIndex(into, phase.name, phase.number)) : -1;
    }
    into.ides[row] |= maps.ides.remap(from.ides[source]);
    into.features[row] |= maps.features.remap(from.features[source]);
    into.languages[row] |= maps.languages.remap(from.languages[source]);
    into.models[row] |= maps.models.remap(from.models[source]);
    into.flags[row] |= from.flags[source];
}
function merge(into, from) {
    into.firstDay = Math.min(into.firstDay, from.firstDay);
    into.newestDay = Math.max(into.newestDay, from.newestDay);
    mergeFeatures(into.featureTotals, from.featureTotals);
    const maps = {
        ides: new NameMap(from.ideNames, into.ideNames),
        features: new NameMap(from.featureNames, into.featureNames),
        languages: new NameMap(from.languageNames, into.languageNames),
        models: new NameMap(from.modelNames, into.modelNames),
        phases: [],
    };
    if (from.keys)
        for (const [key, source] of from.keys)
            mergeRow(into, key, from, source, maps);
    // Rows are users: each row is added as it is.
    else
        for (let source = 0; source < from.size; source++)
            mergeRow(into, source, from, source, maps);
}
function countNames(mask, size, names) {
    const counts = new Array(names.length).fill(0);
    // One pass over the rows, visiting each set bit (lowest first) rather than every name.
    for (let row = 0; row < size; row++) {
        for (let bits = mask[row]; bits !== 0; bits &= bits - 1)
            counts[31 - Math.clz32(bits & -bits)]++;
    }
    return names
        .map((name, i) => [name, counts[i]])
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, count]) => [name, fields_formatNumber(count)]);
}
function flagCount(state, i) {
    let known = 0;
    let yes = 0;
    for (let row = 0; row < state.size; row++) {
        if (state.flags[row] & (1 << (2 * i)))
            known++;
        if (state.flags[row] & (1 << (2 * i + 1)))
            yes++;
    }
    return known === 0 ? undefined : yes;
}
function phasesTable(state) {
    const counts = new Map();
    for (let row = 0; row < state.size; row++)
        counts.set(state.phase[row], (counts.get(state.phase[row]) ?? 0) + 1);
    const rows = [...counts]
        .map(([index, users]) => ({
        phase: state.phases[index] ?? { name: 'n/a', number: Number.MAX_SAFE_INTEGER },
        users,
    }))
        .sort((a, b) => a.phase.number - b.phase.number || a.phase.name.localeCompare(b.phase.name));
    const most = Math.max(...rows.map((row) => row.users));
    return markdown_blocks(markdown_heading(4, 'Users per adoption phase (each user\u2019s newest), in phase order'), markdown_table(['Adoption phase', 'Users', ''], rows.map((row) => [
        row.phase.name,
        fields_formatNumber(row.users),
        '█'.repeat(Math.max(1, Math.round((row.users / most) * 20))),
    ])));
}
const known = (value) => (Number.isNaN(value) ? undefined : value);
function topUsers(state, context) {
    const { sums } = state;
    if (context.topUsers <= 0 || !sums)
        return '';
    const rank = (row) => (Number.isNaN(sums.interactions[row]) ? -1 : sums.interactions[row]);
    const rows = Array.from({ length: state.size }, (_, row) => row)
        .filter((row) => state.logins[row] !== undefined)
        .sort((a, b) => rank(b) - rank(a) || state.logins[a].localeCompare(state.logins[b]))
        .slice(0, context.topUsers);
    return markdown_blocks(markdown_heading(3, `Top ${rows.length} users by interactions`), markdown_table(['User', 'Interactions', 'Code generations', 'Acceptances', 'AI credits used'], rows.map((row) => [
        context.login(state.logins[row]),
        fields_formatNumber(known(sums.interactions[row])),
        fields_formatNumber(known(sums.generations[row])),
        fields_formatNumber(known(sums.acceptances[row])),
        fields_formatNumber(known(state.credits[row]), 2),
    ])));
}
/** Users per name (IDE, feature, language, model), most users first. */
function usersPer(title, label, mask, state, names) {
    if (names.length === 0)
        return '';
    return markdown_blocks(markdown_heading(4, `${title}, most users first`), markdown_table([label, 'Users'], countNames(mask, state.size, names)));
}
function render(state, context) {
    if (state.size === 0)
        return markdown_blocks(markdown_heading(3, 'Users'), 'No user rows.');
    // A typed copy sorts numerically without boxing each number; unknown credits (NaN) sort last.
    const sorted = state.credits.slice(0, state.size).sort();
    let withCredits = 0;
    while (withCredits < sorted.length && !Number.isNaN(sorted[withCredits]))
        withCredits++;
    const credits = sorted.subarray(0, withCredits);
    const total = withCredits === 0 ? undefined : credits.reduce((a, b) => a + b, 0);
    // A user is active on a day when they have a row that day; a period counts distinct users.
    const when = state.firstDay === state.newestDay ? 'on the day' : 'distinct over the period';
    const share = (count) => fields_formatPercent(fields_ratio(count, state.size));
    return markdown_blocks(markdown_heading(3, 'Users'), markdown_table(['Metric', 'Value', 'Share of active users'], [
        [`Active users (${when})`, fields_formatNumber(state.size), ''],
        ...FLAGS.map(([, label], i) => [
            `${label} (${when})`,
            fields_formatNumber(flagCount(state, i)),
            share(flagCount(state, i)),
        ]),
        ['Acceptance rate (code completions)', fields_formatPercent(completionRate(state.featureTotals)), ''],
        ['AI credits used', fields_formatNumber(total, 2), ''],
        ['AI credits per user, p50', fields_formatNumber(percentile(credits, 50), 2), ''],
        ['AI credits per user, p90', fields_formatNumber(percentile(credits, 90), 2), ''],
    ]), chatModeTable(state.featureTotals), originTable(state.featureTotals), markdown_heading(3, 'Who uses what'), usersPer('Users per IDE', 'IDE', state.ides, state, state.ideNames), usersPer('Users per feature (all)', 'Feature', state.features, state, state.featureNames), usersPer('Users per language', 'Language', state.languages, state, state.languageNames), usersPer('Users per model', 'Model', state.models, state, state.modelNames), phasesTable(state), topUsers(state, context));
}
const usersAnalyzer = { create, add: users_add, merge, render };

;// CONCATENATED MODULE: ./src/insights/analyzers.ts




/** The analyzer of each kind of report content. */
const ANALYZERS = {
    aggregate: aggregateAnalyzer,
    users: usersAnalyzer,
    'user-teams': userTeamsAnalyzer,
    repos: reposAnalyzer,
};

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/insights/schema.ts

const ACTIVITY_FIELDS = [
    'user_initiated_interaction_count',
    'code_generation_activity_count',
    'code_acceptance_activity_count',
    'loc_suggested_to_add_sum',
    'loc_suggested_to_delete_sum',
    'loc_added_sum',
    'loc_deleted_sum',
];
/** Breakdown lists and sections of day and user records. */
const BREAKDOWNS = [
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
const ROW_FIELDS = {
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
function newDrift() {
    return { fields: new Set(), features: new Set() };
}
// Both run for every record: they walk the record in place, with no arrays of keys or entries.
function noteFeatures(drift, record) {
    for (const key of FEATURE_BREAKDOWNS) {
        const entries = record[key];
        if (!Array.isArray(entries))
            continue;
        for (const entry of entries) {
            const feature = entry?.feature;
            if (typeof feature === 'string' && !KNOWN_FEATURES.has(feature))
                drift.features.add(feature);
        }
    }
}
function noteFields(drift, record, known, prefix = '') {
    for (const key in record)
        if (!known.has(key))
            drift.fields.add(`${prefix}${key}`);
}
const rowFieldSets = Object.fromEntries(Object.entries(ROW_FIELDS).map(([content, fields]) => [content, new Set(fields)]));
/** Notes what in `record` the documented schema does not know. */
function noteDrift(drift, content, record) {
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
    }
    else {
        noteFields(drift, record, DAY_RECORD_FIELDS);
        noteFeatures(drift, record);
    }
}
function mergeDrift(into, from) {
    from.fields.forEach((field) => into.fields.add(field));
    from.features.forEach((feature) => into.features.add(feature));
}

;// CONCATENATED MODULE: ./src/insights/csv.ts




/** Documented fields that hold objects or lists, which a CSV leaves out. */
const NESTED = new Set(['ai_adoption_phase', 'pull_requests', 'pull_request_review_times', ...BREAKDOWNS]);
/** The documented top-level scalar fields, in the order the CSV columns take. */
function csvColumns(content) {
    return ROW_FIELDS[content].filter((field) => !NESTED.has(field));
}
function isScalar(value) {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
function csvField(value) {
    if (value === null || value === undefined)
        return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvLine(values) {
    return `${values.map(csvField).join(',')}\r\n`;
}
/**
 * Writes one CSV file: a header, then a line per record, hashing and counting on the way.
 * Unknown scalar fields are noted in `extra` (the caller rewrites the file to add them).
 */
class CsvWriter {
    file;
    columns;
    login;
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    stream;
    pending = [];
    pendingLength = 0;
    bytes = 0;
    rows = 0;
    extra = new Set();
    known;
    /** `header: false` writes the rows only (a part's share of the period's CSV). */
    constructor(file, columns, login, header = true) {
        this.file = file;
        this.columns = columns;
        this.login = login;
        this.known = new Set(columns);
        this.stream = (0,external_node_fs_namespaceObject.createWriteStream)(file);
        if (header)
            this.push(csvLine(columns));
    }
    /** Adds a record; resolves when the file can take more. */
    row(record) {
        for (const key in record)
            if (!this.known.has(key) && isScalar(record[key]))
                this.extra.add(key);
        const values = this.columns.map((column) => column === 'user_login' && typeof record[column] === 'string' ? this.login(record[column]) : record[column]);
        this.rows++;
        this.push(csvLine(values));
        return this.pendingLength >= 256 * 1024 ? this.flush() : undefined;
    }
    push(line) {
        this.pending.push(line);
        this.pendingLength += line.length;
    }
    async flush() {
        if (this.pending.length === 0)
            return;
        const data = Buffer.from(this.pending.join(''));
        this.pending = [];
        this.pendingLength = 0;
        this.hash.update(data);
        this.bytes += data.length;
        if (!this.stream.write(data))
            await (0,external_node_events_namespaceObject.once)(this.stream, 'drain');
    }
    async close() {
        await this.flush();
        this.stream.end();
        await (0,external_node_events_namespaceObject.once)(this.stream, 'finish');
        return { bytes: this.bytes, sha256: this.hash.digest('hex'), records: this.rows };
    }
    /** Stops writing (the part is downloaded again); the file is rewritten from the start. */
    async abandon() {
        if (this.stream.closed)
            return;
        const closed = (0,external_node_events_namespaceObject.once)(this.stream, 'close');
        this.stream.destroy();
        await closed;
    }
}
/**
 * Joins the parts' rows into one CSV with one header, in part order: bytes are copied, no
 * record is parsed again.
 */
async function joinCsv(file, columns, bodies, records) {
    const hash = createHash('sha256');
    const stream = createWriteStream(file);
    let bytes = 0;
    const write = async (data) => {
        hash.update(data);
        bytes += data.length;
        if (!stream.write(data))
            await once(stream, 'drain');
    };
    try {
        await write(Buffer.from(csvLine(columns)));
        for (const body of bodies)
            for await (const chunk of createReadStream(body))
                await write(chunk);
    }
    finally {
        stream.end();
    }
    await once(stream, 'finish');
    return { bytes, sha256: hash.digest('hex'), records };
}

;// CONCATENATED MODULE: ./src/insights/line-splitter.ts
/**
 * Splits chunks into lines; a line may span any number of chunks. A line longer than
 * `maxLineBytes` is never held whole: its bytes are dropped as they come, and it is reported
 * to `onOversized` instead of `onLine` when it ends.
 */
class line_splitter_LineSplitter {
    onLine;
    maxLineBytes;
    onOversized;
    carry = [];
    carried = 0;
    /** Inside a line already longer than the limit. */
    skipping = false;
    constructor(onLine, maxLineBytes = Infinity, onOversized = () => undefined) {
        this.onLine = onLine;
        this.maxLineBytes = maxLineBytes;
        this.onOversized = onOversized;
    }
    push(chunk) {
        let start = 0;
        for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
            if (this.skipping || this.carried + end - start > this.maxLineBytes)
                this.onOversized();
            else if (this.carry.length > 0) {
                this.carry.push(chunk.subarray(start, end));
                this.onLine(Buffer.concat(this.carry).toString('utf8'));
            }
            else {
                this.onLine(chunk.toString('utf8', start, end));
            }
            // Most lines lie within one chunk and leave nothing to reset: no new array per line.
            if (this.carried !== 0 || this.skipping)
                this.reset();
            start = end + 1;
        }
        if (start >= chunk.length || this.skipping)
            return;
        if (this.carried + chunk.length - start > this.maxLineBytes) {
            this.reset();
            this.skipping = true;
            return;
        }
        // Copied: the caller may reuse the chunk's memory.
        this.carry.push(Buffer.from(chunk.subarray(start)));
        this.carried += chunk.length - start;
    }
    /** The last line, when the input does not end with a newline. */
    end() {
        if (this.skipping)
            this.onOversized();
        else if (this.carry.length > 0)
            this.onLine(Buffer.concat(this.carry).toString('utf8'));
        this.reset();
    }
    reset() {
        this.carry = [];
        this.carried = 0;
        this.skipping = false;
    }
}

;// CONCATENATED MODULE: ./src/insights/pseudonymize.ts

/** A login's stable pseudonym: the first 16 hex characters of HMAC-SHA256(key, login). */
function pseudonym(key, login) {
    return (0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(login).digest('hex').slice(0, 16);
}
/** How derived files and the summary show a login: as is, or pseudonymized when a key is set. */
function loginShower(key) {
    return key ? (login) => pseudonym(key, login) : (login) => login;
}

;// CONCATENATED MODULE: ./src/insights/team-rollup.ts
/**
 * The team rollup of a users report: for each team of one day's user-teams report (the same
 * day for users-1-day, the period's newest for users-28-day), its active users, their flags and
 * the sums of their activity. Teams with fewer than 5 seats are not in
 * the user-teams report, and a user in two teams counts in both.
 */






const SUMMED = ['ai_credits_used', ...ACTIVITY_FIELDS];
const TEAM_COLUMNS = [
    'day',
    'team_id',
    'team_slug',
    'members',
    'active_users',
    'chat_users',
    'agent_users',
    'cli_users',
    ...SUMMED,
    'code_completion_generation_count',
    'code_completion_acceptance_count',
];
function userKey(record) {
    const id = record.user_id ?? record.user_login;
    return id === undefined || id === null ? undefined : String(id);
}
async function readTeamDirectory(files) {
    const directory = { teams: new Map(), byUser: new Map() };
    const onLine = (line) => {
        if (!line.trim())
            return;
        let record;
        try {
            record = JSON.parse(line);
        }
        catch {
            return; // counted when the user-teams report itself is analysed
        }
        const user = userKey(record);
        if (user === undefined || record.team_id === undefined || record.team_id === null)
            return;
        const key = String(record.team_id);
        const team = directory.teams.get(key) ?? {
            id: record.team_id,
            slug: str(record, 'slug') ?? key,
            members: 0,
        };
        team.members++;
        directory.teams.set(key, team);
        directory.byUser.set(user, [...(directory.byUser.get(user) ?? []), key]);
    };
    for (const file of files) {
        const splitter = new LineSplitter(onLine, MAX_RECORD_BYTES);
        for await (const chunk of createReadStream(file))
            splitter.push(chunk);
        splitter.end();
    }
    return directory;
}
/** The `used_*` flags counted per team, as users with the flag true at least once. */
const TEAM_FLAGS = [
    ['used_chat', 'chat_users'],
    ['used_agent', 'agent_users'],
    ['used_cli', 'cli_users'],
];
function newRollup() {
    return { teams: new Map() };
}
function tallyOf(state, team) {
    let tally = state.teams.get(team);
    if (!tally) {
        tally = {
            active: new Set(),
            flagged: TEAM_FLAGS.map(() => new Set()),
            sums: {},
            suggested: undefined,
            accepted: undefined,
        };
        state.teams.set(team, tally);
    }
    return tally;
}
/** The code_completion entry of a record's totals_by_feature, found without a copy of the list. */
function completionOf(record) {
    const entries = record.totals_by_feature;
    if (!Array.isArray(entries))
        return undefined;
    for (const entry of entries)
        if (entry?.feature === 'code_completion')
            return entry;
    return undefined;
}
function addToRollup(state, directory, record) {
    const user = userKey(record);
    const teams = user === undefined ? undefined : directory.byUser.get(user);
    if (!teams)
        return;
    const completion = completionOf(record);
    for (const team of teams) {
        const tally = tallyOf(state, team);
        tally.active.add(user);
        for (let i = 0; i < TEAM_FLAGS.length; i++)
            if (record[TEAM_FLAGS[i][0]] === true)
                tally.flagged[i].add(user);
        for (const field of SUMMED)
            tally.sums[field] = fields_add(tally.sums[field], fields_num(record, field));
        tally.suggested = fields_add(tally.suggested, fields_num(completion, 'code_generation_activity_count'));
        tally.accepted = fields_add(tally.accepted, fields_num(completion, 'code_acceptance_activity_count'));
    }
}
function mergeRollup(into, from) {
    for (const [team, tally] of from.teams) {
        const known = tallyOf(into, team);
        tally.active.forEach((user) => known.active.add(user));
        tally.flagged.forEach((users, i) => users.forEach((user) => known.flagged[i].add(user)));
        for (const field of SUMMED)
            known.sums[field] = add(known.sums[field], tally.sums[field]);
        known.suggested = add(known.suggested, tally.suggested);
        known.accepted = add(known.accepted, tally.accepted);
    }
}
/** Sums in derived files keep 2 decimals (integers stay integers): no 74.42999999999999. */
const round2 = (value) => Math.round(value * 100) / 100;
/**
 * One row per team, by slug. A team without active users has 0 activity; a field that none of
 * its active users reported is null (unknown), not 0.
 */
function rollupRows(state, directory, day) {
    return [...directory.teams]
        .sort((a, b) => a[1].slug.localeCompare(b[1].slug))
        .map(([key, team]) => {
        const tally = state.teams.get(key);
        const active = tally?.active.size ?? 0;
        const known = (value) => (active === 0 ? 0 : value === undefined ? null : round2(value));
        return {
            day,
            team_id: team.id,
            team_slug: team.slug,
            members: team.members,
            active_users: active,
            ...Object.fromEntries(TEAM_FLAGS.map(([, column], i) => [column, tally?.flagged[i].size ?? 0])),
            ...Object.fromEntries(SUMMED.map((field) => [field, known(tally?.sums[field])])),
            code_completion_generation_count: known(tally?.suggested),
            code_completion_acceptance_count: known(tally?.accepted),
        };
    });
}
/** The team table of the summary: one row per team, side by side. */
function teamsSummary(rows, day) {
    const count = (row, key) => num(row, key);
    const sorted = [...rows].sort((a, b) => (count(b, 'active_users') ?? 0) - (count(a, 'active_users') ?? 0) ||
        String(a.team_slug).localeCompare(String(b.team_slug)));
    return blocks(heading(3, `Teams side by side (members on ${day}), most active users first`), rows.length === 0
        ? 'No team in the user-teams report.'
        : table([
            'Team',
            'Members',
            'Active users',
            'Active share',
            'Interactions',
            'Acceptance rate (code completions)',
            'Chat users',
            'Agent users',
            'CLI users',
        ], sorted.map((row) => [
            String(row.team_slug),
            formatNumber(count(row, 'members')),
            formatNumber(count(row, 'active_users')),
            formatPercent(ratio(count(row, 'active_users'), count(row, 'members'))),
            formatNumber(count(row, 'user_initiated_interaction_count')),
            formatPercent(ratio(count(row, 'code_completion_acceptance_count'), count(row, 'code_completion_generation_count'))),
            formatNumber(count(row, 'chat_users')),
            formatNumber(count(row, 'agent_users')),
            formatNumber(count(row, 'cli_users')),
        ])), 'GitHub leaves teams with fewer than 5 seats out of the user-teams report, so they are not in this table. A user in several teams counts in each.');
}

;// CONCATENATED MODULE: ./src/insights/part-analysis.ts








/** A line's record, or undefined when it is not a JSON object. */
function parseRecord(line) {
    try {
        const value = JSON.parse(line);
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
class PartAnalysis {
    options;
    analyzer;
    content;
    state;
    drift = newDrift();
    invalid = 0;
    oversized = 0;
    rollup = newRollup();
    csv;
    pending = [];
    splitter = new line_splitter_LineSplitter((line) => this.line(line), tuning_MAX_RECORD_BYTES, () => this.oversized++);
    constructor(options) {
        this.options = options;
        this.content = usageContent(options.report);
        this.analyzer = ANALYZERS[this.content];
        this.state = this.analyzer.create(options.analyzer);
        this.csv = this.newCsv();
    }
    newCsv() {
        const { csvFile, pseudonymizeKey } = this.options;
        return csvFile
            ? new CsvWriter(csvFile, csvColumns(this.content), loginShower(pseudonymizeKey), false)
            : undefined;
    }
    line(text) {
        if (!text.trim())
            return;
        const record = parseRecord(text);
        if (!record) {
            this.invalid++;
            return;
        }
        this.analyzer.add(this.state, record);
        noteDrift(this.drift, this.content, record);
        if (this.options.teams)
            addToRollup(this.rollup, this.options.teams, record);
        const busy = this.csv?.row(record);
        if (busy)
            this.pending.push(busy);
    }
    /** Resolves when the CSV can take more. */
    write(chunk) {
        this.splitter.push(chunk);
        if (this.pending.length === 0)
            return undefined;
        const busy = Promise.all(this.pending).then(() => undefined);
        this.pending = [];
        return busy;
    }
    /** The download starts over: forget what was seen. */
    async restart() {
        await this.abandon();
        this.splitter.reset();
        this.state = this.analyzer.create(this.options.analyzer);
        this.drift = newDrift();
        this.invalid = 0;
        this.oversized = 0;
        this.rollup = newRollup();
        this.csv = this.newCsv();
    }
    async end() {
        this.splitter.end();
        await Promise.all(this.pending);
        const csv = this.csv && { ...(await this.csv.close()), extra: [...this.csv.extra] };
        const { state, drift, invalid, oversized, rollup } = this;
        return { state, drift, invalid, oversized, rollup, csv };
    }
    /** Stops writing: the part is downloaded again, or the period failed. */
    async abandon() {
        await Promise.all(this.pending).catch(() => undefined);
        this.pending = [];
        await this.csv?.abandon();
    }
}

;// CONCATENATED MODULE: ./src/threads/part-reader.ts


/**
 * One part's analysis, fed from the part's file as far as the download has written it: by an
 * analysis thread while the part downloads, or by the main thread for a small part once it is
 * complete.
 */
class PartReader {
    file;
    analysis;
    fd = -1;
    position = 0;
    constructor(options, file) {
        this.file = file;
        this.analysis = new PartAnalysis(options);
    }
    /** Analyses the file's bytes up to `bytes`, those the download has written, read into `slab`. */
    async readTo(bytes, slab) {
        if (this.position >= bytes)
            return;
        if (this.fd === -1)
            this.fd = (0,external_node_fs_namespaceObject.openSync)(this.file, 'r');
        while (this.position < bytes) {
            const read = (0,external_node_fs_namespaceObject.readSync)(this.fd, slab, 0, Math.min(slab.length, bytes - this.position), this.position);
            if (read === 0)
                throw new Error(`${this.file} ended after ${this.position} of ${bytes} bytes`);
            this.position += read;
            await this.analysis.write(slab.subarray(0, read));
        }
    }
    async restart() {
        this.close();
        this.position = 0;
        await this.analysis.restart();
    }
    close() {
        if (this.fd !== -1)
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        this.fd = -1;
    }
}

;// CONCATENATED MODULE: ./src/threads/part-worker.ts
/**
 * Worker thread entry, bundled on its own as dist/part-worker/index.js. It analyses each
 * part's records by reading the part's file as the download writes it, so that parsing runs
 * beside the downloads without holding them back: a slow analysis reads later from disk
 * (the page cache, mostly) instead of stalling the network.
 */



/** Bytes read at a time: big reads keep the per-read cost small. */
const READ_SIZE = 1024 * 1024;
const port = external_node_worker_threads_namespaceObject.parentPort;
const parts = new Map();
/** Parts whose reading failed between requests, with the failure to answer the next one. */
const failed = new Map();
/** One buffer for every read: parts are read one after another. */
const slab = Buffer.allocUnsafeSlow(READ_SIZE);
// Messages are handled one after another, in the order they were sent.
let queue = Promise.resolve();
function part(id) {
    const found = parts.get(id);
    if (!found)
        throw new Error(`no part ${id}`);
    return found;
}
async function handle(message) {
    try {
        switch (message.type) {
            case 'start':
                parts.set(message.id, new PartReader(message.options, message.file));
                return;
            case 'written':
                // A failed part answers its next request with the failure; until then it is skipped.
                if (!failed.has(message.id))
                    await part(message.id).readTo(message.bytes, slab);
                return;
            case 'restart':
                failed.delete(message.id);
                await part(message.id).restart();
                break;
            case 'end': {
                const failure = failed.get(message.id);
                if (failure)
                    throw failure;
                const reader = part(message.id);
                await reader.readTo(message.bytes, slab);
                reader.close();
                const result = await reader.analysis.end();
                parts.delete(message.id);
                const columns = stateColumns(result.state);
                freeOldColumns(columns);
                // The columns' memory moves to the main thread rather than being copied: this thread's
                // copy would stay until its next full collection.
                port.postMessage({ type: 'done', id: message.id, result }, columns.map((column) => column.buffer));
                return;
            }
            case 'abandon': {
                const reader = parts.get(message.id);
                reader?.close();
                await reader?.analysis.abandon();
                parts.delete(message.id);
                failed.delete(message.id);
                break;
            }
        }
        port.postMessage({ type: 'done', id: message.id });
    }
    catch (error) {
        if (message.type === 'written') {
            failed.set(message.id, error);
            return;
        }
        const text = error instanceof Error ? error.message : String(error);
        port.postMessage({ type: 'error', id: message.id, message: text });
    }
}
port.on('message', (message) => {
    queue = queue.then(() => handle(message));
});


//# sourceMappingURL=index.js.map