import { mySubscriptionsRoute } from '../contract/events';
import { subscriptionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { mySubscriptions } from './subscriptions';

/** GET /me/subscriptions */
export const handler = httpRoute(mySubscriptionsRoute, {
  handle: async ({ caller }) => mySubscriptions(await subscriptionDeps(), caller.userId),
});
