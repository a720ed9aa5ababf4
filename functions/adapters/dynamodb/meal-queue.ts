import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MealLot, MealQueue, RedeemInput, RedeemRefusal } from '../../domain/meals';
import type { TableContext } from './client';
import { roleKeys } from './audit-keys';
import { cancellationReasons } from './errors';
import { mealKeys } from './meal-keys';
import { personKeys } from './person-keys';

/**
 * A store's queue of funded meals, oldest donation first. A redemption is one transaction; its
 * conditions are the rules (a meal left in the lot, the pass unspent, the worker's daily meal, the
 * worker still a worker), so concurrent scans can never hand out more meals than were paid, nor one
 * meal twice, nor a meal to someone who is no longer a worker.
 */
export class DynamoMealQueue implements MealQueue {
  constructor(
    private readonly table: TableContext,
    private readonly fundShards: number,
  ) {}

  async oldestLots(storeId: string, limit: number): Promise<MealLot[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :lot)',
        ExpressionAttributeValues: { ':pk': mealKeys.queue(storeId), ':lot': 'LOT#' },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return Items.map((item) => ({
      storeId,
      donationId: item.donationId as string,
      donorId: item.donorId as string,
      lot: item.lot as number,
      paidAt: item.paidAt as string,
      remaining: item.remaining as number,
      priceFen: item.priceFen as number,
    }));
  }

  async redeem(input: RedeemInput): Promise<RedeemRefusal | null> {
    const TableName = this.table.tableName;
    const { lot, redemption } = input;
    const lotKey = mealKeys.lot(lot.storeId, lot.paidAt, lot.donationId, lot.lot);
    // The last meal of a lot takes the lot away, so the queue's front never fills with empty lots.
    const takeMeal =
      lot.remaining === 1
        ? { Delete: { TableName, Key: lotKey, ConditionExpression: 'remaining = :one', ExpressionAttributeValues: { ':one': 1 } } }
        : {
            Update: {
              TableName,
              Key: lotKey,
              UpdateExpression: 'ADD remaining :minus',
              ConditionExpression: 'remaining = :seen',
              ExpressionAttributeValues: { ':minus': -1, ':seen': lot.remaining },
            },
          };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            takeMeal,
            {
              Put: {
                TableName,
                Item: {
                  ...mealKeys.passUsed(input.passId),
                  type: 'MEAL_PASS_USED',
                  redemptionId: redemption.id,
                  expiresAt: Math.ceil(Date.parse(input.passExpiresAt) / 1000) + 3600,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName,
                Key: mealKeys.workerPeriod(redemption.workerId, input.period),
                UpdateExpression: 'ADD meals :one SET #type = :type',
                ConditionExpression: 'attribute_not_exists(meals) OR meals < :perPeriod',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':one': 1, ':type': 'WORKER_MEALS', ':perPeriod': input.perPeriod },
              },
            },
            {
              Put: {
                TableName,
                Item: {
                  ...mealKeys.redemption(redemption.id),
                  ...mealKeys.byStore(redemption.storeId, redemption.createdAt, redemption.id),
                  ...mealKeys.byDonation(redemption.donationId, redemption.createdAt, redemption.id),
                  ...personKeys.mealRedemption(redemption.workerId, redemption.id),
                  type: 'MEAL_REDEMPTION',
                  ...redemption,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName,
                Key: mealKeys.fund(redemption.storeId, input.shard % this.fundShards),
                // The month's figures too (the merchant's statement), by the store's calendar month.
                UpdateExpression:
                  'ADD meals :minus, fundedFen :minusFen, served :one, owedFen :fen, #monthServed :one, #monthOwed :fen SET #type = :type, storeId = :store',
                ExpressionAttributeNames: { '#type': 'type', '#monthServed': `served_${input.day.slice(0, 7)}`, '#monthOwed': `owed_${input.day.slice(0, 7)}` },
                ExpressionAttributeValues: {
                  ':minus': -1,
                  ':minusFen': -redemption.priceFen,
                  ':one': 1,
                  ':fen': redemption.priceFen,
                  ':type': 'STORE_FUND',
                  ':store': redemption.storeId,
                },
              },
            },
            // A pass dies with the role: its worker must still hold it at this very moment.
            { ConditionCheck: { TableName, Key: roleKeys.member('worker', redemption.workerId), ConditionExpression: 'attribute_exists(PK)' } },
          ],
        }),
      );
      return null;
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (!reasons) throw err;
      if (reasons[5] === 'ConditionalCheckFailed') return 'not_worker';
      if (reasons[1] === 'ConditionalCheckFailed') return 'pass_used';
      if (reasons[2] === 'ConditionalCheckFailed') return 'daily_limit';
      // The lot moved under us (another scan took a meal), or the transaction met another: try again.
      return 'lot_taken';
    }
  }

  async latestMealOf(workerId: string): Promise<{ storeName: string; createdAt: string } | null> {
    // The person index sorts a worker's redemptions by their ulid, so the newest is the last key.
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND begins_with(GSI3SK, :type)',
        ExpressionAttributeValues: { ':pk': personKeys.partition(workerId), ':type': 'MEAL_REDEMPTION#' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    if (!Items[0]) return null;
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: { PK: Items[0].PK, SK: Items[0].SK } }));
    return Item ? { storeName: Item.storeName as string, createdAt: Item.createdAt as string } : null;
  }
}
