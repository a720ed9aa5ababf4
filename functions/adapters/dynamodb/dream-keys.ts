import { createHash } from 'node:crypto';
import type { DreamStatus } from '../../domain/dream';

/** Key builders for dreams, their counter shards, donors, teams and the proposer's list. */
export const dreamKeys = {
  profile: (dreamId: string) => ({ PK: `DREAM#${dreamId}`, SK: 'PROFILE' }),
  /** Status lists (review queue, ?status=) on GSI1, newest first. */
  statusIndex: (status: DreamStatus, createdAt: string, dreamId: string) => ({ GSI1PK: `DREAMS#STATUS#${status}`, GSI1SK: `${createdAt}#${dreamId}` }),
  statusPartition: (status: DreamStatus) => `DREAMS#STATUS#${status}`,
  /** The public list on GSI2 (sparse: only public dreams carry it). */
  publicIndex: (createdAt: string, dreamId: string) => ({ GSI2PK: 'DREAMS#PUBLIC', GSI2SK: `${createdAt}#${dreamId}` }),
  publicPartition: 'DREAMS#PUBLIC',
  /** Each shard is its own partition: that is what spreads a popular dream's writes. */
  shard: (dreamId: string, index: number) => ({ PK: `DREAM#${dreamId}#S${index}`, SK: 'SHARD' }),
  matchEntry: (dreamId: string, shardIndex: number | 'X', entryId: string) => ({ PK: `DREAM#${dreamId}#S${shardIndex}`, SK: `MATCH#${entryId}` }),
  /**
   * One item per (dream, donor): makes donorCount exact. Donors live in the dream's donor shards
   * on the table itself, so a fan-out reads them consistently: a donor whose gift committed before
   * the target was reached is always in the page (a GSI may lag). GSI1 orders them by first gift.
   */
  donor: (dreamId: string, userId: string, shardCount: number) => ({
    PK: dreamKeys.donorPartition(dreamId, donorShard(userId, shardCount)),
    SK: `DONOR#${userId}`,
  }),
  donorPrefix: 'DONOR#',
  /** Which donor shard a person's donor item is in (a stable hash of their id). */
  donorShard: (userId: string, shardCount: number) => donorShard(userId, shardCount),
  donorIndex: (dreamId: string, userId: string, shardCount: number, firstAt: string) => ({
    GSI1PK: dreamKeys.donorPartition(dreamId, donorShard(userId, shardCount)),
    GSI1SK: `${firstAt}#${userId}`,
  }),
  donorPartition: (dreamId: string, shard: number) => `DREAM#${dreamId}#DONORS#${shard}`,
  proposed: (proposerId: string, createdAt: string, dreamId: string) => ({ PK: `USER#${proposerId}`, SK: `DREAM#${createdAt}#${dreamId}` }),
  proposedPrefix: 'DREAM#',
};

export const teamKeys = {
  profile: (teamId: string) => ({ PK: `TEAM#${teamId}`, SK: 'PROFILE' }),
  member: (teamId: string, userId: string) => ({ PK: `TEAM#${teamId}`, SK: `MEMBER#${userId}` }),
  memberPrefix: 'MEMBER#',
  code: (code: string) => ({ PK: `TEAMCODE#${code}`, SK: 'TEAMCODE' }),
};

function donorShard(userId: string, shardCount: number): number {
  return createHash('sha1').update(userId).digest().readUInt16BE(0) % shardCount;
}
