import { readLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { readLetter } from './letters';

/** POST /me/letters/{id}/read — 204. */
export const handler = httpRoute(readLetterRoute, {
  handle: async ({ caller, params }) => readLetter(await letterDeps(), caller.userId, params.id),
});
