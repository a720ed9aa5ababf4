import { feedbackOf, type LetterSummaries } from '../domain/letter';
import { ulid } from 'ulid';
import { assertNotOwnWork, auditRecord, type AuditActor } from '../domain/audit';
import {
  acceptsGifts,
  contentUnsafe,
  dreamNotAccepting,
  notExecutable,
  notInReview,
  PUBLIC_STATUSES,
  shareOfQueue,
  shardCountFor,
  type DreamRecord,
} from '../domain/dream';
import type { DreamGiftStore, DreamReads, DreamReviewStore } from '../domain/dream-ports';
import { adoptionOutcome, reviewOutcome } from '../domain/dream-review';
import type { IdempotentCompletion } from '../domain/idempotency';
import type { Clock, LedgerRepository, MoveResult, UserRepository } from '../domain/ports';
import type { GiftBody, GiftResult, ListDreamsQuery, ProposeDreamInput, ReviewDreamInput, ReviewQueuePage, ReviewQueueQuery } from '../contract/dreams';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { TeamRepository } from '../domain/team';
import type { ContentSafetyPort } from '../domain/wechat';
import { checkPublicText, queueIfHeld, SCENE, type HeldTextDeps } from '../domain/content-safety';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';
import { giveFlowers, type GiftOutcome } from './give';
import { dreamTotals } from './totals';
import { dreamView } from './views';
import { acceptCover, coverUrls, refuseTypedCover } from './covers';
import type { ObjectStore, UploadRepository } from '../domain/upload';

export interface DreamDeps extends HeldTextDeps {
  /** Covers are uploads: checked when a dream names one, shown by a signed URL once WeChat passed it. */
  uploads: UploadRepository;
  objects: ObjectStore;
  clock: Clock;
  users: UserRepository;
  dreams: DreamReads;
  dreamReviews: DreamReviewStore;
  teams: TeamRepository;
  quotas: Quotas;
  config: { rules: Pick<Rules, 'quotas' | 'review' | 'letters' | 'uploads'> };
}

/** What a gift needs: no review or adoption writes, but the ledger (its function stays small). */
export type DreamGiftDeps = Pick<DreamDeps, 'clock' | 'users' | 'dreams' | 'teams'> & { dreamGifts: DreamGiftStore; ledger: LedgerRepository };

export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

type ViewDeps = Pick<DreamDeps, 'dreams' | 'clock' | 'uploads' | 'objects' | 'config'>;

/** One dream as `viewerId` sees it (null: someone not signed in, or whose own cover it cannot be). */
async function viewOne(deps: ViewDeps, dream: DreamRecord, withReviewNote = false, viewerId: string | null = null) {
  const [totals, covers] = await Promise.all([dreamTotals(deps.dreams, [dream], deps.clock.now()), coverUrls(deps, [dream], viewerId)]);
  return dreamView(dream, totals.get(dream.id)!, { withReviewNote, coverUrl: covers.get(dream.id) });
}

/** Many dreams as `viewerId` sees them, each with its totals and the cover it may see. */
async function viewMany(deps: ViewDeps, dreams: DreamRecord[], viewerId: string | null, options: { withReviewNote?: boolean } = {}) {
  const [totals, covers] = await Promise.all([dreamTotals(deps.dreams, dreams, deps.clock.now()), coverUrls(deps, dreams, viewerId)]);
  return dreams.map((d) => dreamView(d, totals.get(d.id)!, { ...options, coverUrl: covers.get(d.id) }));
}

export async function proposeDream(deps: DreamDeps, proposerId: string, input: ProposeDreamInput) {
  refuseTypedCover(input);
  await deps.quotas.take(proposerId, quotaSpecs(deps.config.rules.quotas).dreams, deps.clock.now());
  // The cover's 400s and its risky 409 come before the text check's 409 (the contract's order).
  const coverUploadId = input.coverUploadId ? await acceptCover(deps, proposerId, input.coverUploadId) : null;
  const proposer = await deps.users.findById(proposerId);
  const verdict = await checkPublicText(deps, { openid: proposer?.openid ?? '' }, [input.title, input.story], SCENE.forum);
  const dream: DreamRecord = {
    id: ulid(),
    title: input.title,
    story: input.story,
    category: input.category,
    targetFlowers: input.targetFlowers,
    coverUrl: null,
    ...(coverUploadId ? { coverUploadId } : {}),
    beneficiaries: input.beneficiaries ?? null,
    status: 'in_review',
    proposerId,
    charityId: null,
    createdAt: deps.clock.now().toISOString(),
    reviewNote: null,
    executableAt: null,
    adoptedAt: null,
    openedAt: null,
    shardCount: shardCountFor(input.targetFlowers),
    matchFund: null,
    extraFlowers: 0,
    extraDonors: 0,
    extraMatchedFen: 0,
    hours: {},
    version: 0,
    ...(verdict.held ? { held: true } : {}),
  };
  await deps.dreamReviews.create(dream);
  await queueIfHeld(deps, verdict, { kind: 'dream', targetId: dream.id, text: `${dream.title}\n${dream.story}`, writerId: proposerId });
  return { dream: await viewOne(deps, dream, true, proposerId) };
}

/** in_review and rejected dreams exist only for their proposer and admins; for everyone else 404. */
async function visibleDream(deps: Pick<DreamDeps, 'dreams'>, dreamId: string, viewer: Viewer | null, forGift = false): Promise<DreamRecord> {
  const dream = forGift ? await deps.dreams.getForGift(dreamId) : await deps.dreams.get(dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  const isPublic = PUBLIC_STATUSES.includes(dream.status);
  if (!isPublic && !(viewer && (viewer.isAdmin || viewer.userId === dream.proposerId))) throw new NotFoundError('梦想不存在');
  return dream;
}

/** GET /dreams/{id}: the dream plus what the transparency panel (冷静器) shows before a first gift. */
export async function getDream(deps: DreamDeps & { letterSummaries: LetterSummaries }, dreamId: string, callerId: string | null) {
  const caller = callerId ? await deps.users.findById(callerId) : null;
  const viewer: Viewer | null = caller ? { userId: caller.id, isAdmin: caller.roles.includes('admin') } : null;
  const dream = await visibleDream(deps, dreamId, viewer);
  const [proposer, charity, recentDonors, hasGiven, letters] = await Promise.all([
    deps.users.findById(dream.proposerId),
    dream.charityId ? deps.users.findById(dream.charityId) : Promise.resolve(null),
    deps.dreams.recentDonors(dream, 10),
    viewer ? deps.dreams.hasGiven(dream, viewer.userId) : Promise.resolve(false),
    dream.adoptedAt ? deps.letterSummaries.get(dream.id) : Promise.resolve(null),
  ]);
  const mayReadNote = !!viewer && (viewer.isAdmin || viewer.userId === dream.proposerId);
  return {
    dream: await viewOne(deps, dream, mayReadNote, viewer?.userId ?? null),
    proposer: proposer ? { id: proposer.id, nickname: proposer.nickname } : null,
    charity: charity ? { id: charity.id, nickname: charity.nickname } : null,
    recentDonors: recentDonors.map((d) => ({ nickname: d.nickname, firstAt: d.firstAt })),
    viewer: viewer ? { hasGiven } : null,
    feedback: feedbackOf(dream, letters, deps.clock.now(), deps.config.rules.letters.maxGapDays),
  };
}

export async function listDreams(deps: DreamDeps, query: ListDreamsQuery) {
  if (query.status && !PUBLIC_STATUSES.includes(query.status)) return { items: [], nextCursor: null };
  if (query.sort === 'new') {
    const page = await deps.dreams.list({ status: query.status, category: query.category }, { limit: query.limit, cursor: query.cursor });
    return { items: await viewMany(deps, page.items, null), nextCursor: page.nextCursor };
  }
  // hot: the most flowers in the last 24 hours among the newest 200 public dreams, then the most overall.
  const decoded = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : '0';
  const offset = /^\d{1,3}$/.test(decoded) ? Number(decoded) : -1;
  if (offset < 0 || offset > 200) throw new ValidationError('cursor 无效', [{ in: 'query', path: ['cursor'], message: 'invalid cursor' }]);
  const candidates = query.status
    ? (await deps.dreams.list({ status: query.status, category: query.category }, { limit: 200 })).items
    : (await deps.dreams.publicCandidates(200, query.category)).filter((d) => PUBLIC_STATUSES.includes(d.status));
  const totals = await dreamTotals(deps.dreams, candidates, deps.clock.now());
  const ranked = candidates
    .map((d) => ({ d, t: totals.get(d.id)! }))
    .sort((a, b) => b.t.flowersLast24h - a.t.flowersLast24h || b.t.flowersRaised - a.t.flowersRaised);
  const slice = ranked.slice(offset, offset + query.limit);
  const next = offset + query.limit < ranked.length ? Buffer.from(String(offset + query.limit)).toString('base64url') : null;
  const shown = slice.map(({ d }) => d);
  const covers = await coverUrls(deps, shown, null);
  return { items: slice.map(({ d, t }) => dreamView(d, t, { coverUrl: covers.get(d.id) })), nextCursor: next };
}

export async function myDreams(deps: DreamDeps, userId: string, page: { limit: number; cursor?: string } = { limit: 100 }) {
  const { items: dreams, nextCursor } = await deps.dreams.listProposedBy(userId, page);
  return { items: await viewMany(deps, dreams, userId, { withReviewNote: true }), nextCursor };
}

export async function reviewQueue(deps: DreamDeps, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  const inReview = (d: DreamRecord) => dreamView(d, { flowersRaised: 0, donorCount: 0, matchedFen: 0, flowersLast24h: 0 }, { withReviewNote: true });
  if (query.proposerId) {
    // One proposer's queue, all of it: a page of what they proposed, the ones still in review.
    const page = await deps.dreams.listProposedBy(query.proposerId, query);
    const items = page.items.filter((d) => d.status === 'in_review').map(inReview);
    return { items, nextCursor: page.nextCursor, collapsed: [], proposers: await proposersOf(deps, [query.proposerId]) };
  }
  const page = await deps.dreams.list({ status: 'in_review' }, query);
  const { shown, collapsed } = shareOfQueue(page.items, deps.config.rules.review.maxPerProposerInQueue);
  const proposers = await proposersOf(deps, [...shown.map((d) => d.proposerId), ...collapsed.map((c) => c.proposerId)]);
  return { items: shown.map(inReview), nextCursor: page.nextCursor, collapsed, proposers };
}

/** The nicknames of a queue page's proposers, each read once (a page holds at most a few dozen). */
async function proposersOf(deps: Pick<DreamDeps, 'users'>, ids: string[]) {
  const people = await Promise.all([...new Set(ids)].map((id) => deps.users.findById(id)));
  return people.filter((p) => p !== null).map((p) => ({ id: p.id, nickname: p.nickname }));
}

/** Who reviews when no admin does: the demo seed and the tests that drive the use case directly. */
const SEED_REVIEWER: AuditActor = { kind: 'system', id: 'seed', label: '演示数据' };

/** Admins approve or reject; text must pass the content-safety check before it can be approved. */
/** What a review needs: no teams, notifications or quotas (its function stays small). */
export type DreamReviewDeps = Pick<DreamDeps, 'clock' | 'users' | 'dreams' | 'dreamReviews' | 'uploads' | 'objects' | 'config'> & {
  contentSafety: ContentSafetyPort;
};

export async function reviewDream(deps: DreamReviewDeps, dreamId: string, input: ReviewDreamInput, actor: AuditActor = SEED_REVIEWER) {
  const dream = await deps.dreams.get(dreamId, true);
  if (!dream) throw new NotFoundError('梦想不存在');
  assertNotOwnWork(actor, dream.proposerId, '梦想');
  if (dream.status !== 'in_review') throw notInReview();
  if (input.decision === 'approve') {
    // A held text is cleared in the held queue first; a cleared one still must not be risky now.
    if (dream.held) throw contentUnsafe();
    const proposer = await deps.users.findById(dream.proposerId);
    const verdict = await deps.contentSafety.checkText({ openid: proposer?.openid ?? '', content: `${dream.title}\n${dream.story}`, scene: SCENE.forum });
    if (verdict.suggest === 'risky') throw contentUnsafe();
  }
  const note = input.note ?? null;
  const matchFund = input.matchFund ?? null;
  const now = deps.clock.now();
  const reviewed = reviewOutcome(
    dream,
    {
      approve: input.decision === 'approve',
      note,
      matchFund,
      audit: auditRecord(now, actor, {
        action: input.decision === 'approve' ? 'dream.approve' : 'dream.reject',
        targetType: 'dream',
        targetId: dreamId,
        detail: matchFund ? `${dream.title}（配捐 ${matchFund.sponsorName}，预算 ${matchFund.budgetFen} 分）` : dream.title,
        reason: note,
      }),
    },
    now,
  );
  // Another review may have come first: the write holds to the status read above.
  if (!(await deps.dreamReviews.review(reviewed))) throw notInReview();
  return { dream: await viewOne(deps, (await deps.dreams.get(dreamId, true))!, true) };
}

export type DonationResult = GiftResult;

/** POST /dreams/{id}/donations: flowers from the donor's balance to the dream, exactly once per key. */
export async function donateToDream(
  deps: DreamGiftDeps,
  userId: string,
  dreamId: string,
  input: GiftBody,
  completion?: (
    present: (move: MoveResult, outcome: Omit<GiftOutcome, 'move'>) => DonationResult,
  ) => (outcome: () => Omit<GiftOutcome, 'move'>) => IdempotentCompletion<MoveResult> | undefined,
): Promise<DonationResult> {
  const dream = await visibleDream(deps, dreamId, { userId, isAdmin: false }, true);
  // The contract's order: 403 (a team the giver is not in) before the route's 409s.
  const teamId = input.teamId ?? null;
  if (teamId && !(await deps.teams.isMember(teamId, userId, dreamId))) throw new ForbiddenError('你还不是这个队伍的成员');
  if (!acceptsGifts(dream.status)) throw dreamNotAccepting();
  const present = (move: MoveResult, outcome: Omit<GiftOutcome, 'move'>): DonationResult => ({
    donation: { id: move.entry.id, flowers: input.flowers, matchedFen: outcome.matchFen, teamId },
    dream: dreamView(outcome.dream, outcome.totals),
    balance: move.account.balance,
  });
  const outcome = await giveFlowers(deps, {
    dream,
    userId,
    nickname: async () => (await deps.users.findById(userId))?.nickname ?? '爱心用户',
    flowers: input.flowers,
    teamId,
    completion: completion?.(present),
  });
  return present(outcome.move, outcome);
}

export async function adoptDream(deps: DreamDeps, charityId: string, dreamId: string) {
  const dream = await visibleDream(deps, dreamId, { userId: charityId, isAdmin: false });
  if (dream.status !== 'executable') throw notExecutable();
  if (!(await deps.dreamReviews.adopt(adoptionOutcome(dream, charityId, deps.clock.now())))) throw notExecutable();
  return { dream: await viewOne(deps, (await deps.dreams.get(dreamId, true))!) };
}
