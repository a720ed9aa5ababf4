import { previewStepsRoute } from '../contract/earning';
import { stepsDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { previewStepDonation } from './steps';

/** POST /steps/preview — what a donation would earn now; changes nothing. */
export const handler = httpRoute(previewStepsRoute, {
  handle: async ({ caller, body }) => previewStepDonation(await stepsDeps(), caller.userId, body),
});
