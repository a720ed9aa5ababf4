import { reconcileMealBooks, type MealBooks } from '../../functions/domain/meal-books';
import { payoutProblem, shownStatus, type MealLot } from '../../functions/domain/meals';
import { assertCanWindUp, refundOfLot, refundStatusAfter, type WindupRecord } from '../../functions/domain/store-windup';

const lot: MealLot = {
  storeId: 's1',
  donationId: '01JDONATION0000000000000000',
  donorId: 'd1',
  lot: 2,
  paidAt: '2026-11-01T04:00:00.000Z',
  remaining: 3,
  priceFen: 1_500,
};
const running = { status: 'running' } as WindupRecord;

describe('winding up a suspended store', () => {
  it('starts only for a suspended store, one at a time, and a move only to another active store', () => {
    expect(() => assertCanWindUp({ id: 's1', status: 'active' }, null, { action: 'refund' })).toThrow(expect.objectContaining({ code: 'STORE_NOT_SUSPENDED' }));
    expect(() => assertCanWindUp({ id: 's1', status: 'suspended' }, running, { action: 'refund' })).toThrow(
      expect.objectContaining({ code: 'WINDUP_RUNNING' }),
    );
    expect(() => assertCanWindUp({ id: 's1', status: 'suspended' }, null, { action: 'move', toStore: { id: 's1', status: 'active' } })).toThrow(
      expect.objectContaining({ code: 'TARGET_NOT_ACTIVE' }),
    );
    expect(() => assertCanWindUp({ id: 's1', status: 'suspended' }, null, { action: 'move', toStore: { id: 's2', status: 'suspended' } })).toThrow(
      expect.objectContaining({ code: 'TARGET_NOT_ACTIVE' }),
    );
    expect(() =>
      assertCanWindUp({ id: 's1', status: 'suspended' }, { status: 'done' } as WindupRecord, { action: 'move', toStore: { id: 's2', status: 'active' } }),
    ).not.toThrow();
  });

  it('refunds what is left of a lot, under an out_refund_no fixed by the lot (asking again never refunds twice)', () => {
    const refund = refundOfLot(lot, { name: '爱心面馆' }, 9_000, '2026-12-01T00:00:00.000Z');
    expect(refund).toMatchObject({ id: `${lot.donationId}-2`, meals: 3, amountFen: 4_500, totalFen: 9_000, status: 'requested' });
    expect(refund.id.length).toBeLessThanOrEqual(64);
    expect(refundOfLot(lot, { name: '爱心面馆' }, 9_000, '2026-12-02T00:00:00.000Z').id).toBe(refund.id);
  });

  it('moves a refund forward only on WeChat Pay’s word', () => {
    expect(refundStatusAfter('requested', 'SUCCESS')).toBe('succeeded');
    expect(refundStatusAfter('requested', 'PROCESSING')).toBe('processing');
    expect(refundStatusAfter('processing', 'PROCESSING')).toBeNull();
    expect(refundStatusAfter('processing', 'ABNORMAL')).toBe('failed');
    expect(refundStatusAfter('succeeded', 'CLOSED')).toBeNull();
    expect(refundStatusAfter('failed', 'SUCCESS')).toBeNull();
  });

  it('shows a donation refunded only when every meal was; never pays a store past what it is owed', () => {
    expect(shownStatus({ status: 'paid', meals: 3, refundedMeals: 2 })).toBe('paid');
    expect(shownStatus({ status: 'paid', meals: 3, refundedMeals: 3 })).toBe('refunded');
    expect(shownStatus({ status: 'pending', meals: 3, refundedMeals: 0 })).toBe('pending');
    expect(payoutProblem({ owedFen: 3_000, paidOutFen: 2_000 }, 1_000)).toBeNull();
    expect(payoutProblem({ owedFen: 3_000, paidOutFen: 2_000 }, 1_001)).not.toBeNull();
  });
});

describe('the love-meal money books', () => {
  const books = (): MealBooks => ({
    donations: [{ id: 'd1', storeId: 's1', status: 'paid', meals: 3, amountFen: 4_500, refundedMeals: 1, refundedFen: 1_500 }],
    funds: [{ storeId: 's1', meals: 1, fundedFen: 1_500, served: 1, owedFen: 1_500, refundedFen: 1_500, movedOutFen: 0, movedInFen: 0, paidOutFen: 1_000 }],
    lots: [{ storeId: 's1', donationId: 'd1', remaining: 1, priceFen: 1_500 }],
    redemptions: [{ storeId: 's1', donationId: 'd1', priceFen: 1_500 }],
    refunds: [{ id: 'd1-1', storeId: 's1', donationId: 'd1', meals: 1, amountFen: 1_500, status: 'succeeded' }],
    moves: [],
    payouts: [{ storeId: 's1', amountFen: 1_000 }],
  });

  it('balance when every fen in is funded, owed or refunded, each by its entries', () => {
    expect(reconcileMealBooks(books())).toMatchObject({
      stores: 1,
      inFen: 4_500,
      fundedFen: 1_500,
      owedFen: 1_500,
      refundedFen: 1_500,
      paidOutFen: 1_000,
      issues: [],
    });
  });

  it('report a meal that vanished, a payout past what is owed and a failed refund', () => {
    const broken = books();
    broken.lots = [];
    broken.funds[0].paidOutFen = 2_000;
    broken.payouts.push({ storeId: 's1', amountFen: 1_000 });
    broken.refunds[0].status = 'failed';
    expect(reconcileMealBooks(broken).issues).toEqual([
      'store s1: fundedFen is 1500, its entries say 0',
      'store s1: meals is 1, its entries say 0',
      'store s1: paid out 2000 > owed 1500',
      'donation d1: 3 meals paid, 2 accounted for (eaten, left, refunded)',
      'refund d1-1: WeChat Pay could not refund 1500 fen (needs a person)',
    ]);
  });
});
