import { claimMatches, donationAmountFen, pickLot, settlementOf, splitIntoLots, type MealLot } from '../../functions/domain/meals';
import type { Transaction } from '../../functions/domain/payment';

const paid = (over: Partial<Transaction> = {}): Transaction => ({
  outTradeNo: 'd1',
  transactionId: '4200001',
  state: 'SUCCESS',
  amountFen: 3_000,
  payerOpenid: 'o1',
  successTime: '2026-11-01T04:00:00Z',
  ...over,
});

const lot = (donationId: string, n: number, remaining: number, paidAt = '2026-11-01T04:00:00.000Z'): MealLot => ({
  storeId: 's1',
  donationId,
  donorId: 'u1',
  lot: n,
  paidAt,
  remaining,
  priceFen: 1_500,
});

describe('love meals: the rules', () => {
  it('prices a donation by the meals and the configured price', () => {
    expect(donationAmountFen(2, 1_500)).toBe(3_000);
    expect(donationAmountFen(1_000, 1_500)).toBe(1_500_000);
  });

  it('settles a donation only on SUCCESS for its own out_trade_no and amount, once', () => {
    const pending = { id: 'd1', amountFen: 3_000, status: 'pending' as const };
    expect(settlementOf(pending, paid())).toBe('settle');
    expect(settlementOf({ ...pending, status: 'paid' }, paid())).toBe('already');
    expect(settlementOf(pending, paid({ state: 'NOTPAY' }))).toBe('not_paid');
    expect(settlementOf(pending, paid({ amountFen: 1 }))).toBe('mismatch');
    expect(settlementOf(pending, paid({ outTradeNo: 'd2' }))).toBe('mismatch');
  });

  it('splits a donation into up to N lots that add up', () => {
    expect(splitIntoLots(1, 4)).toEqual([1]);
    expect(splitIntoLots(3, 4)).toEqual([1, 1, 1]);
    expect(splitIntoLots(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitIntoLots(1_000, 4).reduce((a, b) => a + b, 0)).toBe(1_000);
  });

  it('takes the oldest lot first; a contended retry spreads over the front; nothing when the queue is empty', () => {
    const front = [lot('a', 0, 0), lot('a', 1, 2), lot('b', 0, 5, '2026-11-01T05:00:00.000Z')];
    expect(pickLot(front, 0.99)).toMatchObject({ donationId: 'a', lot: 1 });
    expect(pickLot(front, 0.99, true)).toMatchObject({ donationId: 'b' });
    expect(pickLot(front, 0, true)).toMatchObject({ donationId: 'a', lot: 1 });
    expect(pickLot([lot('a', 0, 0)], 0.5)).toBeNull();
  });

  it('lets a worker claim only the row with their own name (spaces aside)', () => {
    const row = { employer: '环卫所', employeeNumber: 'A001', name: '张师傅', importedBy: 'c', claimedBy: null };
    expect(claimMatches(row, '张 师傅')).toBe(true);
    expect(claimMatches(row, '王师傅')).toBe(false);
    expect(claimMatches(null, '张师傅')).toBe(false);
  });
});
