import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterShard, DistributionRecord, DistributionStore, RecipientRecord } from '../../domain/distribution';
import { batchGetAll, queryAll, type TableContext } from './client';
import { distributionKeys } from './distribution-keys';
// The store's own item mappings: a fact read here is the record the store would read.
import { toCounter, toDistribution, toRecipient } from './distribution-store';

/**
 * The few reads of a distribution that other features make: the letters' citation check, the
 * closed distribution's notice and the spot check's draw. They read the same items as
 * DynamoDistributionStore, with its mappings; a function that only reads carries none of the store's
 * sign-off, staff and creation writes (esbuild drops the unused class).
 */
export class DynamoDistributionFacts implements Pick<DistributionStore, 'get' | 'counters' | 'recipients'> {
  constructor(private readonly table: TableContext) {}

  async get(distributionId: string): Promise<DistributionRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: distributionKeys.profile(distributionId), ConsistentRead: true }),
    );
    return Item ? toDistribution(Item) : null;
  }

  async counters(distribution: Pick<DistributionRecord, 'id' | 'counterShards'>): Promise<CounterShard[]> {
    const keys = Array.from({ length: distribution.counterShards }, (_, index) => distributionKeys.counter(distribution.id, index));
    return (await batchGetAll(this.table, keys, true)).map(toCounter);
  }

  async recipients(distributionId: string): Promise<RecipientRecord[]> {
    const items = await queryAll(this.table, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': distributionKeys.recipientsPartition(distributionId) },
    });
    return items.map(toRecipient);
  }
}
