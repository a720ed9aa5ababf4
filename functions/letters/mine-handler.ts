import { myLettersRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myLetters } from './letters';

/** GET /me/letters — the letterbox, newest first, with the unread count. */
export const handler = httpRoute(myLettersRoute, {
  handle: async ({ caller, query }) => myLetters(await letterDeps(), caller.userId, query),
});
