import { routeTable } from '../shared/route-table';
import { handler as overdueDreams } from './overdue-handler';
import { handler as readLetter } from './read-handler';

/** The `letterInbox` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /admin/letters/overdue': overdueDreams,
  'POST /me/letters/{id}/read': readLetter,
});
