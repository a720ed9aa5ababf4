import type { AuditRecord } from './audit';
import { initialShardRooms, PUBLIC_STATUSES, type DreamRecord, type DreamShard, type MatchFund } from './dream';

/** A review as decided: the dream after it, the shards an approval opens, and the audit entry. */
export interface ReviewedDream {
  /** The dream as the review leaves it; written only while it is still `from`. */
  dream: DreamRecord;
  from: 'in_review';
  reviewedAt: string;
  /** Public dreams are listed for everyone (the public index). */
  listed: boolean;
  /** The counter shards an approval opens, empty for a rejection. */
  shards: DreamShard[];
  audit: AuditRecord;
}

/** An adoption as decided: the dream after it; its shards stop taking flowers in the same write. */
export interface AdoptedDream {
  dream: DreamRecord;
  from: 'executable';
}

/**
 * in_review → open (the shards share target − 1 flowers of room and the fund) or rejected.
 * The caller has checked the dream is in review; the write's condition holds it to that.
 */
export function reviewOutcome(
  dream: DreamRecord,
  decision: { approve: boolean; note: string | null; matchFund: MatchFund | null; audit: AuditRecord },
  now: Date,
): ReviewedDream {
  const reviewedAt = now.toISOString();
  const status = decision.approve ? 'open' : 'rejected';
  const rooms = decision.approve ? initialShardRooms(dream.targetFlowers, dream.shardCount, decision.matchFund?.budgetFen ?? 0) : [];
  return {
    dream: { ...dream, status, reviewNote: decision.note, matchFund: decision.matchFund, openedAt: decision.approve ? reviewedAt : null },
    from: 'in_review',
    reviewedAt,
    listed: PUBLIC_STATUSES.includes(status),
    shards: rooms.map(({ room, fundRoomFen }, index) => ({ index, flowers: 0, donors: 0, matchedFen: 0, room, fundRoomFen, accepting: true, hours: {} })),
    audit: decision.audit,
  };
}

/** executable → adopted: the charity takes the dream on. */
export function adoptionOutcome(dream: DreamRecord, charityId: string, now: Date): AdoptedDream {
  return { dream: { ...dream, status: 'adopted', charityId, adoptedAt: now.toISOString() }, from: 'executable' };
}
