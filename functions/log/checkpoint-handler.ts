import { logCheckpointRoute } from '../contract/log';
import { httpRoute } from '../shared/http';
import { asText } from '../shared/http-outside';
import { logDeps } from '../wiring';
import { shortLived } from './answers';
import { latestCheckpoint } from './reads';

/** GET /log/checkpoint — the latest signed checkpoint note, as text (public). */
export const handler = shortLived(
  asText(
    httpRoute(logCheckpointRoute, {
      handle: async () => latestCheckpoint(await logDeps()),
    }),
  ),
);
