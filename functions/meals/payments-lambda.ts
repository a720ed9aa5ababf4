import { routeTable } from '../shared/route-table';
import { handler as donateMeals } from './donate-handler';
import { handler as checkDonation } from './check-handler';

/** The `mealPayments` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /meals/donations': donateMeals,
  'POST /meals/donations/{id}/check': checkDonation,
});
