import { recordSubscriptionsRoute } from '../contract/events';
import { subscriptionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { recordSubscriptions } from './subscriptions';

/** POST /me/subscriptions — after wx.requestSubscribeMessage, the topics the person accepted. */
export const handler = httpRoute(recordSubscriptionsRoute, {
  handle: async ({ caller, body }) => recordSubscriptions(await subscriptionDeps(), caller.userId, body),
});
