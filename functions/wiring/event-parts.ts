import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository';
import { DynamoLetterbox } from '../adapters/dynamodb/letterbox';
import { DynamoNotifier } from '../adapters/dynamodb/notification-repository';
import { DynamoSubscriptionStore } from '../adapters/dynamodb/subscription-store';
import { WechatSubscribeMessages } from '../adapters/wechat/subscribe-messages';
import type { SubscribeTopic } from '../contract/enums';
import type { DistributionStore } from '../domain/distribution';
import type { AudiencePort, DreamAudienceReader, FanoutStore } from '../domain/fanout';
import type { Letterbox, LetterRepository } from '../domain/letter';
import type { NotificationSender } from '../domain/notification';
import { Pacer } from '../domain/pacer';
import type { SubscriptionStore } from '../domain/subscription';
import type { WechatMessagingPort } from '../domain/wechat';
import type { SubscribeTemplate } from '../shared/config';
import { subscribeTemplates } from '../shared/subscribe-templates';
import type { Core } from './core';
import { distributionFacts, dreamAudience, fanoutParts, perCore, wechatParts } from './parts';

/*
 * The subscribe messages' parts (the stream consumers and the subscription routes). In a file of
 * their own: the templates' settings schema runs when its module loads, so only the functions that
 * send or count subscribe messages carry it (functions/wiring/package.json lets esbuild drop the rest).
 */

export interface SubscriptionParts {
  subscriptions: SubscriptionStore;
  templates: Record<SubscribeTopic, SubscribeTemplate>;
}
/** The stream consumers: fan-out jobs, the inbox, subscribe credits and WeChat's send API. */
export interface EventParts extends SubscriptionParts {
  audience: AudiencePort & DreamAudienceReader;
  fanout: FanoutStore;
  notifications: NotificationSender;
  letterbox: Pick<Letterbox, 'deliverOnce'>;
  letters: Pick<LetterRepository, 'get' | 'startSummary'>;
  /** A closed distribution's figures, for the notification that tells every donor. */
  distributions: Pick<DistributionStore, 'get' | 'counters'>;
  messaging: WechatMessagingPort;
  templates: Record<SubscribeTopic, SubscribeTemplate>;
  pacer: Pacer;
}

export const subscriptionParts = /* @__PURE__ */ perCore((core): SubscriptionParts => ({
  subscriptions: new DynamoSubscriptionStore(core.table),
  templates: subscribeTemplates(core.config),
}));

export function eventParts(core: Core): EventParts {
  return {
    audience: dreamAudience(core),
    ...fanoutParts(core),
    notifications: new DynamoNotifier(core.table, core.clock),
    letterbox: new DynamoLetterbox(core.table),
    letters: new DynamoLetterRepository(core.table),
    distributions: distributionFacts(core),
    ...subscriptionParts(core),
    messaging: new WechatSubscribeMessages(wechatParts(core).wechat),
    templates: subscribeTemplates(core.config),
    pacer: new Pacer(core.config.rules.fanout.sendsPerSecondPerWorker),
  };
}
