import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DonationRecord, DonationRepository, StoreFunds } from '../../domain/meals';
import { batchGetAll, queryAll, type TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import { cancellationReasons } from './errors';
import { mealKeys } from './meal-keys';

const ATTRIBUTES = ['id', 'storeId', 'donorId', 'meals', 'amountFen', 'status', 'createdAt', 'paidAt', 'transactionId'] as const;

export class DynamoDonationRepository implements DonationRepository {
  constructor(
    private readonly table: TableContext,
    private readonly fundShards: number,
  ) {}

  async create(donation: DonationRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...mealKeys.donation(donation.id), ...mealKeys.byDonor(donation.donorId, donation.createdAt, donation.id), type: 'MEAL_DONATION', ...donation },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(donationId: string): Promise<DonationRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: mealKeys.donation(donationId), ConsistentRead: true }));
    return Item ? toDonation(Item) : null;
  }

  async markPaid(donation: DonationRecord, payment: { transactionId: string; paidAt: string }, shard: number, lots: number[]): Promise<boolean> {
    const TableName = this.table.tableName;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: mealKeys.donation(donation.id),
                UpdateExpression: 'SET #status = :paid, paidAt = :at, transactionId = :tx',
                // Once: a repeated notification, or one after a query settled it, changes nothing.
                ConditionExpression: '#status = :pending AND amountFen = :amount',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':paid': 'paid',
                  ':at': payment.paidAt,
                  ':tx': payment.transactionId,
                  ':pending': 'pending',
                  ':amount': donation.amountFen,
                },
              },
            },
            {
              Update: {
                TableName,
                Key: mealKeys.fund(donation.storeId, shard % this.fundShards),
                UpdateExpression: 'ADD meals :meals, fundedFen :fen SET #type = :type, storeId = :store',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':meals': donation.meals, ':fen': donation.amountFen, ':type': 'STORE_FUND', ':store': donation.storeId },
              },
            },
            ...lots.map((meals, lot) => ({
              Put: {
                TableName,
                Item: {
                  ...mealKeys.lot(donation.storeId, payment.paidAt, donation.id, lot),
                  type: 'MEAL_LOT',
                  storeId: donation.storeId,
                  donationId: donation.id,
                  donorId: donation.donorId,
                  lot,
                  meals,
                  remaining: meals,
                  priceFen: donation.amountFen / donation.meals,
                  paidAt: payment.paidAt,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  async byDonor(donorId: string, page: { limit: number; cursor?: string }): Promise<{ items: DonationRecord[]; nextCursor: string | null }> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', mealKeys.donorPartition(donorId), page, (sortKey) =>
      mealKeys.donation(sortKey.slice(sortKey.lastIndexOf('#') + 1)),
    );
    return { items: found.items.map(toDonation), nextCursor: found.nextCursor };
  }

  async redemptionsOf(donationId: string): Promise<{ storeName: string; createdAt: string }[]> {
    // A donation is at most 1,000 meals: its redemptions are read in full, a page at a time.
    const items = await queryAll(this.table, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': mealKeys.donationRedemptions(donationId) },
    });
    return items.map((item) => ({ storeName: item.storeName as string, createdAt: item.createdAt as string }));
  }

  async storeRedemptions(storeId: string, from: string, to: string, limit: number): Promise<{ id: string; donationId: string; createdAt: string }[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `STORE#${storeId}#REDEMPTIONS`, ':from': from, ':to': `${to}~` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => ({ id: item.id as string, donationId: item.donationId as string, createdAt: item.createdAt as string }));
  }

  async storeFunds(storeId: string): Promise<StoreFunds>;
  async storeFunds(storeId: string, month: string): Promise<StoreFunds & { month: { served: number; owedFen: number } }>;
  async storeFunds(storeId: string, month?: string): Promise<StoreFunds & { month?: { served: number; owedFen: number } }> {
    const shards = await batchGetAll(
      this.table,
      Array.from({ length: this.fundShards }, (_, k) => mealKeys.fund(storeId, k)),
      true,
    );
    const sum = (name: string) => shards.reduce((total, shard) => total + ((shard[name] as number) ?? 0), 0);
    const totals: StoreFunds = { meals: sum('meals'), fundedFen: sum('fundedFen'), served: sum('served'), owedFen: sum('owedFen') };
    // A month's figures are kept on the same shards (the redemption's transaction writes both).
    return month ? { ...totals, month: { served: sum(`served_${month}`), owedFen: sum(`owed_${month}`) } } : totals;
  }
}

function toDonation(item: Record<string, unknown>): DonationRecord {
  return Object.fromEntries(ATTRIBUTES.map((name) => [name, item[name] ?? null])) as unknown as DonationRecord;
}
