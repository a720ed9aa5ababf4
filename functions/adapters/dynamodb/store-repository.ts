import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Store } from '../../domain/store';
import type { TableContext } from './client';
import type { TransactItem } from './ledger-repository';
import { storeKeys } from './store-keys';

export class DynamoStoreRepository {
  constructor(private readonly table: TableContext) {}

  async create(input: Omit<Store, 'id' | 'mealsAvailable'> & { id?: string }, createdAt: string): Promise<Store> {
    const store: Store = { ...input, id: input.id ?? ulid(), mealsAvailable: 0 };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...storeKeys.profile(store.id), ...storeKeys.byOwner(store.ownerId, store.id), type: 'STORE', ...store, createdAt },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return store;
  }

  async listByOwner(ownerId: string): Promise<Store[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': storeKeys.ownerPartition(ownerId) },
      }),
    );
    return Items.map(toStore);
  }

  /** The store's own record of a low-carbon action, written inside the person's move. */
  lowCarbonActionWrite(storeId: string, record: { id: string; action: string; userId: string; flowers: number; createdAt: string }): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: { ...storeKeys.lowCarbonAction(storeId, record.id), type: 'LOWCARBON_ACTION', storeId, ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }
}

function toStore(item: Record<string, unknown>): Store {
  return {
    id: item.id as string,
    name: item.name as string,
    city: item.city as string,
    address: item.address as string,
    ownerId: item.ownerId as string,
    status: item.status as Store['status'],
    mealsAvailable: item.mealsAvailable as number,
  };
}
