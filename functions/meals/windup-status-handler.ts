import { storeWindupRoute } from '../contract/store-admin';
import { storeAdminDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { windupOf } from './windup';

/** GET /admin/stores/{id}/unredeemed — the last wind-up's progress and the store's money. */
export const handler = httpRoute(storeWindupRoute, {
  handle: async ({ params }) => windupOf(await storeAdminDeps(), params.id),
});
