import { DreamCaches } from '../adapters/dynamodb/dream-caches';
import { DynamoDreamGiftStore } from '../adapters/dynamodb/dream-gift-store';
import { DynamoDreamReads } from '../adapters/dynamodb/dream-reads';
import { DynamoDreamReviewStore } from '../adapters/dynamodb/dream-review-store';
import { DynamoNotificationRepository } from '../adapters/dynamodb/notification-repository';
import { DynamoQuizRepository } from '../adapters/dynamodb/quiz-repository';
import { DynamoQuotaCounters } from '../adapters/dynamodb/quota-store';
import { DynamoSponsorRepository } from '../adapters/dynamodb/sponsor-repository';
import { DynamoStepsRepository } from '../adapters/dynamodb/steps-repository';
import { DynamoStoreRepository } from '../adapters/dynamodb/store-repository';
import { DynamoTeamRepository } from '../adapters/dynamodb/team-repository';
import { openDataFor } from '../adapters/wechat/open-data';
import { HttpWechatClient } from '../adapters/wechat/wechat-client';
import { WechatMediaCheck } from '../adapters/wechat/media-check';
import { DynamoFanoutStore } from '../adapters/dynamodb/fanout-store';
import { DynamoLetterRepository } from '../adapters/dynamodb/letter-repository';
import type { Letterbox, LetterRepository, LetterSummaries } from '../domain/letter';
import { DynamoLetterSummaries } from '../adapters/dynamodb/letter-summaries';
import { DynamoLetterbox } from '../adapters/dynamodb/letterbox';
import { DynamoAccessTokenStore } from '../adapters/dynamodb/wechat-token-store';
import type { DreamAudienceReader, FanoutStore } from '../domain/fanout';
import { DynamoDreamAudience } from '../adapters/dynamodb/dream-audience';
import type { DreamGiftStore, DreamReads, DreamReviewStore } from '../domain/dream-ports';
import type { MemberCodes } from '../domain/lowcarbon';
import type { NotificationRepository } from '../domain/notification';
import type { QuizRepository } from '../domain/quiz';
import { CountedQuotas, type Quotas } from '../domain/quota';
import type { SponsorRepository, StepsRepository } from '../domain/steps';
import type { StoreRepository } from '../domain/store';
import type { TeamRepository } from '../domain/team';
import type { ContentSafetyPort, MediaCheckPort, OpenDataPort, WechatAuthPort } from '../domain/wechat';
import type { Core } from './core';
import { DynamoAccountClosing } from '../adapters/dynamodb/account-closing';
import { DynamoUserRepository } from '../adapters/dynamodb/user-repository';
import type { AccountClosingPort, ProfileWriter } from '../domain/user';
import { MEAL_PASS, MemberCodeService } from '../adapters/tokens/member-code';
import { DynamoMealQueue } from '../adapters/dynamodb/meal-queue';
import { secretProvider } from '../shared/secrets';
import { TokenService } from '../shared/auth-token';
import { DynamoDonationRepository } from '../adapters/dynamodb/donation-repository';
import { DynamoMealWindup } from '../adapters/dynamodb/meal-windup';
import type { MealQueue, Roster } from '../domain/meals';
import { DynamoRoster } from '../adapters/dynamodb/roster';
import { DynamoAuditTrail } from '../adapters/dynamodb/audit-repository';
import type { AuditTrail } from '../domain/audit';
import { DynamoLedgerStore } from '../adapters/dynamodb/ledger-repository';
import { LedgerMoves } from '../domain/ledger-moves';
import type { LedgerRepository, UserRepository } from '../domain/ports';
import { SignedObjectStore } from '../adapters/s3/object-store';
import { DynamoUploadRepository } from '../adapters/dynamodb/upload-repository';
import { verifyPush } from '../adapters/wechat/message-push';
import { DynamoHeldTextStore } from '../adapters/dynamodb/held-text-store';
import type { HeldTextStore } from '../domain/content-safety';
import type { ObjectStore, UploadRepository } from '../domain/upload';
import { DynamoDistributionFacts } from '../adapters/dynamodb/distribution-facts';
import type { DistributionStore } from '../domain/distribution';
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

/** The whole people repository (sign-in, roles, dreams' and stores' people); the core reads profiles only. */
export const userParts = /* @__PURE__ */ perCore((core): UserParts => ({ users: new DynamoUserRepository(core.table, core.clock) }));

/** Issuing session tokens: only sign-in does (every function checks them through the core). */
export const tokenParts = /* @__PURE__ */ perCore((core): TokenParts => ({
  tokens: new TokenService(core.jwtSecret, core.config.rules.auth.tokenTtlDays),
}));

export interface TokenParts {
  tokens: TokenService;
}
export interface UserParts {
  users: UserRepository;
}
export interface WechatParts {
  wechat: WechatAuthPort;
  contentSafety: ContentSafetyPort;
}
export interface QuotaParts {
  quotas: Quotas;
}
export interface SignInParts extends WechatParts, QuotaParts, UserParts, TokenParts {}
export interface SponsorParts {
  sponsors: SponsorRepository;
}
export interface LedgerParts {
  ledger: LedgerRepository;
}
export interface StepsParts extends SponsorParts, WechatParts, LedgerParts, UserParts {
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
export interface DreamParts extends UploadParts, HeldTextParts, UserParts {
  dreams: DreamReads;
  dreamReviews: DreamReviewStore;
  teams: TeamRepository;
}
/** A gift moves flowers: the donor's ledger and the dream's gift writes, in one transaction. */
export interface DreamGiftParts extends QuotaParts, LedgerParts, UserParts {
  dreams: DreamReads;
  dreamGifts: DreamGiftStore;
  teams: TeamRepository;
}
/** Only the review asks WeChat (its content-safety check), so only it carries the client. */
export interface DreamReviewParts extends WechatParts, UploadParts, UserParts {
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
  return { ...wechatParts(core), ...quotaParts(core), ...userParts(core), ...tokenParts(core) };
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
    ...userParts(core),
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
export function meParts(core: Core): NotificationParts & LedgerParts & UploadParts & UserParts {
  // The avatar's view URL, signed once its image check passed.
  return { ...notificationParts(core), ...ledgerParts(core), ...uploadParts(core), ...userParts(core) };
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
    ...userParts(core),
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
    ...userParts(core),
    ...ledgerParts(core),
    ...quotaParts(core),
  };
}

/** GET /dreams/{id}: the dream's parts and its letters' summary (the transparency panel). */
export function dreamPageParts(core: Core): DreamParts & { letterSummaries: LetterSummaries } {
  return { ...dreamParts(core), letterSummaries: new DynamoLetterSummaries(core.table) };
}

export function dreamReviewParts(core: Core): DreamReviewParts {
  return { dreams: dreamReads(core), dreamReviews: dreamReviewStore(core), ...wechatParts(core), ...uploadParts(core), ...userParts(core) };
}

export const fanoutParts = /* @__PURE__ */ perCore((core): { fanout: FanoutStore } => ({ fanout: new DynamoFanoutStore(core.table) }));

/** The lean dream reader the stream consumers and the letters share (one per core). */
export const dreamAudience = /* @__PURE__ */ perCore((core) => new DynamoDreamAudience(core.table));

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

/** The uploads' records, one repository per core (uploads, photo checks and sign-off photos share it). */
export const uploadRepository = /* @__PURE__ */ perCore((core): UploadRepository => new DynamoUploadRepository(core.table));

export const uploadParts = /* @__PURE__ */ perCore((core): UploadParts => ({
  uploads: uploadRepository(core),
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
    // A statement line may cite one of the dream's distributions: its facts only, not the sign-off store.
    distributions: distributionFacts(core),
    ...uploadParts(core),
    ...heldTextParts(core),
  }),
);

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

/** The sanitation-worker roster (import and claims). */
export const rosterParts = /* @__PURE__ */ perCore((core): QuotaParts & UserParts & { roster: Roster } => ({
  roster: new DynamoRoster(core.table),
  ...quotaParts(core),
  ...userParts(core),
}));

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
  heldTexts: heldTextParts(core).heldTexts,
}));

export interface AssemblyParts {
  assemblies: AssemblyStore;
  donors: DreamDonors;
  audience: DreamAudienceReader;
  letters: Pick<LetterRepository, 'get'>;
  contentSafety: ContentSafetyPort;
  heldTexts: HeldTextStore;
}

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

/**
 * The reads other features make of a distribution (the letters' citations, the closed
 * distribution's notice, the spot check's draw): a reader that carries none of the store's writes.
 */
export const distributionFacts = /* @__PURE__ */ perCore((core) => new DynamoDistributionFacts(core.table));
