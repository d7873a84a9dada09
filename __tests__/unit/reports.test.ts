import { REPORTS, REPORT_NAMES, reportRoute } from '../../src/reports.js';

test('maps each scope and report to its endpoint: 12 usage reports and the seats of each scope', () => {
  const routes = (['enterprise', 'organization'] as const).flatMap((scope) =>
    REPORT_NAMES.filter((report) => REPORTS[report].scopes.includes(scope)).map((report) => reportRoute(scope, report)),
  );
  expect(routes).toEqual([
    'GET /enterprises/{enterprise}/copilot/metrics/reports/enterprise-1-day',
    'GET /enterprises/{enterprise}/copilot/metrics/reports/enterprise-28-day/latest',
    'GET /enterprises/{enterprise}/copilot/metrics/reports/users-1-day',
    'GET /enterprises/{enterprise}/copilot/metrics/reports/users-28-day/latest',
    'GET /enterprises/{enterprise}/copilot/metrics/reports/user-teams-1-day',
    'GET /enterprises/{enterprise}/copilot/metrics/reports/repos-1-day',
    'GET /enterprises/{enterprise}/copilot/billing/seats',
    'GET /orgs/{org}/copilot/metrics/reports/organization-1-day',
    'GET /orgs/{org}/copilot/metrics/reports/organization-28-day/latest',
    'GET /orgs/{org}/copilot/metrics/reports/users-1-day',
    'GET /orgs/{org}/copilot/metrics/reports/users-28-day/latest',
    'GET /orgs/{org}/copilot/metrics/reports/user-teams-1-day',
    'GET /orgs/{org}/copilot/metrics/reports/repos-1-day',
    'GET /orgs/{org}/copilot/billing/seats',
  ]);
});
