import { container } from '../shared/container';
import { httpRoute } from '../shared/http';
import { getMyAccount } from './me';

export const handler = httpRoute({
  auth: 'required',
  handle: async ({ caller }) => getMyAccount(await container(), caller.userId),
});
