import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
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
};
const REPORT_NAMES = Object.keys(REPORTS);
function isReportName(value) {
    return Object.hasOwn(REPORTS, value);
}
/** The Octokit route of a report, e.g. `GET /orgs/{org}/copilot/metrics/reports/users-1-day`. */
function reportRoute(scope, report) {
    const owner = scope === 'enterprise' ? '/enterprises/{enterprise}' : '/orgs/{org}';
    const latest = REPORTS[report].span === '28-day' ? '/latest' : '';
    return `GET ${owner}/copilot/metrics/reports/${report}${latest}`;
}
/** The route parameter that carries the slug. */
function slugParameter(scope) {
    return scope === 'enterprise' ? 'enterprise' : 'org';
}

;// CONCATENATED MODULE: ./src/insights/fields.ts
/** Reading report fields that may be missing or null: such a field is "n/a", never 0. */
function num(record, key) {
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
function ratio(part, whole) {
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
function formatNumber(value, digits = 0) {
    if (value === undefined)
        return 'n/a';
    return value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
    });
}
function formatPercent(value) {
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
function table(header, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
function heading(level, text) {
    return `${'#'.repeat(level)} ${text}`;
}
/** Blocks separated by blank lines, as Markdown needs. */
function blocks(...parts) {
    return parts.filter(Boolean).join('\n\n');
}

;// CONCATENATED MODULE: ./src/insights/aggregate.ts


const newBreakdown = () => ({ interactions: new Map(), generations: new Map() });
function addBreakdown(breakdown, entries, key) {
    for (const entry of entries) {
        const name = fields_str(entry, key);
        if (name === undefined)
            continue;
        addTo(breakdown.interactions, name, num(entry, 'user_initiated_interaction_count'));
        addTo(breakdown.generations, name, num(entry, 'code_generation_activity_count'));
    }
}
function figures(day) {
    const completion = list(day, 'totals_by_feature').find((entry) => entry.feature === 'code_completion');
    const prs = obj(day, 'pull_requests');
    return {
        day: fields_str(day, 'day') ?? '',
        dailyActive: num(day, 'daily_active_users'),
        weeklyActive: num(day, 'weekly_active_users'),
        monthlyActive: num(day, 'monthly_active_users'),
        monthlyChat: num(day, 'monthly_active_chat_users'),
        monthlyAgent: num(day, 'monthly_active_agent_users'),
        interactions: num(day, 'user_initiated_interaction_count'),
        suggested: num(completion, 'code_generation_activity_count'),
        accepted: num(completion, 'code_acceptance_activity_count'),
        locAdded: num(day, 'loc_added_sum'),
        locDeleted: num(day, 'loc_deleted_sum'),
        prCreated: num(prs, 'total_created'),
        prMerged: num(prs, 'total_merged'),
        prByCopilot: num(prs, 'total_created_by_copilot'),
        prReviewedByCopilot: num(prs, 'total_reviewed_by_copilot'),
    };
}
const sum = (days, key) => days.reduce((total, day) => fields_add(total, day[key]), undefined);
function topTable(label, breakdown, limit = 5) {
    const activity = (name) => (breakdown.interactions.get(name) ?? 0) + (breakdown.generations.get(name) ?? 0);
    const names = [...breakdown.generations.keys()].sort((a, b) => activity(b) - activity(a) || a.localeCompare(b));
    if (names.length === 0)
        return '';
    return table([label, 'Interactions', 'Code generations'], names
        .slice(0, limit)
        .map((name) => [
        name,
        formatNumber(breakdown.interactions.get(name)),
        formatNumber(breakdown.generations.get(name)),
    ]));
}
function tops(state) {
    return blocks(heading(3, 'Top IDEs, features, languages and models'), topTable('IDE', state.ides), topTable('Feature', state.features), topTable('Language', state.languages), topTable('Model', state.models));
}
function pullRequests(days) {
    return table(['Pull requests created', 'Merged', 'Created by Copilot', 'Reviewed by Copilot'], [
        [sum(days, 'prCreated'), sum(days, 'prMerged'), sum(days, 'prByCopilot'), sum(days, 'prReviewedByCopilot')].map((v) => formatNumber(v)),
    ]);
}
function renderDay(state) {
    const [day] = state.days;
    return blocks(heading(3, `Activity on ${day.day}`), table(['Metric', 'Value'], [
        ['Daily active users', formatNumber(day.dailyActive)],
        ['Weekly active users', formatNumber(day.weeklyActive)],
        ['Monthly active users', formatNumber(day.monthlyActive)],
        ['Monthly active chat users', formatNumber(day.monthlyChat)],
        ['Monthly active agent users', formatNumber(day.monthlyAgent)],
        ['Interactions', formatNumber(day.interactions)],
        ['Code completions suggested', formatNumber(day.suggested)],
        ['Code completions accepted', formatNumber(day.accepted)],
        ['Acceptance rate', formatPercent(ratio(day.accepted, day.suggested))],
        ['Lines of code added', formatNumber(day.locAdded)],
        ['Lines of code deleted', formatNumber(day.locDeleted)],
    ]), pullRequests(state.days), tops(state));
}
/** Acceptance rate over the first and the last 7 days of the period. */
function trend(days) {
    if (days.length < 14)
        return '';
    const rate = (week) => ratio(sum(week, 'accepted'), sum(week, 'suggested'));
    const first = rate(days.slice(0, 7));
    const last = rate(days.slice(-7));
    const change = first === undefined || last === undefined
        ? ''
        : ` (${last >= first ? '+' : ''}${((last - first) * 100).toFixed(1)} points)`;
    return `Acceptance rate trend: ${formatPercent(first)} in the first 7 days, ${formatPercent(last)} in the last 7 days${change}.`;
}
/** Mermaid's xychart-beta; missing values are drawn as 0 since a line cannot skip a point. */
function chart(days) {
    const values = (key) => `[${days.map((day) => day[key] ?? 0).join(', ')}]`;
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Daily (lower line) and weekly active users"',
        `  x-axis [${days.map((day) => `"${day.day.slice(5)}"`).join(', ')}]`,
        '  y-axis "Users"',
        `  line ${values('dailyActive')}`,
        `  line ${values('weeklyActive')}`,
        '```',
    ].join('\n');
}
function renderPeriod(state) {
    const days = [...state.days].sort((a, b) => a.day.localeCompare(b.day));
    const last = days.at(-1);
    return blocks(heading(3, `${days[0].day} to ${last.day} (${days.length} days)`), chart(days), table(['Period total', 'Value'], [
        ['Monthly active users (last day)', formatNumber(last.monthlyActive)],
        ['Interactions', formatNumber(sum(days, 'interactions'))],
        ['Code completions suggested', formatNumber(sum(days, 'suggested'))],
        ['Code completions accepted', formatNumber(sum(days, 'accepted'))],
        ['Acceptance rate', formatPercent(ratio(sum(days, 'accepted'), sum(days, 'suggested')))],
        ['Lines of code added', formatNumber(sum(days, 'locAdded'))],
        ['Lines of code deleted', formatNumber(sum(days, 'locDeleted'))],
    ]), trend(days), pullRequests(days), table(['Day', 'Daily active', 'Weekly active', 'Interactions', 'Suggested', 'Accepted', 'Acceptance rate'], days.map((day) => [
        day.day,
        formatNumber(day.dailyActive),
        formatNumber(day.weeklyActive),
        formatNumber(day.interactions),
        formatNumber(day.suggested),
        formatNumber(day.accepted),
        formatPercent(ratio(day.accepted, day.suggested)),
    ])), tops(state));
}
/** Day records of a record: a 1-day file holds one; a 28-day file lists them in day_totals. */
function dayRecords(record) {
    return Array.isArray(record.day_totals) ? list(record, 'day_totals') : [record];
}
const aggregateAnalyzer = {
    create: () => ({
        days: [],
        ides: newBreakdown(),
        features: newBreakdown(),
        languages: newBreakdown(),
        models: newBreakdown(),
    }),
    add(state, record) {
        for (const day of dayRecords(record)) {
            state.days.push(figures(day));
            addBreakdown(state.ides, list(day, 'totals_by_ide'), 'ide');
            addBreakdown(state.features, list(day, 'totals_by_feature'), 'feature');
            addBreakdown(state.languages, list(day, 'totals_by_language_feature'), 'language');
            addBreakdown(state.models, list(day, 'totals_by_model_feature'), 'model');
        }
    },
    merge(into, from) {
        into.days.push(...from.days);
        for (const key of ['ides', 'features', 'languages', 'models']) {
            mergeSums(into[key].interactions, from[key].interactions);
            mergeSums(into[key].generations, from[key].generations);
        }
    },
    render: (state) => (state.days.length === 0 ? '' : state.days.length === 1 ? renderDay(state) : renderPeriod(state)),
};

;// CONCATENATED MODULE: ./src/insights/repos.ts


const PR_FIELDS = [
    ['total_created', 'Pull requests created'],
    ['total_merged', 'Merged'],
    ['total_reviewed', 'Reviewed'],
    ['total_created_by_copilot', 'Created by Copilot'],
    ['total_reviewed_by_copilot', 'Reviewed by Copilot'],
];
function activity(repo) {
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
            addTo(repo.prs, field, num(prs, field));
            addTo(state.totals, field, num(prs, field));
        }
        state.repos.set(key, repo);
        const minutes = num(prs, 'median_minutes_to_merge');
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
        for (const [field, value] of from.totals)
            addTo(into.totals, field, value);
        into.medians.push(...from.medians);
    },
    render(state) {
        const active = [...state.repos.values()].sort((a, b) => activity(b) - activity(a) || a.name.localeCompare(b.name));
        return blocks(heading(3, 'Pull requests'), table(['Metric', 'Value'], [
            ['Repositories with activity', formatNumber(state.repos.size)],
            ...PR_FIELDS.map(([field, label]) => [label, formatNumber(state.totals.get(field))]),
            [
                'Median time to merge (median of the repositories\u2019 medians, minutes)',
                formatNumber(median(state.medians), 1),
            ],
        ]), active.length > 0 &&
            table(['Most active repositories', 'Visibility', ...PR_FIELDS.map(([, label]) => label)], active
                .slice(0, 10)
                .map((repo) => [
                repo.name,
                repo.visibility,
                ...PR_FIELDS.map(([field]) => formatNumber(repo.prs.get(field))),
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
        return blocks(heading(3, 'Teams'), table(['Metric', 'Value'], [
            ['Teams', formatNumber(state.teams.size)],
            ['Users in a team', formatNumber(state.users.size)],
        ]), largest.length > 0 &&
            table(['Largest teams', 'Members'], largest.map((team) => [team.slug, formatNumber(team.members)])));
    },
};

;// CONCATENATED MODULE: ./src/insights/users.ts


/** The `used_*` flags the summary counts users by. */
const FLAGS = [
    ['used_chat', 'Chat users'],
    ['used_agent', 'Agent users'],
    ['used_cli', 'CLI users'],
    ['used_copilot_coding_agent', 'Coding agent users'],
];
/** Bit sets of names (IDEs, features) hold up to 31; later names count as "other". */
const MAX_NAMES = 31;
const OTHER = 'other';
const COLUMNS = [
    'credits',
    'interactions',
    'generations',
    'acceptances',
    'lastDay',
    'phase',
    'ides',
    'features',
    'flags',
];
function create(options) {
    const capacity = 1024;
    return {
        keys: options.rowsAreUsers ? undefined : new Map(),
        keepLogins: options.keepLogins,
        size: 0,
        logins: [],
        credits: new Float64Array(capacity),
        interactions: new Float64Array(capacity),
        generations: new Float64Array(capacity),
        acceptances: new Float64Array(capacity),
        lastDay: new Int32Array(capacity),
        phase: new Int16Array(capacity),
        phases: [],
        ides: new Int32Array(capacity),
        ideNames: [],
        features: new Int32Array(capacity),
        featureNames: [],
        flags: new Uint8Array(capacity),
    };
}
function grow(state) {
    for (const column of COLUMNS) {
        const old = state[column];
        const bigger = new old.constructor(old.length * 2);
        bigger.set(old);
        state[column] = bigger;
    }
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
    state.credits[row] = state.interactions[row] = state.generations[row] = state.acceptances[row] = Number.NaN;
    state.lastDay[row] = -1;
    state.phase[row] = -1;
    state.ides[row] = state.features[row] = state.flags[row] = 0;
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
    const index = state.phases.findIndex((phase) => phase.name === name);
    return index !== -1 ? index : state.phases.push({ name, number }) - 1;
}
function users_add(state, record) {
    const id = record.user_id ?? record.user_login;
    if (typeof id !== 'number' && typeof id !== 'string')
        return;
    const login = typeof record.user_login === 'string' ? record.user_login : undefined;
    const row = rowOf(state, id, login);
    addValue(state.credits, row, record.ai_credits_used);
    addValue(state.interactions, row, record.user_initiated_interaction_count);
    addValue(state.generations, row, record.code_generation_activity_count);
    addValue(state.acceptances, row, record.code_acceptance_activity_count);
    const day = typeof record.day === 'string' ? Number(record.day.replace(/-/g, '')) || 0 : 0;
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
    FLAGS.forEach(([flag], i) => {
        const value = record[flag];
        if (typeof value === 'boolean')
            state.flags[row] |= (1 << (2 * i)) | (value ? 1 << (2 * i + 1) : 0);
    });
}
/** Re-maps a bit set from one table of names to another. */
function remap(mask, from, into) {
    let result = 0;
    from.forEach((name, i) => {
        if (mask & (1 << i))
            result |= bit(into, name);
    });
    return result;
}
/** Adds a user's row of `from` into `into`. */
function mergeRow(into, key, from, source) {
    const row = rowOf(into, key, from.logins[source]);
    addValue(into.credits, row, from.credits[source]);
    addValue(into.interactions, row, from.interactions[source]);
    addValue(into.generations, row, from.generations[source]);
    addValue(into.acceptances, row, from.acceptances[source]);
    if (from.lastDay[source] >= into.lastDay[row]) {
        into.lastDay[row] = from.lastDay[source];
        const phase = from.phases[from.phase[source]];
        into.phase[row] = phase ? phaseIndex(into, phase.name, phase.number) : -1;
    }
    into.ides[row] |= remap(from.ides[source], from.ideNames, into.ideNames);
    into.features[row] |= remap(from.features[source], from.featureNames, into.featureNames);
    into.flags[row] |= from.flags[source];
}
function merge(into, from) {
    if (from.keys)
        for (const [key, source] of from.keys)
            mergeRow(into, key, from, source);
    // Rows are users: each row is added as it is.
    else
        for (let source = 0; source < from.size; source++)
            mergeRow(into, source, from, source);
}
function countNames(mask, size, names) {
    return names
        .map((name, i) => {
        let count = 0;
        for (let row = 0; row < size; row++)
            if (mask[row] & (1 << i))
                count++;
        return [name, count];
    })
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, count]) => [name, formatNumber(count)]);
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
    return table(['Adoption phase', 'Users', ''], rows.map((row) => [
        row.phase.name,
        formatNumber(row.users),
        '█'.repeat(Math.max(1, Math.round((row.users / most) * 20))),
    ]));
}
const known = (value) => (Number.isNaN(value) ? undefined : value);
function topUsers(state, context) {
    if (context.topUsers <= 0)
        return '';
    const rank = (row) => (Number.isNaN(state.interactions[row]) ? -1 : state.interactions[row]);
    const rows = Array.from({ length: state.size }, (_, row) => row)
        .filter((row) => state.logins[row] !== undefined)
        .sort((a, b) => rank(b) - rank(a) || state.logins[a].localeCompare(state.logins[b]))
        .slice(0, context.topUsers);
    return blocks(heading(3, `Top ${rows.length} users by interactions`), table(['User', 'Interactions', 'Code generations', 'Acceptances', 'AI credits used'], rows.map((row) => [
        context.login(state.logins[row]),
        formatNumber(known(state.interactions[row])),
        formatNumber(known(state.generations[row])),
        formatNumber(known(state.acceptances[row])),
        formatNumber(known(state.credits[row]), 2),
    ])));
}
function render(state, context) {
    if (state.size === 0)
        return blocks(heading(3, 'Users'), 'No user rows.');
    const credits = Array.from(state.credits.subarray(0, state.size))
        .filter((value) => !Number.isNaN(value))
        .sort((a, b) => a - b);
    const total = credits.length === 0 ? undefined : credits.reduce((a, b) => a + b, 0);
    return blocks(heading(3, 'Users'), table(['Metric', 'Value'], [
        ['Active users', formatNumber(state.size)],
        ...FLAGS.map(([, label], i) => [label, formatNumber(flagCount(state, i))]),
        ['AI credits used', formatNumber(total, 2)],
        ['AI credits per user, p50', formatNumber(percentile(credits, 50), 2)],
        ['AI credits per user, p90', formatNumber(percentile(credits, 90), 2)],
    ]), state.ideNames.length > 0 && table(['IDE', 'Users'], countNames(state.ides, state.size, state.ideNames)), state.featureNames.length > 0 &&
        table(['Feature', 'Users'], countNames(state.features, state.size, state.featureNames)), phasesTable(state), topUsers(state, context));
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
function noteFeatures(drift, record) {
    for (const key of FEATURE_BREAKDOWNS) {
        for (const entry of list(record, key)) {
            if (typeof entry.feature === 'string' && !KNOWN_FEATURES.has(entry.feature))
                drift.features.add(entry.feature);
        }
    }
}
function noteFields(drift, record, known, prefix = '') {
    for (const key of Object.keys(record))
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
    constructor(file, columns, login) {
        this.file = file;
        this.columns = columns;
        this.login = login;
        this.known = new Set(columns);
        this.stream = (0,external_node_fs_namespaceObject.createWriteStream)(file);
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

;// CONCATENATED MODULE: ./src/insights/line-splitter.ts
/** Splits chunks into lines; a line may span any number of chunks. */
class line_splitter_LineSplitter {
    onLine;
    carry = [];
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        let start = 0;
        for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
            if (this.carry.length > 0) {
                this.carry.push(chunk.subarray(start, end));
                this.onLine(Buffer.concat(this.carry).toString('utf8'));
                this.carry = [];
            }
            else {
                this.onLine(chunk.toString('utf8', start, end));
            }
            start = end + 1;
        }
        // Copied: the caller may reuse the chunk's memory.
        if (start < chunk.length)
            this.carry.push(Buffer.from(chunk.subarray(start)));
    }
    /** The last line, when the input does not end with a newline. */
    end() {
        if (this.carry.length > 0)
            this.onLine(Buffer.concat(this.carry).toString('utf8'));
        this.carry = [];
    }
    reset() {
        this.carry = [];
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
 * The team rollup of a users-1-day report: for each team of that day's user-teams report,
 * its active users and the sums of their activity. Teams with fewer than 5 seats are not in
 * the user-teams report, and a user in two teams counts in both.
 */




const SUMMED = ['ai_credits_used', ...ACTIVITY_FIELDS];
const TEAM_COLUMNS = ['day', 'team_id', 'team_slug', 'members', 'active_users', ...SUMMED];
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
        const splitter = new LineSplitter(onLine);
        for await (const chunk of createReadStream(file))
            splitter.push(chunk);
        splitter.end();
    }
    return directory;
}
function newRollup() {
    return { active: new Map(), sums: new Map() };
}
function addToRollup(state, directory, record) {
    const user = userKey(record);
    for (const team of (user && directory.byUser.get(user)) || []) {
        const active = state.active.get(team) ?? new Set();
        active.add(user);
        state.active.set(team, active);
        const sums = state.sums.get(team) ?? {};
        for (const field of SUMMED)
            sums[field] = fields_add(sums[field], num(record, field));
        state.sums.set(team, sums);
    }
}
function mergeRollup(into, from) {
    for (const [team, users] of from.active) {
        const known = into.active.get(team) ?? new Set();
        users.forEach((user) => known.add(user));
        into.active.set(team, known);
    }
    for (const [team, sums] of from.sums) {
        const known = into.sums.get(team) ?? {};
        for (const field of SUMMED)
            known[field] = add(known[field], sums[field]);
        into.sums.set(team, known);
    }
}
/**
 * One row per team, by slug. A team without active users has 0 activity; a field that none of
 * its active users reported is null (unknown), not 0.
 */
function rollupRows(state, directory, day) {
    return [...directory.teams]
        .sort((a, b) => a[1].slug.localeCompare(b[1].slug))
        .map(([key, team]) => {
        const active = state.active.get(key)?.size ?? 0;
        const sums = state.sums.get(key) ?? {};
        return {
            day,
            team_id: team.id,
            team_slug: team.slug,
            members: team.members,
            active_users: active,
            ...Object.fromEntries(SUMMED.map((field) => [field, active === 0 ? 0 : (sums[field] ?? null)])),
        };
    });
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
    rollup = newRollup();
    csv;
    pending = [];
    splitter = new line_splitter_LineSplitter((line) => this.line(line));
    constructor(options) {
        this.options = options;
        this.content = REPORTS[options.report].content;
        this.analyzer = ANALYZERS[this.content];
        this.state = this.analyzer.create(options.analyzer);
        this.csv = this.newCsv();
    }
    newCsv() {
        const { csvFile, pseudonymizeKey } = this.options;
        return csvFile
            ? new CsvWriter(csvFile, csvColumns(this.content), loginShower(pseudonymizeKey))
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
        this.splitter.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
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
        this.rollup = newRollup();
        this.csv = this.newCsv();
    }
    async end() {
        this.splitter.end();
        await Promise.all(this.pending);
        const csv = this.csv && { ...(await this.csv.close()), extra: [...this.csv.extra] };
        return { state: this.state, drift: this.drift, invalid: this.invalid, rollup: this.rollup, csv };
    }
    /** Stops writing: the part is downloaded again, or the period failed. */
    async abandon() {
        await Promise.all(this.pending).catch(() => undefined);
        this.pending = [];
        await this.csv?.abandon();
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
/** One part: its analysis and how far its file has been read. */
class PartReader {
    file;
    analysis;
    fd = -1;
    position = 0;
    constructor(options, file) {
        this.file = file;
        this.analysis = new PartAnalysis(options);
    }
    /** Analyses the file's bytes up to `bytes`, those the download has written. */
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
                port.postMessage({ type: 'done', id: message.id, result });
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