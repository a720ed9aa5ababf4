import { routeTable } from '../shared/route-table';
import { handler as showPhoto } from './photo-handler';

/**
 * The `photos` function of serverless.yml: the one public read of the bucket, on a function of its
 * own so that what anyone can call holds no right to write anything.
 */
export const handler = routeTable({
  'GET /photos/{id}': showPhoto,
});
