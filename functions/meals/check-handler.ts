import { checkDonationRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { checkDonation } from './donations';

/** POST /meals/donations/{id}/check — the donor's donation, asking WeChat Pay when still pending. */
export const handler = httpRoute(checkDonationRoute, {
  handle: async ({ caller, params }) => ({ donation: await checkDonation(await mealDeps(), caller.userId, params.id) }),
});
