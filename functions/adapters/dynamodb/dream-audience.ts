import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DreamRecord } from '../../domain/dream';
import type { AudiencePort, DreamAudienceReader } from '../../domain/fanout';
import { batchGetAll, type TableContext } from './client';
import { dreamKeys } from './dream-keys';
import { toDream } from './dream-items';

/**
 * What the stream consumers read of a dream: the dream, how many donors it has, and its donors a
 * page at a time. Lean on purpose (not the gift repository with its caches and planning), so the
 * consumers' bundles stay small.
 */
export class DynamoDreamAudience implements AudiencePort, DreamAudienceReader {
  constructor(private readonly table: TableContext) {}

  async dream(dreamId: string): Promise<DreamRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: dreamKeys.profile(dreamId), ConsistentRead: true }));
    return Item ? toDream(Item) : null;
  }

  /** Distinct donors: the shards' counts plus the dream item's own (gifts on the serialized path). */
  async donorCount(dream: DreamRecord): Promise<number> {
    return dream.extraDonors + (await this.sumOfShards(dream, 'donors'));
  }

  async matchedFen(dream: DreamRecord): Promise<number> {
    return dream.extraMatchedFen + (await this.sumOfShards(dream, 'matchedFen'));
  }

  private async sumOfShards(dream: DreamRecord, counter: 'donors' | 'matchedFen'): Promise<number> {
    const keys = Array.from({ length: dream.shardCount }, (_, index) => dreamKeys.shard(dream.id, index));
    const shards = await batchGetAll(this.table, keys, true);
    return shards.reduce((sum, shard) => sum + ((shard[counter] as number) ?? 0), 0);
  }

  /** One donor shard, consistently (a donor whose first gift committed before this read is in it), ordered by user id. */
  async page(dreamId: string, shard: number, cursor: string | null, limit: number): Promise<{ userIds: string[]; next: string | null }> {
    const PK = dreamKeys.donorPartition(dreamId, shard);
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': dreamKeys.donorPrefix },
        ProjectionExpression: 'userId',
        ConsistentRead: true,
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: { PK, SK: `${dreamKeys.donorPrefix}${cursor}` } } : {}),
      }),
    );
    const last = LastEvaluatedKey?.SK as string | undefined;
    return { userIds: Items.map((item) => item.userId as string), next: last ? last.slice(dreamKeys.donorPrefix.length) : null };
  }
}
