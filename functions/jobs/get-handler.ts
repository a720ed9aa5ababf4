import { getJobRoute } from '../contract/events';
import { jobProgress } from '../events/fanout';
import { fanoutDeps } from '../wiring';
import { httpRoute } from '../shared/http';

/** GET /admin/jobs/{id} — told, left, failed. */
export const handler = httpRoute(getJobRoute, {
  handle: async ({ params }) => ({ job: await jobProgress(await fanoutDeps(), params.id) }),
});
