import { routeTable } from '../shared/route-table';
import { handler as dreamLetters } from './timeline-handler';
import { handler as lettersOfMyDream } from './dream-letters-handler';
import { handler as letterReviewQueue } from './review-queue-handler';
import { handler as getLetter } from './get-handler';
import { handler as myLetters } from './mine-handler';

/** The `letterReads` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /dreams/{id}/letters': dreamLetters,
  'GET /charity/dreams/{id}/letters': lettersOfMyDream,
  'GET /admin/letters': letterReviewQueue,
  'GET /letters/{id}': getLetter,
  'GET /me/letters': myLetters,
});
