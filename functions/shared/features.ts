import { DynamoDreamRepository } from '../adapters/dynamodb/dream-repository';
import { DynamoNotificationRepository, DynamoNotifier } from '../adapters/dynamodb/notification-repository';
import { DynamoQuizRepository } from '../adapters/dynamodb/quiz-repository';
import { DynamoQuotaStore } from '../adapters/dynamodb/quota-store';
import { DynamoSponsorRepository } from '../adapters/dynamodb/sponsor-repository';
import { DynamoStepsRepository } from '../adapters/dynamodb/steps-repository';
import { DynamoStoreRepository } from '../adapters/dynamodb/store-repository';
import { DynamoTeamRepository } from '../adapters/dynamodb/team-repository';
import { openDataFor } from '../adapters/wechat/open-data';
import { HttpWechatClient } from '../adapters/wechat/wechat-client';
import { DynamoFanoutStore } from '../adapters/dynamodb/fanout-store';
import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository';
import type { Letterbox, LetterRepository } from '../domain/letter';
import { DynamoLetterbox } from '../adapters/dynamodb/letterbox';
import { DynamoSubscriptionStore } from '../adapters/dynamodb/subscription-store';
import { DynamoAccessTokenStore } from '../adapters/dynamodb/wechat-token-store';
import type { AudiencePort, DreamAudienceReader, FanoutStore } from '../domain/fanout';
import { DynamoDreamAudience } from '../adapters/dynamodb/dream-audience';
import { Pacer } from '../domain/pacer';
import type { SubscriptionStore } from '../domain/subscription';
import type { SubscribeTemplate } from './config';
import type { SubscribeTopic } from '../contract/enums';
import type { DreamRepository } from '../domain/dream';
import type { MemberCodes } from '../domain/lowcarbon';
import type { NotificationRepository, NotificationSender } from '../domain/notification';
import type { QuizRepository } from '../domain/quiz';
import type { Quotas } from '../domain/quota';
import type { SponsorRepository, StepsRepository } from '../domain/steps';
import type { StoreRepository } from '../domain/store';
import type { TeamRepository } from '../domain/team';
import type { ContentSafetyPort, OpenDataPort, WechatAuthPort, WechatMessagingPort } from '../domain/wechat';
import type { Core } from './core';
import { MemberCodeService } from './member-code';
import { secretProvider } from './secrets';

/*
 * Each feature's adapters, as a function of the core, typed by the domain's ports (so neither the
 * use cases nor the Container name an adapter class). Handlers import only the ones they use
 * (through their feature's accessor); buildContainer (scripts, tests) puts them all together.
 */

/**
 * Parts several features share are built once per core, so a process has one WeChat client (one
 * access-token cache) and one sponsor repository however many features ask for them.
 */
function perCore<T>(build: (core: Core) => T): (core: Core) => T {
  const built = new WeakMap<Core, T>();
  return (core) => {
    if (!built.has(core)) built.set(core, build(core));
    return built.get(core)!;
  };
}

export interface WechatParts {
  wechat: WechatAuthPort & WechatMessagingPort;
  contentSafety: ContentSafetyPort;
}
export interface QuotaParts {
  quotas: Quotas;
}
export interface SignInParts extends WechatParts, QuotaParts {}
export interface SponsorParts {
  sponsors: SponsorRepository;
}
export interface StepsParts extends SponsorParts, WechatParts {
  steps: StepsRepository;
  openData: OpenDataPort;
}
export interface QuizParts {
  quiz: QuizRepository;
}
export interface StoreParts extends QuotaParts {
  stores: StoreRepository;
}
export interface LowCarbonParts extends StoreParts {
  memberCodes: MemberCodes;
}
export interface NotificationParts {
  notifications: NotificationRepository;
  letterbox: Letterbox;
}
export interface DreamParts extends QuotaParts {
  dreams: DreamRepository;
  teams: TeamRepository;
}
export interface SubscriptionParts {
  subscriptions: SubscriptionStore;
}
/** The stream consumers: fan-out jobs, the inbox, subscribe credits and WeChat's send API. */
export interface EventParts extends SubscriptionParts {
  audience: AudiencePort & DreamAudienceReader;
  fanout: FanoutStore;
  notifications: NotificationSender;
  letterbox: Pick<Letterbox, 'deliverOnce'>;
  letters: Pick<LetterRepository, 'get'>;
  messaging: WechatMessagingPort;
  templates: Record<SubscribeTopic, SubscribeTemplate>;
  pacer: Pacer;
}
/** Only the review asks WeChat (its content-safety check), so only it carries the client. */
export interface DreamReviewParts extends WechatParts {
  dreams: DreamRepository;
}

export const wechatParts = /* @__PURE__ */ perCore((core): WechatParts => {
  const { wechat } = core.config;
  const client = new HttpWechatClient({
    apiBase: wechat.apiBase,
    appId: wechat.appId,
    appSecret: secretProvider(wechat.appSecret, wechat.appSecretParam, 'WeChat app secret', core.config.region),
    // One access token for the app, shared by every function through the table.
    tokenStore: new DynamoAccessTokenStore(core.table, wechat.appId),
  });
  return { wechat: client, contentSafety: client };
});

export const quotaParts = /* @__PURE__ */ perCore((core): QuotaParts => ({ quotas: new DynamoQuotaStore(core.table) }));

export function signInParts(core: Core): SignInParts {
  return { ...wechatParts(core), ...quotaParts(core) };
}

export const sponsorParts = /* @__PURE__ */ perCore((core): SponsorParts & { sponsors: DynamoSponsorRepository } => ({
  sponsors: new DynamoSponsorRepository(core.table),
}));

export function stepsParts(core: Core): StepsParts {
  const { sponsors } = sponsorParts(core);
  return {
    sponsors,
    steps: new DynamoStepsRepository(core.table, core.ledger, sponsors),
    openData: openDataFor(core.config.wechat.appId),
    ...wechatParts(core),
  };
}

export function quizParts(core: Core): QuizParts {
  return { quiz: new DynamoQuizRepository(core.table) };
}

export const storeParts = /* @__PURE__ */ perCore((core): StoreParts => ({ stores: new DynamoStoreRepository(core.table), ...quotaParts(core) }));

export function lowCarbonParts(core: Core): LowCarbonParts {
  return { ...storeParts(core), memberCodes: new MemberCodeService(core.jwtSecret, core.config.rules.lowcarbon.memberCodeTtlSeconds) };
}

export const notificationParts = /* @__PURE__ */ perCore((core): NotificationParts => ({
  notifications: new DynamoNotificationRepository(core.table, core.clock),
  letterbox: new DynamoLetterbox(core.table),
}));

/** One dream repository per core (its caches are the process's). */
const dreamRepository = /* @__PURE__ */ perCore((core): DreamRepository => new DynamoDreamRepository(core.table, core.ledger, core.clock));

export function dreamParts(core: Core): DreamParts {
  return {
    dreams: dreamRepository(core),
    teams: new DynamoTeamRepository(core.table, core.clock),
    ...quotaParts(core),
  };
}

export function dreamReviewParts(core: Core): DreamReviewParts {
  return { dreams: dreamRepository(core), ...wechatParts(core) };
}

export const subscriptionParts = /* @__PURE__ */ perCore((core): SubscriptionParts => ({ subscriptions: new DynamoSubscriptionStore(core.table) }));

export const fanoutParts = /* @__PURE__ */ perCore((core): { fanout: FanoutStore } => ({ fanout: new DynamoFanoutStore(core.table) }));

/** The lean dream reader the stream consumers and the letters share (one per core). */
const dreamAudience = /* @__PURE__ */ perCore((core) => new DynamoDreamAudience(core.table));

export function eventParts(core: Core): EventParts {
  return {
    audience: dreamAudience(core),
    ...fanoutParts(core),
    notifications: new DynamoNotifier(core.table, core.clock),
    letterbox: new DynamoLetterbox(core.table),
    letters: new DynamoLetterRepository(core.table),
    ...subscriptionParts(core),
    messaging: wechatParts(core).wechat,
    templates: core.config.wechat.templates,
    pacer: new Pacer(core.config.rules.fanout.sendsPerSecondPerWorker),
  };
}

/** Letters (issue 12): the repository and the lean dream reader (who adopted it, its matched money). */
export const letterParts = /* @__PURE__ */ perCore((core): { letters: LetterRepository; letterbox: Letterbox; audience: DynamoDreamAudience } => ({
  letters: new DynamoLetterRepository(core.table),
  letterbox: new DynamoLetterbox(core.table),
  audience: dreamAudience(core),
}));
