import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client';
import { dreamKeys } from '../../functions/adapters/dynamodb/dream-keys';
import type { DreamRecord } from '../../functions/domain/dream';

/**
 * Writes donor items for a dream straight into the table (the bench and the fan-out tests need
 * thousands of donors; giving through the ledger would take minutes), and counts them on the
 * dream's shards so its donorCount agrees. The items are the gift path's own (same keys).
 */
export async function seedDonors(table: TableContext, dream: DreamRecord, userIds: string[], concurrency = 8): Promise<void> {
  const firstAt = new Date().toISOString();
  const perShard = new Map<number, number>();
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < userIds.length; i += 25) {
    batches.push(
      userIds.slice(i, i + 25).map((userId) => {
        const key = dreamKeys.donor(dream.id, userId, dream.shardCount);
        const shard = dreamKeys.donorShard(userId, dream.shardCount);
        perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
        return {
          PutRequest: {
            Item: {
              ...key,
              ...dreamKeys.donorIndex(dream.id, userId, dream.shardCount, firstAt),
              type: 'DREAM_DONOR',
              dreamId: dream.id,
              userId,
              nickname: '爱心用户',
              firstAt,
            },
          },
        };
      }),
    );
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: Record<string, unknown>[] | undefined = batches[next++];
      while (pending && pending.length) {
        const answer = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
        pending = answer.UnprocessedItems?.[table.tableName] as Record<string, unknown>[] | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const [shard, donors] of perShard) {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: dreamKeys.shard(dream.id, shard),
        UpdateExpression: 'ADD donors :n',
        ExpressionAttributeValues: { ':n': donors },
      }),
    );
  }
}
