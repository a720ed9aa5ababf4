import { routeTable } from '../shared/route-table';
import { handler as recordCall } from './call-handler';
import { handler as openSpotChecks } from './open-handler';
import { handler as publicSpotCheck } from './public-handler';
import { handler as resolveSpotCheck } from './resolve-handler';

/** The `spotChecks` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /distributions/{id}/spot-check': publicSpotCheck,
  'GET /admin/spot-checks': openSpotChecks,
  'POST /admin/spot-checks/{distributionId}/calls': recordCall,
  'POST /admin/spot-checks/{distributionId}/resolve': resolveSpotCheck,
});
