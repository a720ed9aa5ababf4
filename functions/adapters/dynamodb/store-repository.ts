import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AuditRecord } from '../../domain/audit';
import type { Page, PendingWrite } from '../../domain/ports';
import type { Store, StoreRecord, StoreRepository, StoreStatus } from '../../domain/store';
import { auditEntryWrite } from './audit-repository';
import { batchGetAll, type TableContext } from './client';
import { newestFirstIndexPage, newestFirstPage } from './cursor';
import { cancellationReasons } from './errors';
import { asPendingWrite } from './ledger-repository';
import { storeKeys } from './store-keys';
import { personKeys } from './person-keys';

export class DynamoStoreRepository implements StoreRepository {
  constructor(private readonly table: TableContext) {}

  async create(input: Omit<Store, 'id' | 'mealsAvailable'> & { id?: string }, createdAt: string): Promise<Store> {
    const store: Store = { ...input, id: input.id ?? ulid(), mealsAvailable: 0 };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...storeKeys.profile(store.id),
          ...storeKeys.byOwner(store.ownerId, store.id),
          ...storeKeys.byStatus(store.status, createdAt, store.id),
          type: 'STORE',
          ...store,
          createdAt,
          reviewNote: null,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return store;
  }

  async get(storeId: string): Promise<StoreRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: storeKeys.profile(storeId), ConsistentRead: true }));
    return Item ? toStoreRecord(Item) : null;
  }

  /**
   * Moves a store from `from` to `to` (refused with `onConflict` when its status changed
   * meanwhile), with the audit entry in the same transaction.
   */
  async changeStatus(
    store: StoreRecord,
    to: StoreStatus,
    change: { note: string | null; audit: AuditRecord; onConflict: (cause: unknown) => Error },
  ): Promise<StoreRecord> {
    const TableName = this.table.tableName;
    const index = storeKeys.byStatus(to, store.createdAt, store.id);
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: storeKeys.profile(store.id),
                UpdateExpression: 'SET #status = :to, reviewNote = :note, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk',
                ConditionExpression: '#status = :from',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':to': to, ':from': store.status, ':note': change.note, ':gsi2pk': index.GSI2PK, ':gsi2sk': index.GSI2SK },
              },
            },
            auditEntryWrite(TableName, change.audit),
            // Open: listed in its city (GET /stores?city=).
            ...(to === 'active' ? [{ Put: { TableName, Item: { ...storeKeys.inCity(store.city, store.id), type: 'CITY_STORE', storeId: store.id } } }] : []),
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') throw change.onConflict(err);
      throw err;
    }
    return (await this.get(store.id))!;
  }

  /** Stores in one status, newest first (GSI2). */
  async listByStatus(status: StoreStatus, page: { limit: number; cursor?: string }): Promise<Page<StoreRecord>> {
    // The index sort key ends in the store id, which names the store's table key.
    const found = await newestFirstIndexPage(this.table, 'GSI2', storeKeys.statusPartition(status), page, (sortKey) =>
      storeKeys.profile(sortKey.slice(sortKey.lastIndexOf('#') + 1)),
    );
    return { items: found.items.map(toStoreRecord), nextCursor: found.nextCursor };
  }

  /** Active stores of a city, by id, a page at a time (then read fresh, so a store closed since is left out). */
  async listActiveInCity(city: string, page: { limit: number; cursor?: string }): Promise<Page<StoreRecord>> {
    const found = await newestFirstPage(this.table, storeKeys.cityPartition(city), 'STORE#', page);
    const stores = await batchGetAll(
      this.table,
      found.items.map((item) => storeKeys.profile(item.storeId as string)),
      false,
    );
    const byId = new Map(stores.map((item) => [item.id as string, toStoreRecord(item)]));
    const items = found.items.map((item) => byId.get(item.storeId as string)).filter((s): s is StoreRecord => s?.status === 'active');
    return { items, nextCursor: found.nextCursor };
  }

  /** A merchant's stores, newest first, a page at a time. */
  async listByOwner(ownerId: string, page: { limit: number; cursor?: string } = { limit: 100 }): Promise<Page<StoreRecord>> {
    const found = await newestFirstIndexPage(
      this.table,
      'GSI1',
      storeKeys.ownerPartition(ownerId),
      page,
      (sortKey) => storeKeys.profile(sortKey.slice('STORE#'.length)),
      'STORE#',
    );
    return { items: found.items.map(toStoreRecord), nextCursor: found.nextCursor };
  }

  /** The store's own record of a low-carbon action, written inside the person's move. */
  lowCarbonActionWrite(storeId: string, record: { id: string; action: string; userId: string; flowers: number; createdAt: string }): PendingWrite {
    return asPendingWrite({
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...storeKeys.lowCarbonAction(storeId, record.id),
          ...personKeys.lowCarbonAction(record.userId, record.id),
          type: 'LOWCARBON_ACTION',
          storeId,
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
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
    ...(item.held === true ? { held: true } : {}),
  };
}

function toStoreRecord(item: Record<string, unknown>): StoreRecord {
  return { ...toStore(item), createdAt: item.createdAt as string, reviewNote: (item.reviewNote as string | null) ?? null };
}
