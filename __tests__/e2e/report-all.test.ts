/**
 * `report: all` in one step, for each scope: one artifact per kind named as a step of that kind
 * would name it, the `reports` output as typed JSON per kind, the top-level outputs covering
 * every kind, and an artifact read back byte-exact.
 */
import * as path from 'node:path';
import { addDays } from '../../src/days.js';
import type { ReportName, Scope } from '../../src/reports.js';
import { countRecords, sha256 } from '../harness/expect-report.js';
import { useHarness } from '../harness/harness.js';
import { readArtifact } from '../harness/read-artifact.js';

const harness = useHarness();

/** The six usage-report kinds of each scope, as the contract lists them. */
const ALL: Record<Scope, ReportName[]> = {
  enterprise: [
    'enterprise-1-day',
    'enterprise-28-day',
    'users-1-day',
    'users-28-day',
    'user-teams-1-day',
    'repos-1-day',
  ],
  organization: [
    'organization-1-day',
    'organization-28-day',
    'users-1-day',
    'users-28-day',
    'user-teams-1-day',
    'repos-1-day',
  ],
};
const SLUGS: Record<Scope, string> = { enterprise: 'octo-ent', organization: 'octo-org' };

interface KindOutputs {
  found: boolean;
  'report-start-day': string;
  'report-end-day': string;
  path: string;
  files: string[];
  manifest: string;
  'record-count': number;
  bytes: number;
  'artifact-id': number;
  'artifact-name': string;
  'artifact-url': string;
  'artifact-digest': string;
}

test.each(['enterprise', 'organization'] as Scope[])(
  'report: all archives the six kinds of the %s scope, one artifact each',
  async (scope) => {
    const slug = SLUGS[scope];
    const latest = harness.api.latestDay();
    const before = harness.artifacts.finalized().length;
    const run = await harness.run({ scope, slug, report: 'all' });
    expect({ code: run.code, errors: run.errors, warnings: run.warnings }).toEqual({
      code: 0,
      errors: [],
      warnings: [],
    });

    const reports = JSON.parse(run.outputs.reports) as Record<string, KindOutputs>;
    expect(Object.keys(reports).sort()).toEqual([...ALL[scope]].sort());
    const artifacts = harness.artifacts.finalized().slice(before);
    expect(artifacts).toHaveLength(6);
    const root = path.join(run.workspace, 'copilot-metrics', scope, slug);
    for (const report of ALL[scope]) {
      const is28 = report.endsWith('-28-day');
      const start = is28 ? addDays(latest, -27) : latest;
      const period = is28 ? `${start}_${latest}` : latest;
      const parts = harness.api.parts({ scope, slug, report, day: latest }) as Buffer[];
      const folder = path.join(root, report, period);
      // The name a step with this one kind would give its artifact.
      const name = `copilot-metrics-${scope}-${slug}-${report}-${period}`;
      const artifact = artifacts.find((a) => a.name === name)!;
      expect(artifact).toBeDefined();
      expect(reports[report]).toEqual({
        found: true,
        'report-start-day': start,
        'report-end-day': latest,
        path: folder,
        files: parts.map((_, i) => path.join(folder, `part-00${i + 1}.ndjson`)),
        manifest: path.join(folder, 'manifest.json'),
        'record-count': parts.reduce((n, part) => n + countRecords(part), 0),
        bytes: parts.reduce((n, part) => n + part.length, 0),
        'artifact-id': artifact.id,
        'artifact-name': name,
        'artifact-url': `https://github.com/octo-org/metrics-archive/actions/runs/4242/artifacts/${artifact.id}`,
        'artifact-digest': sha256(await harness.artifacts.zipOf(artifact)),
      });
    }

    // The top-level outputs cover every kind; those of a single kind are empty.
    const kinds = Object.values(reports);
    expect(run.outputs).toMatchObject({
      found: 'true',
      'report-day': '',
      'report-start-day': addDays(latest, -27),
      'report-end-day': latest,
      path: root,
      manifest: '',
      'artifact-id': '',
      'artifact-name': '',
      'record-count': String(kinds.reduce((n, kind) => n + kind['record-count'], 0)),
      bytes: String(kinds.reduce((n, kind) => n + kind.bytes, 0)),
    });
    expect((JSON.parse(run.outputs.files) as string[]).sort()).toEqual(kinds.flatMap((kind) => kind.files).sort());

    // A summary section per kind.
    const headings = run.summary.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.sort()).toEqual(
      ALL[scope].map((report) => `## Copilot usage metrics: ${report} of ${scope} ${slug}`).sort(),
    );

    // An artifact read back as a later job would: the kind's tree, byte-exact.
    const users = reports['users-1-day'];
    const unpacked = await readArtifact(harness, users['artifact-id']);
    const parts = harness.api.parts({ scope, slug, report: 'users-1-day', day: latest }) as Buffer[];
    const prefix = `${scope}/${slug}/users-1-day/${latest}`;
    expect([...unpacked.keys()].sort()).toEqual(
      [...parts.map((_, i) => `part-00${i + 1}.ndjson`), 'manifest.json'].map((n) => `${prefix}/${n}`).sort(),
    );
    parts.forEach((part, i) => expect(unpacked.get(`${prefix}/part-00${i + 1}.ndjson`)!.equals(part)).toBe(true));
  },
  120_000,
);
