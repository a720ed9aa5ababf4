import { routeTable } from '../shared/route-table';
import { handler as closeDistribution } from './close-handler';
import { handler as createDistribution } from './create-handler';
import { handler as dreamDistributions } from './dream-list-handler';
import { handler as getDistribution } from './get-handler';
import { handler as sign } from './sign-handler';
import { handler as addStaff } from './staff-add-handler';
import { handler as listStaff } from './staff-list-handler';
import { handler as removeStaff } from './staff-remove-handler';
import { handler as timeline } from './timeline-handler';

/** The `distributions` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /dreams/{id}/distributions': createDistribution,
  'GET /dreams/{id}/distributions': dreamDistributions,
  'GET /distributions/{id}': getDistribution,
  'POST /distributions/{id}/signoffs': sign,
  'GET /distributions/{id}/signoffs': timeline,
  'POST /distributions/{id}/close': closeDistribution,
  'GET /distributions/{id}/staff': listStaff,
  'POST /distributions/{id}/staff': addStaff,
  'DELETE /distributions/{id}/staff/{userId}': removeStaff,
});
