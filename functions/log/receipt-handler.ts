import { logReceiptRoute } from '../contract/log';
import { httpRoute } from '../shared/http';
import { logDeps } from '../wiring';
import { acceptedWhenPending } from './answers';
import { logReceipt } from './reads';

/** GET /me/log-receipts/{ref} — the caller's inclusion proof and salt for an entry they gave; 202 until it is checkpointed. */
export const handler = acceptedWhenPending(
  httpRoute(logReceiptRoute, {
    handle: async ({ params, caller }) => logReceipt(await logDeps(), caller.userId, params.ref),
  }),
);
