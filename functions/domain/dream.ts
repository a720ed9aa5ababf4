import { DREAM_CATEGORIES, DREAM_STATUSES, PUBLIC_DREAM_STATUSES, type DreamCategory, type DreamStatus } from '../contract/enums';
import { RuleViolation } from './errors';
import { drawDown, splitEvenly, takenBy, type Take } from './draw-down';

/** 一花一梦想: a dream is proposed, reviewed, gathers flowers to its target, and a charity adopts it. */

export { DREAM_CATEGORIES, DREAM_STATUSES, type DreamCategory, type DreamStatus };
export const PUBLIC_STATUSES: readonly DreamStatus[] = PUBLIC_DREAM_STATUSES;

export interface MatchFund {
  sponsorName: string;
  fenPerFlower: number;
  budgetFen: number;
}

export interface DreamRecord {
  id: string;
  title: string;
  story: string;
  category: DreamCategory;
  targetFlowers: number;
  /** An https URL typed in before covers were uploads (older dreams only). */
  coverUrl: string | null;
  /** The proposer's upload (purpose dream_cover); shown once WeChat's image check passed it. */
  coverUploadId?: string | null;
  beneficiaries: number | null;
  status: DreamStatus;
  proposerId: string;
  charityId: string | null;
  createdAt: string;
  reviewNote: string | null;
  executableAt: string | null;
  adoptedAt: string | null;
  /** When the review approved it and it opened for gifts (null before, and for a rejected dream). */
  openedAt: string | null;
  shardCount: number;
  matchFund: MatchFund | null;
  /** Flowers and donors taken on the serialized path near the target (see below). */
  extraFlowers: number;
  extraDonors: number;
  extraMatchedFen: number;
  /** Flowers per hour taken on the serialized path (see DreamShard.hours). */
  hours: Record<string, number>;
  version: number;
  /** Held for an admin: its text is seen by nobody but its writer and admins until cleared. */
  held?: boolean;
}

/**
 * One of a dream's counter shards. Gifts go to a random shard, so a popular dream's writes spread
 * over `shardCount` partitions. `room` is how many flowers the shard may still take before the
 * target (the shards together hold at most target − 1, so only the serialized path can cross it);
 * `fundRoomFen` is this shard's part of the match fund; `accepting` mirrors the dream's status.
 */
export interface DreamShard {
  index: number;
  flowers: number;
  donors: number;
  matchedFen: number;
  room: number;
  fundRoomFen: number;
  accepting: boolean;
  /** Flowers per hour (`h<epoch hour>` → flowers) for the hot ranking. */
  hours: Record<string, number>;
}

export interface DreamTotals {
  flowersRaised: number;
  donorCount: number;
  matchedFen: number;
  flowersLast24h: number;
}

/** After the target is crossed shards take flowers without limit. */
export const UNLIMITED_ROOM = 1_000_000_000_000;

export const dreamNotAccepting = () => new RuleViolation('DREAM_NOT_ACCEPTING', '这个梦想现在不接受小红花');
export const notInReview = () => new RuleViolation('NOT_IN_REVIEW', '这个梦想不在审核中');
export const notExecutable = () => new RuleViolation('NOT_EXECUTABLE', '这个梦想还没有达到可执行状态');
export const contentUnsafe = () => new RuleViolation('CONTENT_UNSAFE', '梦想内容未通过内容安全检查，不能通过审核');

export function acceptsGifts(status: DreamStatus): boolean {
  return status === 'open' || status === 'executable';
}

/** Splits target − 1 flowers of room (and the fund) evenly over the shards. */
export function initialShardRooms(targetFlowers: number, shardCount: number, fundFen: number): { room: number; fundRoomFen: number }[] {
  const rooms = splitEvenly(Math.max(0, targetFlowers - 1), shardCount);
  const funds = splitEvenly(fundFen, shardCount);
  return rooms.map((room, i) => ({ room, fundRoomFen: funds[i] }));
}

/** Shards for a target: enough that no shard takes more than 1/8 of a popular dream's gifts. */
export function shardCountFor(targetFlowers: number): number {
  return targetFlowers >= 10_000 ? 16 : 8;
}

export function hourKey(instant: Date): string {
  return `h${Math.floor(instant.getTime() / 3_600_000)}`;
}

export function totalsOf(dream: Pick<DreamRecord, 'extraFlowers' | 'extraDonors' | 'extraMatchedFen' | 'hours'>, shards: DreamShard[], now: Date): DreamTotals {
  const currentHour = Math.floor(now.getTime() / 3_600_000);
  let flowersLast24h = 0;
  for (const shard of [...shards, { hours: dream.hours }]) {
    for (const [key, flowers] of Object.entries(shard.hours)) {
      const hour = Number(key.slice(1));
      if (currentHour - hour < 24) flowersLast24h += flowers;
    }
  }
  return {
    flowersRaised: dream.extraFlowers + shards.reduce((sum, s) => sum + s.flowers, 0),
    donorCount: dream.extraDonors + shards.reduce((sum, s) => sum + s.donors, 0),
    matchedFen: dream.extraMatchedFen + shards.reduce((sum, s) => sum + s.matchedFen, 0),
    flowersLast24h,
  };
}

export type GiftPlan =
  | {
      path: 'shard';
      shardIndex: number;
      matchFen: number;
      /**
       * Set when no single shard can match in full: the match is gathered from the shards with the
       * most fund left, each of which must still hold exactly what was read (`before`).
       */
      fundTakes?: Take[];
    }
  | { path: 'serialized'; crosses: boolean; matchFen: number; shardUpdates: { index: number; room: number; fundRoomFen: number }[] };

/**
 * Where a gift of `flowers` goes. The common case: a random shard with room for it (preferring one
 * whose fund can match it in full). Otherwise the serialized path on the dream item itself: it
 * takes the room it needs from several shards, or — when all the room left is less than the gift —
 * it is the gift that reaches the target: it closes every shard's room in the same transaction
 * (so the total is exact) and reopens them without limit. Invariant while `open`:
 * extraFlowers + Σ(shard.flowers + shard.room) = target − 1, so only this path can reach the target.
 * `random` is injectable for tests.
 */
export function planGift(shards: DreamShard[], flowers: number, fund: MatchFund | null, random: () => number = Math.random): GiftPlan {
  const wantFen = fund ? flowers * fund.fenPerFlower : 0;
  const open = shards.filter((s) => s.accepting && s.room >= flowers);
  if (open.length > 0) {
    const fullyMatched = open.filter((s) => s.fundRoomFen >= wantFen);
    // No shard can match in full: take the one with the most fund left, so the budget is used up
    // to the last fen instead of stranding small remainders on shards nobody picks.
    const mostFund = Math.max(...open.map((s) => s.fundRoomFen));
    const candidates = fullyMatched.length > 0 ? fullyMatched : open.filter((s) => s.fundRoomFen === mostFund);
    const shard = candidates[Math.floor(random() * candidates.length)];
    if (shard.fundRoomFen >= wantFen) return { path: 'shard', shardIndex: shard.index, matchFen: wantFen };
    const fundTakes = drawDown(shards, (s) => s.fundRoomFen, wantFen, shard);
    const matchFen = takenBy(fundTakes);
    return { path: 'shard', shardIndex: shard.index, matchFen, fundTakes };
  }
  const fundLeft = shards.reduce((sum, s) => sum + s.fundRoomFen, 0);
  const matchFen = Math.min(wantFen, fundLeft);
  const roomLeft = shards.reduce((sum, s) => sum + s.room, 0);
  const crosses = roomLeft < flowers;
  if (crosses) {
    const funds = splitEvenly(fundLeft - matchFen, shards.length);
    return { path: 'serialized', crosses, matchFen, shardUpdates: shards.map((s, i) => ({ index: s.index, room: UNLIMITED_ROOM, fundRoomFen: funds[i] })) };
  }
  // Take the room (and the match) from the shards that have the most of it.
  const roomTakes = new Map(drawDown(shards, (s) => s.room, flowers).map((t) => [t.index, t.after]));
  const fundTakes = new Map(drawDown(shards, (s) => s.fundRoomFen, matchFen).map((t) => [t.index, t.after]));
  const shardUpdates = shards
    .filter((s) => roomTakes.has(s.index) || fundTakes.has(s.index))
    .map((s) => ({ index: s.index, room: roomTakes.get(s.index) ?? s.room, fundRoomFen: fundTakes.get(s.index) ?? s.fundRoomFen }));
  return { path: 'serialized', crosses, matchFen, shardUpdates };
}

export interface GiftDecision {
  plan: GiftPlan;
  /** This gift reaches the target: the dream becomes executable in the same write. */
  flips: boolean;
  /** The dream's figures once the gift has landed. */
  totalsAfter: DreamTotals;
}

/**
 * Decides one gift from what was read: refused unless the dream takes flowers, then where it goes
 * (planGift), whether it flips the dream and the totals after it. giftCommit (dream-gift.ts) turns
 * it into what the store writes; the transaction's conditions hold it to what was read.
 */
export function decideGift(
  dream: Pick<DreamRecord, 'status' | 'matchFund' | 'extraFlowers' | 'extraDonors' | 'extraMatchedFen' | 'hours'>,
  shards: DreamShard[],
  gift: { flowers: number; newDonor: boolean; now: Date; random?: () => number },
): GiftDecision {
  if (!acceptsGifts(dream.status)) throw dreamNotAccepting();
  const plan = planGift(shards, gift.flowers, dream.matchFund, gift.random);
  const before = totalsOf(dream, shards, gift.now);
  return {
    plan,
    flips: plan.path === 'serialized' && plan.crosses && dream.status === 'open',
    totalsAfter: {
      flowersRaised: before.flowersRaised + gift.flowers,
      donorCount: before.donorCount + (gift.newDonor ? 1 : 0),
      matchedFen: before.matchedFen + plan.matchFen,
      flowersLast24h: before.flowersLast24h + gift.flowers,
    },
  };
}

/**
 * The shards as a committed shard-path gift left them (what its transaction's ADDs did), for a
 * process that keeps the figures it read; null for a serialized gift, after which they must be read again.
 */
export function shardsAfterGift(shards: DreamShard[], plan: GiftPlan, gift: { flowers: number; newDonor: boolean; now: Date }): DreamShard[] | null {
  if (plan.path !== 'shard') return null;
  const takes = new Map((plan.fundTakes ?? []).map((t) => [t.index, t.after]));
  const hour = hourKey(gift.now);
  return shards.map((shard) => {
    const fundRoomFen = takes.get(shard.index) ?? (shard.index === plan.shardIndex ? shard.fundRoomFen - plan.matchFen : shard.fundRoomFen);
    if (shard.index !== plan.shardIndex) return { ...shard, fundRoomFen };
    return {
      ...shard,
      flowers: shard.flowers + gift.flowers,
      donors: shard.donors + (gift.newDonor ? 1 : 0),
      matchedFen: shard.matchedFen + plan.matchFen,
      room: shard.room - gift.flowers,
      fundRoomFen,
      hours: { ...shard.hours, [hour]: (shard.hours[hour] ?? 0) + gift.flowers },
    };
  });
}

/**
 * A page of the review queue with at most `maxPerProposer` dreams of one proposer; the rest are
 * collapsed into a count, so one account's flood cannot fill the reviewers' page.
 */
export function shareOfQueue<T extends { proposerId: string }>(
  page: T[],
  maxPerProposer: number,
): { shown: T[]; collapsed: { proposerId: string; hidden: number }[] } {
  const seen = new Map<string, number>();
  const shown: T[] = [];
  for (const item of page) {
    const count = (seen.get(item.proposerId) ?? 0) + 1;
    seen.set(item.proposerId, count);
    if (count <= maxPerProposer) shown.push(item);
  }
  const collapsed = [...seen].filter(([, count]) => count > maxPerProposer).map(([proposerId, count]) => ({ proposerId, hidden: count - maxPerProposer }));
  return { shown, collapsed };
}
