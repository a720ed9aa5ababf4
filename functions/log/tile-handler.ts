import { logTileRoute } from '../contract/log';
import { httpRoute } from '../shared/http';
import { logDeps } from '../wiring';
import { IMMUTABLE, SHORT_LIVED, asBytes, type BytesAnswer } from './answers';
import { logTile } from './reads';

/** GET /log/tile/{path+} — a hash tile or an entry bundle of a checkpointed tree, as its bytes (public). */
export const handler = asBytes(
  httpRoute(logTileRoute, {
    handle: async ({ params }) => {
      const tile = await logTile(await logDeps(), params.path);
      // The route's answer is text at the edge; asBytes turns it back into the bytes.
      const answer: BytesAnswer = { base64: Buffer.from(tile.bytes).toString('base64'), cacheControl: tile.full ? IMMUTABLE : SHORT_LIVED };
      return JSON.stringify(answer);
    },
  }),
);
