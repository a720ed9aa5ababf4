import { exportMyDataRoute } from '../contract/me';
import { accountDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { exportMyData } from './export-data';

/** GET /me/export */
export const handler = httpRoute(exportMyDataRoute, {
  handle: async ({ caller }) => exportMyData(await accountDeps(), caller.userId),
});
