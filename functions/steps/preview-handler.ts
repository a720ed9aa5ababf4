import { stepsDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { stepsBody } from './schemas';
import { previewStepDonation } from './steps';

/** POST /steps/preview — what a donation would earn now; changes nothing. */
export const handler = httpRoute({
  auth: 'required',
  body: stepsBody,
  handle: async ({ caller, body }) => previewStepDonation(await stepsDeps(), caller.userId, body),
});
