/**
 * `npm run simulator`: serves the simulated GitHub API and link host until stopped, for trying
 * the action by hand or in CI (`uses: ./` with `api-url` pointing here). It prints
 * `api-url=...` and `token=...` lines (appended to $GITHUB_OUTPUT when that is set).
 */
import { appendFileSync } from 'node:fs';
import { Clock } from '../simulator/clock.js';
import { GitHubApi } from '../simulator/github-api.js';
import { LinkHost } from '../simulator/link-host.js';

// The real time: the action under test runs on its own clock.
const clock = new Clock();
const links = await LinkHost.start(clock);
const api = await GitHubApi.start(links, clock);
const lines = `api-url=${api.url}\ntoken=${api.token}\n`;
process.stdout.write(lines);
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);

const stop = async (): Promise<void> => {
  await Promise.all([api.stop(), links.stop()]);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
