import { hourKey, type DreamRecord, type DreamShard, type DreamStatus, type GiftDecision } from './dream';
import type { Take } from './draw-down';

/**
 * Each shard gift drops the hour counters 25 and 26 hours old: a dream with gifts every hour stays
 * at ~26 counters; a quiet dream may keep a few older ones, which readers ignore (cheaper than
 * removing a whole day's names on every hot write).
 */
const STALE_HOUR_AGES = [25, 26];

/** The common path: one counter shard takes the gift (and its match, perhaps gathered from others). */
export interface ShardCounters {
  path: 'shard';
  shardIndex: number;
  /**
   * This shard's fund exactly as read, when the match is gathered from several shards (a stale read
   * then retries instead of leaving a remainder unmatched); null: it must hold at least the match.
   */
  ownFund: Take | null;
  /** The other shards the match is gathered from, each exactly as read. */
  otherFunds: Take[];
  /** Hour counters the shard drops as it takes the gift. */
  staleHours: string[];
}

/** Near the target: the dream item takes the gift, and the shards give up the room it needs. */
export interface DreamItemCounters {
  path: 'serialized';
  /** The dream item must still be as read. */
  expected: { version: number; status: DreamStatus };
  /** This gift reaches the target: the dream becomes executable in the same write. */
  flip: { executableAt: string } | null;
  /** Each shard's room and fund after the gift, and as read (the write's condition). */
  shards: { index: number; room: number; fundRoomFen: number; roomBefore: number; fundBefore: number }[];
}

/**
 * One gift's side of the dream, as the store writes it in the ledger move's transaction: the
 * counters it adds to and the conditions that hold it to what was read, the match entry, a first
 * gift's donor item and the team's tally.
 */
export interface GiftCommit {
  dreamId: string;
  /** The dream's creation and shard count place its status index entry and the donor item. */
  dreamCreatedAt: string;
  shardCount: number;
  userId: string;
  flowers: number;
  donorsAdded: 0 | 1;
  matchFen: number;
  /** When the gift happened, and the hour counter it adds to. */
  at: string;
  hour: string;
  /** Set for a first gift: the donor item "recent donors" shows. */
  newDonor: { nickname: string } | null;
  teamId: string | null;
  counters: ShardCounters | DreamItemCounters;
}

/** Turns a decided gift into what the store commits; `shards` are the figures it was decided from. */
export function giftCommit(
  dream: Pick<DreamRecord, 'id' | 'createdAt' | 'shardCount' | 'version' | 'status'>,
  shards: DreamShard[],
  decision: GiftDecision,
  gift: { userId: string; flowers: number; newDonorNickname: string | null; teamId: string | null; now: Date },
): GiftCommit {
  const { plan } = decision;
  const hour = hourKey(gift.now);
  const base = {
    dreamId: dream.id,
    dreamCreatedAt: dream.createdAt,
    shardCount: dream.shardCount,
    userId: gift.userId,
    flowers: gift.flowers,
    donorsAdded: gift.newDonorNickname !== null ? (1 as const) : (0 as const),
    matchFen: plan.matchFen,
    at: gift.now.toISOString(),
    hour,
    newDonor: gift.newDonorNickname !== null ? { nickname: gift.newDonorNickname } : null,
    teamId: gift.teamId,
  };
  if (plan.path === 'shard') {
    const takes = plan.fundTakes ?? [];
    const currentHour = Number(hour.slice(1));
    return {
      ...base,
      counters: {
        path: 'shard',
        shardIndex: plan.shardIndex,
        ownFund: takes.find((t) => t.index === plan.shardIndex) ?? null,
        otherFunds: takes.filter((t) => t.index !== plan.shardIndex),
        staleHours: STALE_HOUR_AGES.map((age) => `h${currentHour - age}`),
      },
    };
  }
  return {
    ...base,
    counters: {
      path: 'serialized',
      expected: { version: dream.version, status: dream.status },
      flip: decision.flips ? { executableAt: gift.now.toISOString() } : null,
      shards: plan.shardUpdates.map((update) => {
        const before = shards.find((s) => s.index === update.index)!;
        return { ...update, roomBefore: before.room, fundBefore: before.fundRoomFen };
      }),
    },
  };
}
