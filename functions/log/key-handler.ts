import { logKeyRoute } from '../contract/log';
import { httpRoute } from '../shared/http';
import { logDeps } from '../wiring';
import { shortLived } from './answers';
import { logKeyOf } from './reads';

/** GET /log/key — the log's origin and verifier key (public). */
export const handler = shortLived(
  httpRoute(logKeyRoute, {
    handle: async () => logKeyOf(await logDeps()),
  }),
);
