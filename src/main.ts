import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { archiveTarget, type RunResult } from './archive/archive-run.js';
import { artifactName, uploadArtifact, type UploadedArtifact } from './archive/upload-artifact.js';
import { Limiter } from './download/limiter.js';
import type { DownloadContext } from './download/download-parts.js';
import { getInputs } from './inputs/get-inputs.js';
import { kindSettings, type RunSettings, type Settings } from './inputs/settings.js';
import { renderFigures, writeSummary } from './outputs/job-summary.js';
import { noReportMessage, runOutputs, setOutputs, type KindOutcome } from './outputs/set-outputs.js';
import { periodName } from './period.js';
import { createApiClient } from './request/api-client.js';
import { AccessError } from './request/failures.js';
import { ReportRequester } from './request/fetch-report.js';
import { DOWNLOAD_CONCURRENCY, loadTuning } from './tuning.js';
import { WorkerPool } from './threads/worker-pool.js';
import { USER_AGENT } from './version.js';

/** A summary needs the runner's summary file; outside Actions there is none. */
function summaryWanted(settings: RunSettings): boolean {
  return settings.jobSummary && Boolean(process.env.GITHUB_STEP_SUMMARY);
}

/** What `if-no-report` asks for when a report (or a day of a range) does not exist. */
function reportMissing(settings: RunSettings, message: string): void {
  if (settings.ifNoReport === 'error') core.setFailed(message);
  else if (settings.ifNoReport === 'warn') core.warning(message);
  else core.info(message);
}

async function upload(settings: Settings, result: RunResult): Promise<UploadedArtifact | undefined> {
  if (!settings.artifact.enabled || result.archived.length === 0) return undefined;
  const period = result.range
    ? `${result.range.since}_${result.range.until}`
    : periodName(result.archived[0].report.period);
  const name = artifactName(settings.artifact.nameTemplate, {
    scope: settings.scope,
    slug: settings.slug,
    report: settings.report,
    period,
  });
  // raw: false keeps the parts on disk but out of the artifact.
  const files = [...result.archived, ...result.companions].flatMap((archived) => [
    ...(settings.artifact.raw ? archived.files : []),
    ...archived.derived,
    archived.manifestPath,
  ]);
  return core.group(`Upload artifact ${name}`, () => uploadArtifact(settings.artifact, name, files, settings.root));
}

/** One report kind, as one step per kind would do it: fetch and archive, figures, artifact. */
async function archiveKind(
  settings: Settings,
  requester: ReportRequester,
  download: DownloadContext,
  wantSummary: boolean,
): Promise<KindOutcome> {
  const result = await core.group(`Fetch ${settings.report} of ${settings.scope} ${settings.slug}`, () =>
    archiveTarget(requester.forReport(settings.report), settings, download),
  );
  result.insights?.warnDrift();
  const figures = wantSummary ? renderFigures(settings, result.insights) : '';
  // Rendered: the figures' memory (a few numbers per user) is free before the upload.
  result.insights = undefined;
  const artifact = await upload(settings, result);
  return { settings, result, artifact, figures };
}

/**
 * The flow of a step: inputs → request → download → archive → artifact → outputs and summary,
 * for each report kind asked for. A kind that fails does not stop the others (unless no kind
 * can succeed: a bad token or slug); the step fails at the end.
 */
export async function run(): Promise<void> {
  try {
    const settings = getInputs();
    const tuning = loadTuning();
    const first = kindSettings(settings, settings.kinds[0]);
    const requester = new ReportRequester(createApiClient(settings, tuning), first, tuning);
    // One client, one bound and one set of analysis threads for every download of the run.
    const http = new HttpClient(USER_AGENT, [], {
      keepAlive: true,
      socketTimeout: tuning.idleTimeoutMs,
      allowRetries: false,
    });
    const pool = new WorkerPool(tuning.threadAnalysisBytes);
    const download = { http, limiter: new Limiter(DOWNLOAD_CONCURRENCY), pool, tuning };
    const outcomes: KindOutcome[] = [];
    const failures: string[] = [];
    try {
      for (const kind of settings.kinds) {
        try {
          outcomes.push(await archiveKind(kindSettings(settings, kind), requester, download, summaryWanted(settings)));
        } catch (error) {
          if (settings.kinds.length === 1 || error instanceof AccessError) throw error;
          const message = `${kind.report}: ${error instanceof Error ? error.message : String(error)}`;
          core.error(message);
          failures.push(message);
        }
      }
    } finally {
      http.dispose();
      await pool.close();
    }

    setOutputs(runOutputs(settings, outcomes));
    if (summaryWanted(settings)) await writeSummary(settings, outcomes);
    const missing = outcomes.filter((outcome) => outcome.result.missing.length > 0);
    if (missing.length > 0) reportMissing(settings, missing.map(noReportMessage).join(' '));
    if (failures.length > 0) {
      core.setFailed(`${failures.length} of ${settings.kinds.length} reports failed: ${failures.join(' ')}`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
