import { SUBSCRIBE_TOPICS } from '../contract/enums';
import type { RecordSubscriptionsBody } from '../contract/events';
import type { SubscriptionStore } from '../domain/subscription';
import type { Rules, SubscribeTemplate } from '../shared/config';
import type { SubscribeTopic } from '../contract/enums';

export interface SubscriptionDeps {
  subscriptions: SubscriptionStore;
  templates: Record<SubscribeTopic, SubscribeTemplate>;
  config: { rules: Pick<Rules, 'subscribe'> };
}

/** GET /subscriptions/templates: what the app asks wx.requestSubscribeMessage for (ids are public in WeChat too). */
export function subscribeTemplates(deps: Pick<SubscriptionDeps, 'templates'>) {
  return { templates: SUBSCRIBE_TOPICS.map((topic) => ({ topic, templateId: deps.templates[topic].id })) };
}

/**
 * POST /me/subscriptions: the templates the person accepted at the moment of action. Each is one
 * more message we may send (WeChat counts the same way); a topic with no template is not counted.
 */
export async function recordSubscriptions(deps: SubscriptionDeps, userId: string, body: RecordSubscriptionsBody) {
  const usable = body.accepted.filter((topic) => deps.templates[topic].id);
  const subscriptions = usable.length
    ? await deps.subscriptions.grant(userId, usable, deps.config.rules.subscribe.maxCreditsPerTopic)
    : await deps.subscriptions.counts(userId);
  return { subscriptions };
}

export async function mySubscriptions(deps: Pick<SubscriptionDeps, 'subscriptions'>, userId: string) {
  return { subscriptions: await deps.subscriptions.counts(userId) };
}
