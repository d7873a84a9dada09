import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { archiveTarget, type RunResult } from './archive/archive-run.js';
import { artifactName, uploadArtifact, type UploadedArtifact } from './archive/upload-artifact.js';
import { Limiter } from './download/limiter.js';
import { getInputs } from './inputs/get-inputs.js';
import type { Settings } from './inputs/settings.js';
import { renderFigures, writeSummary } from './outputs/job-summary.js';
import { noReportMessage, runOutputs, setOutputs } from './outputs/set-outputs.js';
import { periodName } from './period.js';
import { createApiClient } from './request/api-client.js';
import { ReportRequester } from './request/fetch-report.js';
import { DOWNLOAD_CONCURRENCY, loadTuning } from './tuning.js';
import { WorkerPool } from './threads/worker-pool.js';
import { USER_AGENT } from './version.js';

/** A summary needs the runner's summary file; outside Actions there is none. */
function summaryWanted(settings: Settings): boolean {
  return settings.jobSummary && Boolean(process.env.GITHUB_STEP_SUMMARY);
}

/** What `if-no-report` asks for when a report (or a day of the range) does not exist. */
function reportMissing(settings: Settings, message: string): void {
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

/** The flow of a step: inputs → request → download → archive → artifact → outputs and summary. */
export async function run(): Promise<void> {
  try {
    const settings = getInputs();
    const tuning = loadTuning();
    const requester = new ReportRequester(createApiClient(settings, tuning), settings, tuning);
    // One client, one bound and one pair of analysis threads for every download of the run.
    const http = new HttpClient(USER_AGENT, [], {
      keepAlive: true,
      socketTimeout: tuning.idleTimeoutMs,
      allowRetries: false,
    });
    const pool = new WorkerPool();
    const download = { http, limiter: new Limiter(DOWNLOAD_CONCURRENCY), pool, tuning };
    const result = await core
      .group(`Fetch ${settings.report} of ${settings.scope} ${settings.slug}`, () =>
        archiveTarget(requester, settings, download),
      )
      .finally(async () => {
        http.dispose();
        await pool.close();
      });

    result.insights?.warnDrift();
    const figures = summaryWanted(settings) ? renderFigures(settings, result.insights) : undefined;
    // Rendered: the figures' memory (a few numbers per user) is free before the upload.
    result.insights = undefined;
    const artifact = await upload(settings, result);
    setOutputs(runOutputs(settings, result, artifact));
    if (figures !== undefined) await writeSummary(settings, result, figures, artifact);
    if (result.missing.length > 0) reportMissing(settings, noReportMessage(settings, result));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
