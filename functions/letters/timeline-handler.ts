import { dreamLettersRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { dreamLetters } from './letters';

/** GET /dreams/{id}/letters (public) — published letters and updates, newest first. */
export const handler = httpRoute(dreamLettersRoute, {
  handle: async ({ params, query }) => dreamLetters(await letterDeps(), params.id, query),
});
