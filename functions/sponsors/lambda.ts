import { routeTable } from '../shared/route-table';
import { handler as listSponsors } from './list-handler';
import { handler as createSponsor } from './create-handler';

/** The `sponsors` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /sponsors': listSponsors,
  'POST /admin/sponsors': createSponsor,
});
