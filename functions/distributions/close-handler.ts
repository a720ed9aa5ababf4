import { closeDistributionRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { closeDistribution } from './distributions';

/** POST /distributions/{id}/close — the adopting charity ends a distribution; every donor is told. */
export const handler = httpRoute(closeDistributionRoute, {
  handle: async ({ caller, params }) => closeDistribution(await distributionDeps(), caller.userId, params.id),
});
