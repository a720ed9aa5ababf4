import { createDistributionRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { createDistribution } from './distributions';

/** POST /dreams/{id}/distributions — the adopting charity lists recipients; their codes are answered this once. */
export const handler = httpRoute(createDistributionRoute, {
  handle: async ({ caller, params, body }) => createDistribution(await distributionDeps(), caller.userId, params.id, body),
});
