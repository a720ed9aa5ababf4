import { z } from 'zod';
import { route } from './route';
import { id, named } from './schema-kit';

/**
 * The public log (公开账本): its key, its checkpoint and its tiles are for anyone (a donor's phone,
 * anyone's script), so nothing here needs a token; a receipt is its owner's alone.
 */

export const logKey = named(z.object({ origin: z.string(), verifierKey: z.string() }), 'LogKey');
export type LogKey = z.infer<typeof logKey>;

export const logKeyRoute = route({
  method: 'GET',
  path: '/log/key',
  summary: 'The log’s origin and its signed-note verifier key `<origin>+<8 hex>+<base64(0x01 || Ed25519 public key)>` (public)',
  source: 'fixed',
  tag: 'log',
  auth: 'none',
  status: 200,
  response: logKey,
});

export const logCheckpointRoute = route({
  method: 'GET',
  path: '/log/checkpoint',
  summary:
    'The latest checkpoint as a signed note (text/plain: origin, tree size, base64 root, a blank line, then signature lines, witnesses’ cosignatures included); an empty log answers size 0 with the empty root (public)',
  source: 'fixed',
  tag: 'log',
  auth: 'none',
  status: 200,
  rawText: true,
  response: z.string(),
});

/** API Gateway's greedy parameter: `0/x001/234.p/7` or `entries/005`, parsed as a tlog-tiles path. */
export const logTileParams = z.object({ path: z.string().min(1).max(200) });

export const logTileRoute = route({
  method: 'GET',
  path: '/log/tile/{path+}',
  summary:
    'A hash tile `tile/<L>/<N>[.p/<W>]` or an entry bundle `tile/entries/<N>[.p/<W>]` exactly as tlog-tiles lays them out (application/octet-stream; full ones immutable); one past the latest checkpoint, or a path that is not a tile, is 404 (public)',
  source: 'fixed',
  tag: 'log',
  auth: 'none',
  params: logTileParams,
  status: 200,
  rawText: true,
  response: z.string(),
});

export const logReceiptParams = z.object({ ref: id() });

export const logReceiptLogged = named(
  z.object({
    status: z.literal('logged'),
    index: z.number().int().nonnegative(),
    /** The entry's bytes (RFC 8785 JSON), base64. */
    entry: z.string(),
    /** The signed checkpoint the proof leads to, as note text. */
    checkpoint: z.string(),
    /** RFC 9162 inclusion proof of `index` in the checkpoint's tree, base64 hashes. */
    proof: z.array(z.string()),
    /** The key of the entry's commitment (HMAC-SHA256 of `ref`), base64: the owner's alone. */
    salt: z.string(),
  }),
  'LogReceipt',
);
export const logReceiptPending = named(z.object({ status: z.literal('pending') }), 'LogReceiptPending');
export type LogReceiptLogged = z.infer<typeof logReceiptLogged>;
export type LogReceiptPending = z.infer<typeof logReceiptPending>;
/** What the app gets from a receipt: logged (200) or not yet in a checkpoint (202). */
export type LogReceipt = LogReceiptLogged | LogReceiptPending;

export const logReceiptRoute = route({
  method: 'GET',
  path: '/me/log-receipts/{ref}',
  summary:
    'The caller’s receipt for an entry they gave (`ref`: a gift’s donation id or a meal donation id): 200 with the entry, the signed checkpoint, the inclusion proof and the salt once it is in a checkpoint; 202 `{status: "pending"}` before',
  source: 'fixed',
  tag: 'log',
  auth: 'required',
  params: logReceiptParams,
  status: 200,
  response: z.discriminatedUnion('status', [logReceiptLogged, logReceiptPending]),
  accepted: logReceiptPending,
});
