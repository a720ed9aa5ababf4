import { routeTable } from '../shared/route-table';
import { handler as memberCode } from './member-code-handler';
import { handler as recordLowCarbonAction } from './record-handler';

/** The `lowcarbon` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /me/member-code': memberCode,
  'POST /lowcarbon/actions': recordLowCarbonAction,
});
