import { listStepDonationsRoute } from '../contract/earning';
import { stepsDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listStepDonations } from './steps';

/** GET /steps/donations — this user's step donations, newest first. */
export const handler = httpRoute(listStepDonationsRoute, {
  handle: async ({ caller, query }) => listStepDonations(await stepsDeps(), caller.userId, query),
});
