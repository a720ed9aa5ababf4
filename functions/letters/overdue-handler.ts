import { overdueDreamsRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { overdueDreams } from './letters';

/** GET /admin/letters/overdue — 逾期未反馈: adopted dreams past their letter's due date. */
export const handler = httpRoute(overdueDreamsRoute, {
  handle: async ({ query }) => overdueDreams(await letterDeps(), query),
});
