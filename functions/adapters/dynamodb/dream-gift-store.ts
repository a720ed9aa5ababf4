import { ulid } from 'ulid';
import type { DreamShard } from '../../domain/dream';
import type { DreamItemCounters, GiftCommit, ShardCounters } from '../../domain/dream-gift';
import type { DreamGiftStore, GiftSent } from '../../domain/dream-ports';
import type { PendingWrite } from '../../domain/ports';
import type { TableContext } from './client';
import { DreamCaches } from './dream-caches';
import { dreamKeys, teamKeys } from './dream-keys';
import { asPendingWrite, type TransactItem } from './ledger-repository';
import { personKeys } from './person-keys';

/** The store's mark: the shard cache's event at which the gift went out. */
const asSent = (event: number): GiftSent => event as unknown as GiftSent;
const eventOf = (sent: GiftSent): number => sent as unknown as number;

/**
 * A decided gift's side of the dream as items for the ledger move's transaction: the counters
 * (a shard, or the dream item near the target) under the conditions the decision was read with,
 * the match entry, a first gift's donor item and the team's tally.
 */
export class DynamoDreamGiftStore implements DreamGiftStore {
  constructor(
    private readonly table: TableContext,
    private readonly caches: DreamCaches,
  ) {}

  prepare(commit: GiftCommit): { writes: PendingWrite[]; sent: GiftSent } {
    const { counters } = commit;
    const items = counters.path === 'shard' ? this.shardItems(commit, counters) : this.dreamItemItems(commit, counters);
    if (commit.matchFen > 0) items.push(this.matchEntry(commit, counters.path === 'shard' ? counters.shardIndex : 'X'));
    if (commit.newDonor) items.push(this.donorItem(commit, commit.newDonor.nickname));
    if (commit.teamId) items.push(this.teamTally(commit, commit.teamId));
    // The transaction goes out right after this returns: no read that came back before now can contain it.
    return { writes: items.map(asPendingWrite), sent: asSent(this.caches.shards.giftSent()) };
  }

  committed(commit: GiftCommit, sent: GiftSent, fold: ((shards: DreamShard[]) => DreamShard[]) | null): void {
    if (commit.newDonor) this.caches.donors.add(DreamCaches.donorPair(commit.dreamId, commit.userId));
    if (!fold) this.caches.profiles.delete(commit.dreamId);
    this.caches.shards.giftCommitted(commit.dreamId, eventOf(sent), fold);
  }

  private shardItems(commit: GiftCommit, counters: ShardCounters): TransactItem[] {
    const TableName = this.table.tableName;
    const own = counters.ownFund;
    const staleNames = Object.fromEntries(counters.staleHours.map((hour, i) => [`#old${i}`, hour]));
    return [
      {
        Update: {
          TableName,
          Key: dreamKeys.shard(commit.dreamId, counters.shardIndex),
          UpdateExpression: `ADD flowers :n, donors :d, matchedFen :m SET room = room - :n, fundRoomFen = ${own ? ':fundAfter' : 'fundRoomFen - :m'}, #hour = if_not_exists(#hour, :zero) + :n REMOVE ${Object.keys(staleNames).join(', ')}`,
          ConditionExpression: `accepting = :true AND room >= :n AND ${own ? 'fundRoomFen = :fundBefore' : 'fundRoomFen >= :m'}`,
          ExpressionAttributeNames: { '#hour': commit.hour, ...staleNames },
          ExpressionAttributeValues: {
            ':n': commit.flowers,
            ':d': commit.donorsAdded,
            ':m': commit.matchFen,
            ':zero': 0,
            ':true': true,
            ...(own ? { ':fundAfter': own.after, ':fundBefore': own.before } : {}),
          },
        },
      },
      ...counters.otherFunds.map((take): TransactItem => ({
        Update: {
          TableName,
          Key: dreamKeys.shard(commit.dreamId, take.index),
          UpdateExpression: 'SET fundRoomFen = :after',
          ConditionExpression: 'fundRoomFen = :before',
          ExpressionAttributeValues: { ':after': take.after, ':before': take.before },
        },
      })),
    ];
  }

  private dreamItemItems(commit: GiftCommit, counters: DreamItemCounters): TransactItem[] {
    const TableName = this.table.tableName;
    const set = [
      'extraFlowers = extraFlowers + :n',
      'extraDonors = extraDonors + :d',
      'extraMatchedFen = extraMatchedFen + :m',
      'version = version + :one',
      '#hours.#hour = if_not_exists(#hours.#hour, :zero) + :n',
    ];
    const values: Record<string, unknown> = {
      ':n': commit.flowers,
      ':d': commit.donorsAdded,
      ':m': commit.matchFen,
      ':one': 1,
      ':zero': 0,
      ':version': counters.expected.version,
      ':status': counters.expected.status,
    };
    if (counters.flip) {
      set.push('#status = :executable', 'executableAt = :executableAt', 'GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk');
      const index = dreamKeys.statusIndex('executable', commit.dreamCreatedAt, commit.dreamId);
      Object.assign(values, { ':executable': 'executable', ':executableAt': counters.flip.executableAt, ':gsi1pk': index.GSI1PK, ':gsi1sk': index.GSI1SK });
    }
    return [
      {
        Update: {
          TableName,
          Key: dreamKeys.profile(commit.dreamId),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: 'version = :version AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status', '#hours': 'hours', '#hour': commit.hour },
          ExpressionAttributeValues: values,
        },
      },
      ...counters.shards.map((shard): TransactItem => ({
        Update: {
          TableName,
          Key: dreamKeys.shard(commit.dreamId, shard.index),
          UpdateExpression: 'SET room = :room, fundRoomFen = :fund',
          ConditionExpression: 'room = :roomBefore AND fundRoomFen = :fundBefore AND accepting = :true',
          ExpressionAttributeValues: {
            ':room': shard.room,
            ':fund': shard.fundRoomFen,
            ':roomBefore': shard.roomBefore,
            ':fundBefore': shard.fundBefore,
            ':true': true,
          },
        },
      })),
    ];
  }

  private matchEntry(commit: GiftCommit, shard: number | 'X'): TransactItem {
    const id = ulid();
    return {
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...dreamKeys.matchEntry(commit.dreamId, shard, id),
          ...personKeys.dreamMatch(commit.userId, id),
          type: 'DREAM_MATCH',
          id,
          dreamId: commit.dreamId,
          userId: commit.userId,
          flowers: commit.flowers,
          fen: commit.matchFen,
          createdAt: commit.at,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  private donorItem(commit: GiftCommit, nickname: string): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...dreamKeys.donor(commit.dreamId, commit.userId, commit.shardCount),
          ...dreamKeys.donorIndex(commit.dreamId, commit.userId, commit.shardCount, commit.at),
          ...personKeys.dreamDonor(commit.userId, commit.dreamId),
          type: 'DREAM_DONOR',
          dreamId: commit.dreamId,
          userId: commit.userId,
          nickname,
          firstAt: commit.at,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  private teamTally(commit: GiftCommit, teamId: string): TransactItem {
    return {
      Update: {
        TableName: this.table.tableName,
        Key: teamKeys.member(teamId, commit.userId),
        UpdateExpression: 'ADD flowers :n SET lastGiftAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND dreamId = :dream',
        ExpressionAttributeValues: { ':n': commit.flowers, ':at': commit.at, ':dream': commit.dreamId },
      },
    };
  }
}
