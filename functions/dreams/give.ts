import { decideGift, dreamNotAccepting, shardsAfterGift, type DreamRecord, type DreamShard, type DreamTotals, type GiftDecision } from '../domain/dream';
import { giftCommit, type GiftCommit } from '../domain/dream-gift';
import type { DreamGiftStore, DreamReads, GiftSent } from '../domain/dream-ports';
import type { IdempotentCompletion } from '../domain/idempotency';
import type { Clock, LedgerRepository, MoveResult, PendingWrite } from '../domain/ports';

/** What one gift did, as seen by the transaction that wrote it. */
export interface GiftOutcome {
  move: MoveResult;
  dream: DreamRecord;
  totals: DreamTotals;
  matchFen: number;
  /** This gift reached the target and flipped the dream to executable. */
  flipped: boolean;
  newDonor: boolean;
}

export interface GiftRequest {
  /** The dream as the caller just read it; the first attempt plans from it, retries re-read. */
  dream: DreamRecord;
  userId: string;
  /** Looked up only for a first gift (the donor item shows it in "recent donors"). */
  nickname: () => Promise<string>;
  flowers: number;
  teamId: string | null;
  completion?: (outcome: () => Omit<GiftOutcome, 'move'>) => IdempotentCompletion<MoveResult> | undefined;
  /** Shard choice, injectable for tests. */
  random?: () => number;
}

export interface GiftDeps {
  clock: Clock;
  dreams: DreamReads;
  dreamGifts: DreamGiftStore;
  ledger: LedgerRepository;
}

interface Attempt {
  commit: GiftCommit;
  decision: GiftDecision;
  sent: GiftSent;
  outcome: Omit<GiftOutcome, 'move'>;
}

/**
 * One gift: the donor's ledger move (balance never negative, idempotent) and the dream's side in
 * one transaction. Each attempt of the move decides the gift afresh: the first from what the
 * caller read and the cached shard figures; when the transaction loses a race (a condition on the
 * shards, the dream item or the account), the next attempt decides from exact figures.
 */
export async function giveFlowers(deps: GiftDeps, request: GiftRequest): Promise<GiftOutcome> {
  let attempts = 0;
  let last: Attempt | undefined;
  const dreamSide = async (): Promise<PendingWrite[]> => {
    attempts += 1;
    const attempt = await decideAttempt(deps, request, attempts > 1);
    const { writes, sent } = deps.dreamGifts.prepare(attempt.commit);
    last = { ...attempt, sent };
    return writes;
  };
  const move = await deps.ledger.move(
    { userId: request.userId, delta: -request.flowers, reason: 'dream_donation', refId: request.dream.id, note: request.dream.title },
    { alsoWrite: dreamSide, completion: request.completion?.(() => last!.outcome) },
  );
  const { commit, decision, sent, outcome } = last!;
  // A shard gift is folded into the figures this process keeps; one that changed the dream item drops them.
  const { plan } = decision;
  const gift = { flowers: request.flowers, newDonor: outcome.newDonor, now: new Date(commit.at) };
  deps.dreamGifts.committed(commit, sent, plan.path === 'shard' ? (shards: DreamShard[]) => shardsAfterGift(shards, plan, gift)! : null);
  return { move, ...outcome };
}

/**
 * Decides one attempt. Conditions on the shards and the dream item are what enforce the rules;
 * the reads only plan, so a first attempt may use what the caller read and cached figures.
 */
async function decideAttempt(deps: GiftDeps, request: GiftRequest, exact: boolean): Promise<Omit<Attempt, 'sent'>> {
  const dream = exact ? await deps.dreams.get(request.dream.id, true) : request.dream;
  if (!dream) throw dreamNotAccepting();
  let shards = (await deps.dreams.shardsOf([dream], exact ? 'exact' : 'plan')).get(dream.id) ?? [];
  const newDonor = !(await deps.dreams.hasGiven(dream, request.userId));
  const nickname = newDonor ? await request.nickname() : null;
  const now = deps.clock.now();
  const gift = { flowers: request.flowers, newDonor, now, random: request.random };
  let decision = decideGift(dream, shards, gift);
  if (decision.plan.path === 'serialized' && !exact) {
    // The serialized path must see exact figures: re-read the shards consistently.
    shards = (await deps.dreams.shardsOf([dream], 'exact')).get(dream.id) ?? [];
    decision = decideGift(dream, shards, gift);
  }
  const commit = giftCommit(dream, shards, decision, {
    userId: request.userId,
    flowers: request.flowers,
    newDonorNickname: nickname,
    teamId: request.teamId,
    now,
  });
  const outcome = {
    dream: decision.flips ? { ...dream, status: 'executable' as const, executableAt: now.toISOString() } : dream,
    totals: decision.totalsAfter,
    matchFen: decision.plan.matchFen,
    flipped: decision.flips,
    newDonor,
  };
  return { commit, decision, outcome };
}
