import { subscribeTemplatesRoute } from '../contract/events';
import { subscriptionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { subscribeTemplates } from './subscriptions';

/** GET /subscriptions/templates (public). */
export const handler = httpRoute(subscribeTemplatesRoute, {
  handle: async () => subscribeTemplates(await subscriptionDeps()),
});
