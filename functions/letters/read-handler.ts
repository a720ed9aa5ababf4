import { readLetterRoute } from '../contract/letters';
import { letterDeps, notificationDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { readLetter } from './letters';

/** POST /me/letters/{id}/read — 204. */
export const handler = httpRoute(readLetterRoute, {
  handle: async ({ caller, params }) => {
    const [letters, { notifications }] = await Promise.all([letterDeps(), notificationDeps()]);
    return readLetter({ ...letters, notifications }, caller.userId, params.id);
  },
});
