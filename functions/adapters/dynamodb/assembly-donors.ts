import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DreamDonors } from '../../domain/assembly';
import type { DreamRecord } from '../../domain/dream';
import type { TableContext } from './client';
import { dreamKeys } from './dream-keys';

/**
 * Whether a person gave to a dream: their donor item (written with their first gift, one per
 * person and dream), one consistent get. Cheaper than reading their ledger, and exact.
 */
export class DynamoAssemblyDonors implements DreamDonors {
  constructor(private readonly table: TableContext) {}

  async isDonor(dream: DreamRecord, userId: string): Promise<boolean> {
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: dreamKeys.donor(dream.id, userId, dream.shardCount),
        ConsistentRead: true,
        ProjectionExpression: 'PK',
      }),
    );
    return Item !== undefined;
  }
}
