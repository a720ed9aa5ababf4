import { getLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { getLetter } from './letters';

/** GET /letters/{id} — one letter (published: public). */
export const handler = httpRoute(getLetterRoute, {
  handle: async ({ caller, params }) => getLetter(await letterDeps(), params.id, caller?.userId ?? null),
});
