import { routeTable } from '../shared/route-table';
import { handler as checkpoint } from './checkpoint-handler';
import { handler as key } from './key-handler';
import { handler as receipt } from './receipt-handler';
import { handler as tile } from './tile-handler';

/**
 * The `logReads` function of serverless.yml: the public log's reads. It can read the table, the
 * bucket's `log/` prefix and the signing key (an empty log's checkpoint is signed on the fly), and
 * write nothing: only the sequencer writes the log.
 */
export const handler = routeTable({
  'GET /log/key': key,
  'GET /log/checkpoint': checkpoint,
  'GET /log/tile/{path+}': tile,
  'GET /me/log-receipts/{ref}': receipt,
});
