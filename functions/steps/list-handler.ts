import { z } from 'zod';
import { stepsDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { listStepDonations } from './steps';

/** GET /steps/donations — this user's step donations, newest first. */
export const handler = httpRoute({
  auth: 'required',
  // The page's 7-day chart is the default page.
  query: pageQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(7) }),
  handle: async ({ caller, query }) => listStepDonations(await stepsDeps(), caller.userId, query),
});
