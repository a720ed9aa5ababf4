import { routeTable } from '../shared/route-table';
import { handler as donateSteps } from './donate-handler';
import { handler as previewSteps } from './preview-handler';
import { handler as listStepDonations } from './list-handler';

/** The `steps` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /steps/donations': donateSteps,
  'POST /steps/preview': previewSteps,
  'GET /steps/donations': listStepDonations,
});
