import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { BooksStoreFunds, MealBooks } from '../../domain/meal-books';
import type { TableContext } from './client';

const TYPES = ['MEAL_DONATION', 'STORE_FUND', 'STORE_PAYOUTS', 'MEAL_LOT', 'MEAL_REDEMPTION', 'MEAL_REFUND', 'MEAL_MOVE', 'MEAL_PAYOUT'];
const FUND_FIELDS = ['meals', 'fundedFen', 'served', 'owedFen', 'refundedFen', 'movedOutFen', 'movedInFen', 'paidOutFen'] as const;

/**
 * Reads the love-meal books for `npm run reconcile`: one parallel scan of the table for the money's
 * items (an offline check; it reads every item once, so run it off-peak on a large table).
 */
export async function readMealBooks(table: TableContext, segments = 4): Promise<MealBooks> {
  const items: Record<string, unknown>[] = [];
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await table.doc.send(
          new ScanCommand({
            TableName: table.tableName,
            Segment: segment,
            TotalSegments: segments,
            FilterExpression: `#type IN (${TYPES.map((_, i) => `:t${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: Object.fromEntries(TYPES.map((type, i) => [`:t${i}`, type])),
            ConsistentRead: true,
            ExclusiveStartKey,
          }),
        );
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }),
  );
  const of = (type: string) => items.filter((item) => item.type === type);
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const funds = new Map<string, BooksStoreFunds>();
  for (const item of [...of('STORE_FUND'), ...of('STORE_PAYOUTS')]) {
    const storeId = item.storeId as string;
    const f = funds.get(storeId) ?? { storeId, meals: 0, fundedFen: 0, served: 0, owedFen: 0, refundedFen: 0, movedOutFen: 0, movedInFen: 0, paidOutFen: 0 };
    for (const field of FUND_FIELDS) f[field] += num(item[field]);
    funds.set(storeId, f);
  }
  return {
    donations: of('MEAL_DONATION').map((d) => ({
      id: d.id as string,
      storeId: d.storeId as string,
      status: d.status as string,
      meals: num(d.meals),
      amountFen: num(d.amountFen),
      refundedMeals: num(d.refundedMeals),
      refundedFen: num(d.refundedFen),
    })),
    funds: [...funds.values()],
    lots: of('MEAL_LOT').map((l) => ({
      storeId: l.storeId as string,
      donationId: l.donationId as string,
      remaining: num(l.remaining),
      priceFen: num(l.priceFen),
    })),
    redemptions: of('MEAL_REDEMPTION').map((r) => ({ storeId: r.storeId as string, donationId: r.donationId as string, priceFen: num(r.priceFen) })),
    refunds: of('MEAL_REFUND').map((r) => ({
      id: r.id as string,
      storeId: r.storeId as string,
      donationId: r.donationId as string,
      meals: num(r.meals),
      amountFen: num(r.amountFen),
      status: r.status as string,
    })),
    moves: of('MEAL_MOVE').map((m) => ({
      fromStoreId: m.fromStoreId as string,
      toStoreId: m.toStoreId as string,
      donationId: m.donationId as string,
      meals: num(m.meals),
      amountFen: num(m.amountFen),
    })),
    payouts: of('MEAL_PAYOUT').map((p) => ({ storeId: p.storeId as string, amountFen: num(p.amountFen) })),
  };
}
