import { myLedgerRoute } from '../contract/me';
import { ledgerDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listMyLedger } from './me';

/** GET /me/ledger */
export const handler = httpRoute(myLedgerRoute, {
  handle: async ({ caller, query }) => listMyLedger(await ledgerDeps(), caller.userId, query),
});
