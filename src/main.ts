import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { archivePeriod } from './archive/archive-period.js';
import { artifactName, uploadArtifact, type UploadedArtifact } from './archive/upload-artifact.js';
import { Limiter } from './download/limiter.js';
import { getInputs } from './inputs/get-inputs.js';
import type { Settings } from './inputs/settings.js';
import { writeArchiveSummary, writeNoReportSummary } from './outputs/job-summary.js';
import { emptyOutputs, periodOutputs, setOutputs } from './outputs/set-outputs.js';
import { periodName } from './period.js';
import { createApiClient } from './request/api-client.js';
import { ReportRequester } from './request/fetch-report.js';
import { findReport } from './request/find-report.js';
import { DOWNLOAD_CONCURRENCY, loadTuning } from './tuning.js';
import { USER_AGENT } from './version.js';

/** A summary needs the runner's summary file; outside Actions there is none. */
function summaryWanted(settings: Settings): boolean {
  return settings.jobSummary && Boolean(process.env.GITHUB_STEP_SUMMARY);
}

/** What `if-no-report` asks for when there is no report. */
function reportMissing(settings: Settings, reason: string): void {
  if (settings.ifNoReport === 'error') core.setFailed(reason);
  else if (settings.ifNoReport === 'warn') core.warning(reason);
  else core.info(reason);
}

/** The flow of a step: inputs → request → download → archive → artifact → outputs and summary. */
export async function run(): Promise<void> {
  try {
    const settings = getInputs();
    const tuning = loadTuning();
    const subject = {
      scope: settings.scope,
      slug: settings.slug,
      report: settings.report,
      apiUrl: settings.apiUrl,
    };
    const requester = new ReportRequester(createApiClient(settings, tuning), subject, tuning);

    const response = await core.group(
      `Request ${settings.report} of ${settings.scope} ${settings.slug}`,
      () => findReport(requester, settings.target, new Date()),
    );
    if (!response.found) {
      setOutputs(emptyOutputs());
      if (summaryWanted(settings)) await writeNoReportSummary(subject, response.reason);
      reportMissing(settings, response.reason);
      return;
    }

    const { period } = response.report;
    const refresh = async (): Promise<string[]> => {
      const again = await requester.request(period.span === '1-day' ? period.start : undefined);
      if (!again.found)
        throw new Error(`The report disappeared while downloading: ${again.reason}`);
      return again.report.links;
    };
    const http = new HttpClient(USER_AGENT, [], {
      keepAlive: true,
      socketTimeout: tuning.idleTimeoutMs,
      allowRetries: false,
    });
    const archived = await core
      .group('Download', () =>
        archivePeriod(
          response.report,
          refresh,
          { ...settings },
          {
            http,
            limiter: new Limiter(DOWNLOAD_CONCURRENCY),
            tuning,
          },
        ),
      )
      .finally(() => http.dispose());

    let artifact: UploadedArtifact | undefined;
    if (settings.artifact.enabled) {
      const name = artifactName(settings.artifact.nameTemplate, {
        scope: settings.scope,
        slug: settings.slug,
        report: settings.report,
        period: periodName(period),
      });
      artifact = await core.group(`Upload artifact ${name}`, () =>
        uploadArtifact(
          settings.artifact,
          name,
          [...archived.files, archived.manifestPath],
          settings.root,
        ),
      );
    }
    setOutputs(periodOutputs(archived, artifact));
    if (summaryWanted(settings)) await writeArchiveSummary(subject, archived, artifact);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
