import { container } from '../shared/container';
import { httpRoute } from '../shared/http';
import { reviewDream } from './dreams';
import { idParams, reviewBody } from './schemas';

/** POST /dreams/{id}/review — admins approve (after the content-safety check) or reject. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewBody,
  handle: async ({ params, body }) => reviewDream(await container(), params.id, body),
});
