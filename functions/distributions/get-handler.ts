import { getDistributionRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { distributionDetail } from './distributions';
import { viewerOf } from './viewer';

/** GET /distributions/{id} — a distribution and its recipients, names masked but for its charity and admins (public). */
export const handler = httpRoute(getDistributionRoute, {
  handle: async ({ caller, params }) => {
    const app = await distributionDeps();
    return distributionDetail(app, await viewerOf(app, caller?.userId ?? null), params.id);
  },
});
