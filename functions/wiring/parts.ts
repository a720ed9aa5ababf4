import { DreamCaches } from '../adapters/dynamodb/dream-caches';
import { DynamoDreamGiftStore } from '../adapters/dynamodb/dream-gift-store';
import { DynamoDreamReads } from '../adapters/dynamodb/dream-reads';
import { DynamoDreamReviewStore } from '../adapters/dynamodb/dream-review-store';
import { DynamoNotificationRepository, DynamoNotifier } from '../adapters/dynamodb/notification-repository';
import { DynamoQuizRepository } from '../adapters/dynamodb/quiz-repository';
import { DynamoQuotaCounters } from '../adapters/dynamodb/quota-store';
import { DynamoSponsorRepository } from '../adapters/dynamodb/sponsor-repository';
import { DynamoStepsRepository } from '../adapters/dynamodb/steps-repository';
import { DynamoStoreRepository } from '../adapters/dynamodb/store-repository';
import { DynamoTeamRepository } from '../adapters/dynamodb/team-repository';
import { openDataFor } from '../adapters/wechat/open-data';
import { HttpWechatClient } from '../adapters/wechat/wechat-client';
import { WechatMediaCheck } from '../adapters/wechat/media-check';
import { WechatSubscribeMessages } from '../adapters/wechat/subscribe-messages';
import { DynamoFanoutStore } from '../adapters/dynamodb/fanout-store';
import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository';
import type { Letterbox, LetterRepository, LetterSummaries } from '../domain/letter';
import { DynamoLetterSummaries } from '../adapters/dynamodb/letter-summaries';
import { DynamoLetterbox } from '../adapters/dynamodb/letterbox';
import { DynamoSubscriptionStore } from '../adapters/dynamodb/subscription-store';
import { DynamoAccessTokenStore } from '../adapters/dynamodb/wechat-token-store';
import type { AudiencePort, DreamAudienceReader, FanoutStore } from '../domain/fanout';
import { DynamoDreamAudience } from '../adapters/dynamodb/dream-audience';
import { Pacer } from '../domain/pacer';
import type { SubscriptionStore } from '../domain/subscription';
import type { SubscribeTemplate } from '../shared/config';
import type { SubscribeTopic } from '../contract/enums';
import type { DreamGiftStore, DreamReads, DreamReviewStore } from '../domain/dream-ports';
import type { MemberCodes } from '../domain/lowcarbon';
import type { NotificationRepository, NotificationSender } from '../domain/notification';
import type { QuizRepository } from '../domain/quiz';
import { CountedQuotas, type Quotas } from '../domain/quota';
import type { SponsorRepository, StepsRepository } from '../domain/steps';
import type { StoreRepository } from '../domain/store';
import type { TeamRepository } from '../domain/team';
import type { ContentSafetyPort, MediaCheckPort, OpenDataPort, WechatAuthPort, WechatMessagingPort } from '../domain/wechat';
import type { Core } from './core';
import { DynamoAccountClosing } from '../adapters/dynamodb/account-closing';
import { DynamoUserRepository } from '../adapters/dynamodb/user-repository';
import type { AccountClosingPort, ProfileWriter } from '../domain/user';
import { MEAL_PASS, MemberCodeService } from '../adapters/tokens/member-code';
import { DynamoMealQueue } from '../adapters/dynamodb/meal-queue';
import { optionalSecret, secretProvider } from '../shared/secrets';
import { subscribeTemplates } from '../shared/subscribe-templates';
import { ConfiguredWechatPay } from '../adapters/wechatpay/wechatpay-client';
import { DynamoDonationRepository } from '../adapters/dynamodb/donation-repository';
import { DynamoMealWindup } from '../adapters/dynamodb/meal-windup';
import type { MealWindupStore } from '../domain/store-windup';
import type { DonationRepository, MealQueue, Roster } from '../domain/meals';
import { DynamoRoster } from '../adapters/dynamodb/roster';
import { loadWechatPaySettings } from '../shared/config';
import { DynamoAuditTrail } from '../adapters/dynamodb/audit-repository';
import type { AuditTrail } from '../domain/audit';
import { DynamoLedgerStore } from '../adapters/dynamodb/ledger-repository';
import { LedgerMoves } from '../domain/ledger-moves';
import type { LedgerRepository } from '../domain/ports';
import { SignedObjectStore } from '../adapters/s3/object-store';
import { DynamoUploadRepository } from '../adapters/dynamodb/upload-repository';
import { verifyPush } from '../adapters/wechat/message-push';
import { DynamoHeldTextStore } from '../adapters/dynamodb/held-text-store';
import type { HeldTextStore } from '../domain/content-safety';
import type { ObjectStore, UploadRepository } from '../domain/upload';
import { DynamoSpotCheckStore } from '../adapters/dynamodb/spot-check-store';
import { DynamoDistributionStore } from '../adapters/dynamodb/distribution-store';
import { loadSignoffSettings } from '../shared/config/signoff';
import { distributionKeys } from '../adapters/dynamodb/distribution-keys';
import { DynamoLogStore } from '../adapters/dynamodb/log-store';
import { nodeLogCrypto } from '../adapters/crypto/log-crypto';
import type { DistributionStore } from '../domain/distribution';
import type { SpotCheckStore } from '../domain/spot-check';
import type { LogStore } from '../domain/log-ports';
import type { Sha256 } from '../domain/log-encoding';
import { DynamoAssemblyStore } from '../adapters/dynamodb/assembly-store';
import { DynamoAssemblyDonors } from '../adapters/dynamodb/assembly-donors';
import type { AssemblyStore, DreamDonors } from '../domain/assembly';
import { DynamoPromiseStore } from '../adapters/dynamodb/promise-store';
import { DynamoPollStore } from '../adapters/dynamodb/poll-store';
import { DynamoPromiseAssemblyFacts } from '../adapters/dynamodb/promise-assembly-facts';
import type { AssemblyFactsReader, PromiseStore } from '../domain/promise-ports';
import type { PollStore } from '../domain/poll-ports';

/*
 * Each feature's adapters, as a function of the core, typed by the domain's ports (so neither the
 * use cases nor the Container name an adapter class). Handlers import only the ones they use
 * (through their feature's accessor); buildContainer (scripts, tests) puts them all together.
 */

/**
 * Parts several features share are built once per core, so a process has one WeChat client (one
 * access-token cache) and one sponsor repository however many features ask for them.
 */
export function perCore<T>(build: (core: Core) => T): (core: Core) => T {
  const built = new WeakMap<Core, T>();
  return (core) => {
    if (!built.has(core)) built.set(core, build(core));
    return built.get(core)!;
  };
}

/** The audit trail as a list (GET /admin/audit); changes write their entries in their own transactions. */
export const auditParts = /* @__PURE__ */ perCore((core): { audit: AuditTrail } => ({ audit: new DynamoAuditTrail(core.table) }));

/** The flower ledger, for the functions that read or move flowers (one per core: it remembers the accounts it moved). */
export const ledgerParts = /* @__PURE__ */ perCore((core): { ledger: LedgerRepository } => ({
  ledger: new LedgerMoves(new DynamoLedgerStore(core.table), { maxAttempts: core.config.rules.ledger.maxMoveAttempts, clock: core.clock }),
}));

export interface WechatParts {
  wechat: WechatAuthPort;
  contentSafety: ContentSafetyPort;
}
export interface QuotaParts {
  quotas: Quotas;
}
export interface SignInParts extends WechatParts, QuotaParts {}
export interface SponsorParts {
  sponsors: SponsorRepository;
}
export interface LedgerParts {
  ledger: LedgerRepository;
}
export interface StepsParts extends SponsorParts, WechatParts, LedgerParts {
  steps: StepsRepository;
  openData: OpenDataPort;
}
export interface QuizParts extends LedgerParts {
  quiz: QuizRepository;
}
export interface StoreParts extends QuotaParts {
  stores: StoreRepository;
}
export interface LowCarbonParts extends StoreParts, LedgerParts {
  memberCodes: MemberCodes;
}
export interface NotificationParts {
  notifications: NotificationRepository;
  letterbox: Letterbox;
}
export interface DreamParts extends UploadParts, HeldTextParts {
  dreams: DreamReads;
  dreamReviews: DreamReviewStore;
  teams: TeamRepository;
}
/** A gift moves flowers: the donor's ledger and the dream's gift writes, in one transaction. */
export interface DreamGiftParts extends QuotaParts, LedgerParts {
  dreams: DreamReads;
  dreamGifts: DreamGiftStore;
  teams: TeamRepository;
}
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
/** Only the review asks WeChat (its content-safety check), so only it carries the client. */
export interface DreamReviewParts extends WechatParts, UploadParts {
  dreams: DreamReads;
  dreamReviews: DreamReviewStore;
}

export const wechatParts = /* @__PURE__ */ perCore((core): WechatParts & { wechat: HttpWechatClient } => {
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

export const quotaParts = /* @__PURE__ */ perCore((core): QuotaParts => ({ quotas: new CountedQuotas(new DynamoQuotaCounters(core.table)) }));

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
    steps: new DynamoStepsRepository(core.table, ledgerParts(core).ledger, sponsors),
    ...ledgerParts(core),
    openData: openDataFor(core.config.wechat.appId),
    ...wechatParts(core),
  };
}

export function quizParts(core: Core): QuizParts {
  return { quiz: new DynamoQuizRepository(core.table), ...ledgerParts(core) };
}

export const storeParts = /* @__PURE__ */ perCore((core): StoreParts & HeldTextParts => ({
  stores: new DynamoStoreRepository(core.table),
  ...quotaParts(core),
  ...heldTextParts(core),
}));

export function lowCarbonParts(core: Core): LowCarbonParts {
  return { ...storeParts(core), ...ledgerParts(core), memberCodes: new MemberCodeService(core.jwtSecret, core.config.rules.lowcarbon.memberCodeTtlSeconds) };
}

/** GET /me: the person, their flowers and their unread counts. */
export function meParts(core: Core): NotificationParts & LedgerParts & UploadParts {
  // The avatar's view URL, signed once its image check passed.
  return { ...notificationParts(core), ...ledgerParts(core), ...uploadParts(core) };
}

/** PUT /me/profile: the profile writer and WeChat's content-safety check of the nickname. */
export function profileParts(core: Core): { profiles: ProfileWriter; contentSafety: ContentSafetyPort } & UploadParts {
  // The avatar is an upload, checked like a letter's photo.
  return { profiles: new DynamoUserRepository(core.table, core.clock), contentSafety: wechatParts(core).contentSafety, ...uploadParts(core) };
}

/** GET /me/export and DELETE /me: the ledger and the person's data across the table. */
export function accountParts(core: Core): LedgerParts & { accountClosing: AccountClosingPort } {
  return { ...ledgerParts(core), accountClosing: new DynamoAccountClosing(core.table) };
}

export const notificationParts = /* @__PURE__ */ perCore((core): NotificationParts => ({
  notifications: new DynamoNotificationRepository(core.table, core.clock),
  letterbox: new DynamoLetterbox(core.table),
}));

/** One set of dream caches per core: the process's reads, gifts and adoptions share them. */
const dreamCaches = /* @__PURE__ */ perCore(() => new DreamCaches());
const dreamReads = /* @__PURE__ */ perCore((core): DreamReads => new DynamoDreamReads(core.table, dreamCaches(core)));
const dreamReviewStore = /* @__PURE__ */ perCore((core): DreamReviewStore => new DynamoDreamReviewStore(core.table, dreamCaches(core)));

export function dreamParts(core: Core): DreamParts {
  return {
    dreams: dreamReads(core),
    dreamReviews: dreamReviewStore(core),
    teams: new DynamoTeamRepository(core.table, core.clock),
    // Covers are uploads: a dream's answer signs its cover's view URL once the image check passed.
    ...uploadParts(core),
    ...heldTextParts(core),
  };
}

/** POST /dreams/{id}/donations: the reads, the gift writes and the ledger; no review or adoption writes. */
export function dreamGiftParts(core: Core): DreamGiftParts {
  return {
    dreams: dreamReads(core),
    dreamGifts: new DynamoDreamGiftStore(core.table, dreamCaches(core)),
    teams: new DynamoTeamRepository(core.table, core.clock),
    ...ledgerParts(core),
    ...quotaParts(core),
  };
}

/** GET /dreams/{id}: the dream's parts and its letters' summary (the transparency panel). */
export function dreamPageParts(core: Core): DreamParts & { letterSummaries: LetterSummaries } {
  return { ...dreamParts(core), letterSummaries: new DynamoLetterSummaries(core.table) };
}

export function dreamReviewParts(core: Core): DreamReviewParts {
  return { dreams: dreamReads(core), dreamReviews: dreamReviewStore(core), ...wechatParts(core), ...uploadParts(core) };
}

export const subscriptionParts = /* @__PURE__ */ perCore((core): SubscriptionParts => ({
  subscriptions: new DynamoSubscriptionStore(core.table),
  templates: subscribeTemplates(core.config),
}));

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
    distributions: distributionStore(core),
    ...subscriptionParts(core),
    messaging: new WechatSubscribeMessages(wechatParts(core).wechat),
    templates: subscribeTemplates(core.config),
    pacer: new Pacer(core.config.rules.fanout.sendsPerSecondPerWorker),
  };
}

/** The uploads bucket: SigV4-signed S3 calls (static keys for a local emulator, the function's role in AWS). */
export const objectStore = /* @__PURE__ */ perCore((core): ObjectStore => {
  const { uploads, region, isLocalStage } = core.config;
  if (!uploads) throw new Error('UPLOADS_BUCKET is not configured');
  const local = isLocalStage && uploads.endpoint;
  return new SignedObjectStore({
    bucket: uploads.bucket,
    region,
    endpoint: uploads.endpoint,
    publicApiBase: core.config.publicApiBase ?? undefined,
    ...(local
      ? { credentials: async () => ({ accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' }) }
      : {}),
  });
});

export interface UploadParts extends QuotaParts {
  uploads: UploadRepository;
  objects: ObjectStore;
}

export const uploadParts = /* @__PURE__ */ perCore((core): UploadParts => ({
  uploads: new DynamoUploadRepository(core.table),
  objects: objectStore(core),
  ...quotaParts(core),
}));

/** WeChat's message push: verdicts settle uploads; the token signs each push (SSM in AWS). */
export const pushParts = /* @__PURE__ */ perCore((core) => {
  const token = secretProvider(core.config.wechat.pushToken, core.config.wechat.pushTokenParam, 'WeChat push token', core.config.region);
  return {
    uploads: new DynamoUploadRepository(core.table) as Pick<UploadRepository, 'settleMediaCheck'>,
    verifyPush: async (query: { signature?: string; timestamp?: string; nonce?: string }, nowSeconds: number) => verifyPush(await token(), query, nowSeconds),
  };
});

/** Letters: the repository, the letterbox, the lean dream reader (who adopted it, its matched money), photos. */
export const letterParts = /* @__PURE__ */ perCore(
  (
    core,
  ): { letters: LetterRepository; letterbox: Letterbox; audience: DynamoDreamAudience; distributions: Pick<DistributionStore, 'get'> } & UploadParts &
    HeldTextParts => ({
    letters: new DynamoLetterRepository(core.table),
    letterbox: new DynamoLetterbox(core.table),
    audience: dreamAudience(core),
    // A statement line may cite one of the dream's distributions.
    distributions: new DynamoDistributionStore(core.table),
    ...uploadParts(core),
    ...heldTextParts(core),
  }),
);

/** Love meals: donations, the stores they fund, and WeChat Pay (when configured). */
export const mealParts = /* @__PURE__ */ perCore((core): MealParts => {
  const settings = loadWechatPaySettings(core.config.env, core.config.isLocalStage);
  const { region } = core.config;
  return {
    ...storeParts(core),
    donations: new DynamoDonationRepository(core.table, core.config.rules.meals.fundShards),
    payments: settings
      ? new ConfiguredWechatPay(
          { ...settings, appId: core.config.wechat.appId },
          {
            privateKey: secretProvider(settings.privateKey, settings.privateKeyParam, 'WeChat Pay merchant key', region),
            apiV3Key: secretProvider(settings.apiV3Key, settings.apiV3KeyParam, 'WeChat Pay APIv3 key', region),
            publicKey: optionalSecret(settings.publicKey, settings.publicKeyParam, 'WeChat Pay public key', region),
            platformCertificates: optionalSecret(settings.platformCertificates, settings.platformCertificatesParam, 'WeChat Pay platform certificates', region),
          },
          // Only the fake the launcher started itself has the unsigned "pay at once" hook.
          core.config.isLocalStage && core.config.env.LRF_EMBEDDED_WECHATPAY === '1',
        )
      : null,
  };
});

export interface MealParts extends StoreParts {
  donations: DonationRepository;
  payments: ConfiguredWechatPay | null;
}

/** Passes and redemptions (no WeChat Pay: a redemption moves no money, it records what the store is owed). */
export const redemptionParts = /* @__PURE__ */ perCore((core): RedemptionParts => ({
  ...storeParts(core),
  passes: new MemberCodeService(core.jwtSecret, core.config.rules.meals.passTtlSeconds, MEAL_PASS(core.config.rules.meals.passWindowSeconds)),
  queue: new DynamoMealQueue(core.table, core.config.rules.meals.fundShards),
}));

export interface RedemptionParts extends StoreParts {
  passes: MemberCodes;
  queue: MealQueue;
}

/** An admin's store money (suspend, wind up, payouts): stores, their funds and queue, the wind-up; no WeChat Pay. */
export const storeAdminParts = /* @__PURE__ */ perCore((core) => ({
  ...storeParts(core),
  donations: new DynamoDonationRepository(core.table, core.config.rules.meals.fundShards),
  windup: new DynamoMealWindup(core.table, core.config.rules.meals.fundShards),
  queue: new DynamoMealQueue(core.table, core.config.rules.meals.fundShards),
}));

/** WeChat Pay's notifications: payments settle donations, refunds settle the wind-up's refunds. */
export const paymentNotifyParts = /* @__PURE__ */ perCore((core): MealParts & { windup: MealWindupStore } => ({
  ...mealParts(core),
  windup: new DynamoMealWindup(core.table, core.config.rules.meals.fundShards),
}));

/** The wind-up's stream worker: the admin's parts and WeChat Pay (for the refunds). */
export const windupParts = /* @__PURE__ */ perCore((core) => ({ ...storeAdminParts(core), payments: mealParts(core).payments }));

/** The sanitation-worker roster (import and claims). */
export const rosterParts = /* @__PURE__ */ perCore((core): QuotaParts & { roster: Roster } => ({ roster: new DynamoRoster(core.table), ...quotaParts(core) }));

/** The photo checker (a stream consumer): uploads, the bucket and WeChat's image check. */
export function photoCheckParts(core: Core): UploadParts & { mediaCheck: MediaCheckPort; users: Core['users'] } {
  return { ...uploadParts(core), mediaCheck: new WechatMediaCheck(wechatParts(core).wechat), users: core.users };
}

/** What a write of public text needs: WeChat's text check and the admin queue of held texts. */
export interface HeldTextParts extends WechatParts {
  heldTexts: HeldTextStore;
}

export const heldTextParts = /* @__PURE__ */ perCore((core): HeldTextParts => ({ ...wechatParts(core), heldTexts: new DynamoHeldTextStore(core.table) }));

/** GET /admin/held and its review: the queue and the audit trail it writes to. */
export function heldReviewParts(core: Core): { heldTexts: HeldTextStore } {
  return { heldTexts: heldTextParts(core).heldTexts };
}

/** Donor assemblies: their store, who gave to the dream, its letters' statements and WeChat's text check. */
export const assemblyParts = /* @__PURE__ */ perCore((core): AssemblyParts => ({
  assemblies: new DynamoAssemblyStore(core.table),
  donors: new DynamoAssemblyDonors(core.table),
  audience: dreamAudience(core),
  letters: new DynamoLetterRepository(core.table),
  contentSafety: wechatParts(core).contentSafety,
}));

export interface AssemblyParts {
  assemblies: AssemblyStore;
  donors: DreamDonors;
  audience: DreamAudienceReader;
  letters: Pick<LetterRepository, 'get'>;
  contentSafety: ContentSafetyPort;
}

/** Spot checks: their store, the distributions they draw from, and the log's served checkpoint (the seed). */
export interface SpotCheckParts {
  spotChecks: SpotCheckStore;
  distributions: Pick<DistributionStore, 'get' | 'recipients'>;
  log: Pick<LogStore, 'state'>;
  sha256: Sha256;
}

export const spotCheckParts = /* @__PURE__ */ perCore((core): SpotCheckParts => ({
  spotChecks: new DynamoSpotCheckStore(core.table, distributionKeys.profile),
  distributions: new DynamoDistributionStore(core.table),
  log: new DynamoLogStore(core.table),
  sha256: nodeLogCrypto.sha256,
}));

/** Promises and live polls of the assemblies: their stores, what they read of the assembly and the dream, WeChat's text check. */
export interface PromiseParts {
  promises: PromiseStore;
  assemblyFacts: AssemblyFactsReader;
  contentSafety: ContentSafetyPort;
}
export interface PollParts {
  polls: PollStore;
  assemblyFacts: AssemblyFactsReader;
  contentSafety: ContentSafetyPort;
}

const assemblyFacts = /* @__PURE__ */ perCore((core): AssemblyFactsReader => new DynamoPromiseAssemblyFacts(core.table));

export const promiseParts = /* @__PURE__ */ perCore((core): PromiseParts => ({
  promises: new DynamoPromiseStore(core.table),
  assemblyFacts: assemblyFacts(core),
  contentSafety: wechatParts(core).contentSafety,
}));

export const pollParts = /* @__PURE__ */ perCore((core): PollParts => ({
  polls: new DynamoPollStore(core.table),
  assemblyFacts: assemblyFacts(core),
  contentSafety: wechatParts(core).contentSafety,
}));

/** One distribution store per core: the sign-off function, the letters' citations and the events share it. */
export const distributionStore = /* @__PURE__ */ perCore((core): DistributionStore => new DynamoDistributionStore(core.table));

/** 数字签收: distributions, the dream they belong to, photos, WeChat's text check and the codes' pepper. */
export const distributionParts = /* @__PURE__ */ perCore((core) => {
  const settings = loadSignoffSettings(core.config.env, core.config.isLocalStage);
  return {
    distributions: distributionStore(core),
    audience: dreamAudience(core),
    contentSafety: wechatParts(core).contentSafety,
    signoffPepper: secretProvider(settings.pepper, settings.pepperParam, 'sign-off code pepper', core.config.region),
    ...uploadParts(core),
  };
});
