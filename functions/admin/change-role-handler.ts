import { changeRoleRoute } from '../contract/admin';
import { peopleDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { adminActor, changeRole } from './people';

/** POST /admin/users/{id}/roles — grant or revoke merchant, charity, worker or admin; audited. */
export const handler = httpRoute(changeRoleRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await peopleDeps();
    return changeRole(app, await adminActor(app, caller.userId), params.id, body);
  },
});
