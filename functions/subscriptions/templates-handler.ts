import { subscribeTemplatesRoute } from '../contract/events';
import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { subscribeTemplates } from './subscriptions';

/** GET /subscriptions/templates (public). */
export const handler = httpRoute(subscribeTemplatesRoute, {
  handle: async () => subscribeTemplates(await coreDeps()),
});
