import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { DonationRecord, DonationRepository, MonthFigures, PayoutRecord, StoreFunds } from '../../domain/meals';
import { auditEntryWrite } from './audit-repository';
import { batchGetAll, queryAll, type TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import { transactUnlessFirstFails } from './errors';
import { mealKeys } from './meal-keys';
import { personKeys } from './person-keys';

const ATTRIBUTES = [
  'id',
  'storeId',
  'donorId',
  'meals',
  'amountFen',
  'status',
  'createdAt',
  'paidAt',
  'transactionId',
  'refundedMeals',
  'refundedFen',
] as const;

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
    return transactUnlessFirstFails(this.table, [
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
            ...personKeys.mealLot(donation.donorId, `${donation.id}#${lot}`),
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
    ]);
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
  async storeFunds(storeId: string, month: string): Promise<StoreFunds & { month: MonthFigures }>;
  async storeFunds(storeId: string, month?: string): Promise<StoreFunds & { month?: MonthFigures }> {
    const items = await batchGetAll(
      this.table,
      [...Array.from({ length: this.fundShards }, (_, k) => mealKeys.fund(storeId, k)), mealKeys.payouts(storeId)],
      true,
    );
    const sum = (name: string) => items.reduce((total, item) => total + ((item[name] as number) ?? 0), 0);
    const totals: StoreFunds = {
      meals: sum('meals'),
      fundedFen: sum('fundedFen'),
      served: sum('served'),
      owedFen: sum('owedFen'),
      paidOutFen: sum('paidOutFen'),
      refundedFen: sum('refundedFen'),
      movedOutFen: sum('movedOutFen'),
      movedInFen: sum('movedInFen'),
    };
    // A month's figures are kept on the same items (the redemption's and the payout's transactions write both).
    return month ? { ...totals, month: { served: sum(`served_${month}`), owedFen: sum(`owed_${month}`), paidOutFen: sum(`paid_${month}`) } } : totals;
  }

  async recordPayout(payout: PayoutRecord, owedFen: number, audit: AuditRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    return transactUnlessFirstFails(this.table, [
      {
        Update: {
          TableName,
          Key: mealKeys.payouts(payout.storeId),
          UpdateExpression: 'ADD paidOutFen :fen, #month :fen SET #type = :type, storeId = :store',
          // Never past what the store is owed (read before; owed only grows).
          ConditionExpression: 'attribute_not_exists(paidOutFen) AND :fen <= :owed OR paidOutFen <= :room',
          ExpressionAttributeNames: { '#type': 'type', '#month': `paid_${payout.month}` },
          ExpressionAttributeValues: {
            ':fen': payout.amountFen,
            ':owed': owedFen,
            ':room': owedFen - payout.amountFen,
            ':type': 'STORE_PAYOUTS',
            ':store': payout.storeId,
          },
        },
      },
      { Put: { TableName, Item: { ...mealKeys.payout(payout.id), type: 'MEAL_PAYOUT', ...payout }, ConditionExpression: 'attribute_not_exists(PK)' } },
      auditEntryWrite(TableName, audit),
    ]);
  }
}

function toDonation(item: Record<string, unknown>): DonationRecord {
  const donation = Object.fromEntries(ATTRIBUTES.map((name) => [name, item[name] ?? null])) as unknown as DonationRecord;
  return { ...donation, refundedMeals: donation.refundedMeals ?? 0, refundedFen: donation.refundedFen ?? 0 };
}
