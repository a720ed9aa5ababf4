import { GetCommand, QueryCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { MealLot } from '../../domain/meals';
import { auditEntryWrite } from './audit-repository';
import type { MealWindupStore, RefundRecord, RefundStatus, WindupRecord } from '../../domain/store-windup';
import type { TableContext } from './client';
import { isConditionalCheckFailed, transactUnlessFirstFails } from './errors';
import { mealKeys } from './meal-keys';
import { personKeys } from './person-keys';

const WINDUP_ATTRIBUTES = ['storeId', 'action', 'toStoreId', 'status', 'startedBy', 'startedAt', 'finishedAt', 'page'] as const;
const REFUND_ATTRIBUTES = [
  'id',
  'donationId',
  'storeId',
  'storeName',
  'donorId',
  'meals',
  'amountFen',
  'totalFen',
  'status',
  'requestedAt',
  'settledAt',
  'wechatRefundId',
] as const;

/** A suspended store's wind-up: each lot leaves its queue in one transaction with the money's entry (functions/domain/store-windup.ts). */
export class DynamoMealWindup implements MealWindupStore {
  constructor(
    private readonly table: TableContext,
    private readonly fundShards: number,
  ) {}

  async start(windup: WindupRecord, audit: AuditRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    return transactUnlessFirstFails(this.table, [
      {
        Put: {
          TableName,
          Item: { ...mealKeys.windup(windup.storeId), type: 'STORE_WINDUP', ...withoutDone(windup) },
          // One at a time per store; a finished one may be followed by another (meals paid after it).
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :done',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done' },
        },
      },
      { Put: { TableName, Item: { ...mealKeys.windupProgress(windup.storeId), type: 'STORE_WINDUP_PROGRESS', lots: 0, meals: 0, fen: 0 } } },
      auditEntryWrite(TableName, audit),
    ]);
  }

  async get(storeId: string): Promise<WindupRecord | null> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': mealKeys.windup(storeId).PK },
        ConsistentRead: true,
      }),
    );
    const job = Items.find((item) => item.SK === 'JOB');
    if (!job) return null;
    const progress = Items.find((item) => item.SK === 'PROGRESS') ?? {};
    return {
      ...(Object.fromEntries(WINDUP_ATTRIBUTES.map((name) => [name, job[name] ?? null])) as unknown as Omit<WindupRecord, 'done'>),
      done: { lots: (progress.lots as number) ?? 0, meals: (progress.meals as number) ?? 0, fen: (progress.fen as number) ?? 0 },
    };
  }

  async refundLot(lot: MealLot, refund: RefundRecord, shard: number): Promise<boolean> {
    const TableName = this.table.tableName;
    return this.moveOut(lot, [
      {
        Update: {
          TableName,
          Key: mealKeys.fund(lot.storeId, shard % this.fundShards),
          UpdateExpression: 'ADD meals :minusMeals, fundedFen :minusFen, refundedFen :fen SET #type = :type, storeId = :store',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':minusMeals': -refund.meals,
            ':minusFen': -refund.amountFen,
            ':fen': refund.amountFen,
            ':type': 'STORE_FUND',
            ':store': lot.storeId,
          },
        },
      },
      {
        Put: {
          TableName,
          Item: { ...mealKeys.refund(refund.id), ...personKeys.mealRefund(refund.donorId, refund.id), type: 'MEAL_REFUND', ...refund },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName,
          Key: mealKeys.donation(lot.donationId),
          UpdateExpression: 'ADD refundedMeals :meals, refundedFen :fen',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':meals': refund.meals, ':fen': refund.amountFen },
        },
      },
      this.progress(lot.storeId, refund.meals, refund.amountFen),
    ]);
  }

  async moveLot(lot: MealLot, toStoreId: string, at: string, fromShard: number, toShard: number): Promise<boolean> {
    const TableName = this.table.tableName;
    const fen = lot.remaining * lot.priceFen;
    const shardMove = (storeId: string, shard: number, sign: 1 | -1, field: string) => ({
      Update: {
        TableName,
        Key: mealKeys.fund(storeId, shard % this.fundShards),
        UpdateExpression: `ADD meals :meals, fundedFen :fen, ${field} :moved SET #type = :type, storeId = :store`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':meals': sign * lot.remaining, ':fen': sign * fen, ':moved': fen, ':type': 'STORE_FUND', ':store': storeId },
      },
    });
    return this.moveOut(lot, [
      {
        Put: {
          TableName,
          // The same place in the other store's queue: oldest paid first, across both stores' meals.
          Item: {
            ...mealKeys.lot(toStoreId, lot.paidAt, lot.donationId, lot.lot),
            ...personKeys.mealLot(lot.donorId, `${lot.donationId}#${lot.lot}`),
            type: 'MEAL_LOT',
            ...lotItem(lot),
            storeId: toStoreId,
            movedFrom: lot.storeId,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      shardMove(lot.storeId, fromShard, -1, 'movedOutFen'),
      shardMove(toStoreId, toShard, 1, 'movedInFen'),
      {
        Put: {
          TableName,
          Item: {
            ...mealKeys.move(lot.storeId, lot.donationId, lot.lot),
            type: 'MEAL_MOVE',
            fromStoreId: lot.storeId,
            toStoreId,
            donationId: lot.donationId,
            lot: lot.lot,
            meals: lot.remaining,
            amountFen: fen,
            createdAt: at,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      this.progress(lot.storeId, lot.remaining, fen),
    ]);
  }

  async advance(storeId: string, fromPage: number, finishedAt: string | null): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: mealKeys.windup(storeId),
          UpdateExpression: finishedAt ? 'SET #page = :next, #status = :done, finishedAt = :at' : 'SET #page = :next',
          ConditionExpression: '#page = :page AND #status = :running',
          ExpressionAttributeNames: { '#page': 'page', '#status': 'status' },
          ExpressionAttributeValues: {
            ':page': fromPage,
            ':next': fromPage + 1,
            ':running': 'running',
            ...(finishedAt ? { ':done': 'done', ':at': finishedAt } : {}),
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async getRefund(refundId: string): Promise<RefundRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: mealKeys.refund(refundId), ConsistentRead: true }));
    return Item ? (Object.fromEntries(REFUND_ATTRIBUTES.map((name) => [name, Item[name] ?? null])) as unknown as RefundRecord) : null;
  }

  async settleRefund(refundId: string, from: RefundStatus, to: RefundStatus, detail: { at: string; wechatRefundId: string | null }): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: mealKeys.refund(refundId),
          UpdateExpression: 'SET #status = :to, settledAt = :at, wechatRefundId = if_not_exists(wechatRefundId, :wx)',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': to, ':from': from, ':at': to === 'processing' ? null : detail.at, ':wx': detail.wechatRefundId },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  /** The wind-up's exact progress, counted in the lot's own transaction. */
  private progress(storeId: string, meals: number, fen: number) {
    return {
      Update: {
        TableName: this.table.tableName,
        Key: mealKeys.windupProgress(storeId),
        UpdateExpression: 'ADD lots :one, meals :meals, fen :fen',
        ExpressionAttributeValues: { ':one': 1, ':meals': meals, ':fen': fen },
      },
    };
  }

  /** The lot leaves its store's queue, only as it was read (a scan or a retried page that got there first wins), with `writes`. */
  private async moveOut(lot: MealLot, writes: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<boolean> {
    return transactUnlessFirstFails(this.table, [
      {
        Delete: {
          TableName: this.table.tableName,
          Key: mealKeys.lot(lot.storeId, lot.paidAt, lot.donationId, lot.lot),
          ConditionExpression: 'remaining = :seen',
          ExpressionAttributeValues: { ':seen': lot.remaining },
        },
      },
      ...writes,
    ]);
  }
}

function withoutDone(windup: WindupRecord): Omit<WindupRecord, 'done'> {
  const { done: _done, ...rest } = windup;
  return rest;
}

function lotItem(lot: MealLot) {
  return {
    donationId: lot.donationId,
    donorId: lot.donorId,
    lot: lot.lot,
    meals: lot.remaining,
    remaining: lot.remaining,
    priceFen: lot.priceFen,
    paidAt: lot.paidAt,
  };
}
