import { myLedgerRoute } from '../contract/me';
import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { listMyLedger } from './me';

/** GET /me/ledger */
export const handler = httpRoute(myLedgerRoute, {
  handle: async ({ caller, query }) => listMyLedger(await coreDeps(), caller.userId, query),
});
