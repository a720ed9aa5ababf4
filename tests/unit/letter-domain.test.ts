import { reconcileStatement, type PreviousStatement, type StatementClaim } from '../../functions/domain/letter';

const claim = (over: Partial<StatementClaim> = {}): StatementClaim => ({
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  openingFen: 50_000,
  closingFen: 30_000,
  lineItems: [
    { description: '图书 120 册', amountFen: 30_000, kind: 'spend' },
    { description: '企业追加捐赠', amountFen: 10_000, kind: 'income' },
  ],
  ...over,
});
const previous: PreviousStatement = { letterId: 'L1', periodEnd: '2026-09-30', closingFen: 50_000, sinceStartIncomeFen: 80_000, sinceStartSpendFen: 30_000 };

describe('a letter reconciles, or it cannot be submitted', () => {
  it('the first letter opens with the dream’s matched money', () => {
    const figures = reconcileStatement(claim(), null, 50_000);
    expect(figures).toEqual({
      openingFen: 50_000,
      incomeFen: 10_000,
      spendFen: 30_000,
      closingFen: 30_000,
      sinceStart: { incomeFen: 10_000, spendFen: 30_000 },
      previousLetterId: null,
    });
  });

  it('a first letter that opens with anything else is refused, saying what was expected', () => {
    expect(() => reconcileStatement(claim({ openingFen: 50_000, closingFen: 20_000 }), null, 40_000)).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'LETTER_DOES_NOT_RECONCILE',
        details: [expect.objectContaining({ field: 'openingFen', expected: 40_000, given: 50_000 })],
      }),
    );
    // Both wrong: both named.
    expect(() => reconcileStatement(claim(), null, 40_000)).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ field: 'openingFen' }), expect.objectContaining({ field: 'closingFen', expected: 20_000 })],
      }),
    );
  });

  it('a later letter carries the previous closing balance over, and adds up since the start apart from this period', () => {
    const figures = reconcileStatement(claim(), previous, 999);
    expect(figures).toMatchObject({ openingFen: 50_000, closingFen: 30_000, incomeFen: 10_000, spendFen: 30_000, previousLetterId: 'L1' });
    expect(figures.sinceStart).toEqual({ incomeFen: 90_000, spendFen: 60_000 });
  });

  it('a closing balance that is not opening + income − spend is refused', () => {
    expect(() => reconcileStatement(claim({ closingFen: 31_000 }), previous, 0)).toThrow(
      expect.objectContaining({
        code: 'LETTER_DOES_NOT_RECONCILE',
        details: [expect.objectContaining({ field: 'closingFen', expected: 30_000, given: 31_000 })],
      }),
    );
  });

  it('spending more than there is (a negative closing balance) is refused, whatever closing was claimed', () => {
    const overspent = claim({ lineItems: [{ description: '超支', amountFen: 60_001, kind: 'spend' }], closingFen: -1 });
    expect(() => reconcileStatement(overspent, previous, 0)).toThrow(
      expect.objectContaining({ code: 'LETTER_DOES_NOT_RECONCILE', details: [expect.objectContaining({ field: 'closingFen', expected: -10_001 })] }),
    );
  });

  it('a period that does not start after the previous one ended is PERIOD_OVERLAPS, before any sum', () => {
    expect(() => reconcileStatement(claim({ periodStart: '2026-09-30', closingFen: 1 }), previous, 0)).toThrow(
      expect.objectContaining({ status: 409, code: 'PERIOD_OVERLAPS' }),
    );
    expect(() => reconcileStatement(claim({ periodStart: '2026-10-01' }), previous, 0)).not.toThrow();
  });
});
