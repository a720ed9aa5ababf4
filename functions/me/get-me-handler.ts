import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { getMyAccount } from './me';

export const handler = httpRoute({
  auth: 'required',
  handle: async ({ caller }) => getMyAccount(await coreDeps(), caller.userId),
});
