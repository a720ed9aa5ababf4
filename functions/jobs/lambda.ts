import { routeTable } from '../shared/route-table';
import { handler as listJobs } from './list-handler';
import { handler as getJob } from './get-handler';

/** The `jobs` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /admin/jobs': listJobs,
  'GET /admin/jobs/{id}': getJob,
});
