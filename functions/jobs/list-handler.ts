import { listJobsRoute } from '../contract/events';
import { listJobs } from '../events/fanout';
import { fanoutDeps } from '../wiring';
import { httpRoute } from '../shared/http';

/** GET /admin/jobs — fan-out jobs with their progress. */
export const handler = httpRoute(listJobsRoute, {
  handle: async ({ query }) => listJobs(await fanoutDeps(), query),
});
