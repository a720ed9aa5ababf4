import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { listMyLedger } from './me';

export const handler = httpRoute({
  auth: 'required',
  query: pageQuery,
  handle: async ({ caller, query }) => listMyLedger(await coreDeps(), caller.userId, query),
});
