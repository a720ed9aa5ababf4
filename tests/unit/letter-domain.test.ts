import {
  feedbackOf,
  nextLetterDue,
  reconcileStatement,
  retractionPlan,
  type LetterRecord,
  type PreviousStatement,
  type StatementClaim,
} from '../../functions/domain/letter';

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

describe('逾期未反馈: when an adopted dream’s next letter is due', () => {
  const adoptedAt = '2026-10-01T00:00:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('is due maxGapDays after adoption, then after each published letter', () => {
    expect(nextLetterDue(adoptedAt, 31)).toBe('2026-11-01T00:00:00.000Z');
    const summary = { count: 2, lastPublishedAt: '2026-11-20T00:00:00.000Z', dueAt: nextLetterDue('2026-11-20T00:00:00.000Z', 31) };
    expect(feedbackOf({ status: 'adopted', adoptedAt }, summary, at('2026-12-20T00:00:00Z'), 31)).toEqual({
      letters: 2,
      lastLetterAt: '2026-11-20T00:00:00.000Z',
      dueAt: '2026-12-21T00:00:00.000Z',
      overdue: false,
    });
    expect(feedbackOf({ status: 'adopted', adoptedAt }, summary, at('2026-12-22T00:00:00Z'), 31)?.overdue).toBe(true);
  });

  it('counts from adoption before any summary exists; nothing before adoption; a completed dream is never overdue', () => {
    expect(feedbackOf({ status: 'adopted', adoptedAt }, null, at('2026-11-02T00:00:00Z'), 31)).toEqual({
      letters: 0,
      lastLetterAt: null,
      dueAt: '2026-11-01T00:00:00.000Z',
      overdue: true,
    });
    expect(feedbackOf({ status: 'adopted', adoptedAt }, null, at('2026-10-31T00:00:00Z'), 31)?.overdue).toBe(false);
    expect(feedbackOf({ status: 'executable', adoptedAt: null }, null, at('2026-11-02T00:00:00Z'), 31)).toBeNull();
    expect(feedbackOf({ status: 'completed', adoptedAt }, null, at('2027-06-01T00:00:00Z'), 31)).toMatchObject({ dueAt: null, overdue: false });
  });
});

describe('retracting a published letter', () => {
  const admin = { kind: 'user' as const, id: 'admin-1', label: '审核员' };
  const at = new Date('2026-12-03T04:00:00Z');
  const published = (id: string, over: Partial<LetterRecord> = {}): LetterRecord => ({
    id,
    dreamId: 'D1',
    authorId: 'charity-1',
    kind: 'letter',
    title: `${id} 的来信`,
    body: '图书室的书架已经装好。',
    photos: [],
    happenedAt: '2026-10-31T08:00:00.000Z',
    status: 'published',
    createdAt: '2026-11-01T00:00:00.000Z',
    publishedAt: '2026-11-02T00:00:00.000Z',
    reviewNote: null,
    corrects: null,
    statement: null,
    retraction: null,
    ...over,
  });
  const september = published('L1', {
    statement: { ...claim({ periodStart: '2026-09-01', periodEnd: '2026-09-30' }), figures: reconcileStatement(claim(), null, 50_000) },
  });
  const october = published('L2', { statement: { ...claim(), figures: reconcileStatement(claim(), previous, 0) } });

  it('marks it with the reason and moves the books back to the statement before it, from this one only; audited', () => {
    // Act
    const plan = retractionPlan(october, september, { reason: '金额填错了', at, actor: admin });
    // Assert
    expect(plan.letter).toMatchObject({ status: 'published', retraction: { reason: '金额填错了', at: at.toISOString() } });
    expect(plan.books).toEqual({
      from: 'L2',
      to: { letterId: 'L1', periodEnd: '2026-09-30', closingFen: 30_000, sinceStartIncomeFen: 10_000, sinceStartSpendFen: 30_000 },
    });
    expect(plan.audit).toMatchObject({ action: 'letter.retract', targetType: 'letter', targetId: 'L2', reason: '金额填错了', actor: admin });
  });

  it('the first statement leaves no books; an update has none to move', () => {
    expect(retractionPlan(september, null, { reason: '错了', at, actor: admin }).books).toEqual({ from: 'L1', to: null });
    expect(retractionPlan(published('U1'), null, { reason: '错了', at, actor: admin }).books).toBeNull();
  });

  it('only a published letter, and only once', () => {
    expect(() => retractionPlan(published('L3', { status: 'in_review' }), null, { reason: '错了', at, actor: admin })).toThrow(
      expect.objectContaining({ status: 409, code: 'NOT_PUBLISHED' }),
    );
    const retracted = published('L4', { retraction: { reason: '错了', at: at.toISOString() } });
    expect(() => retractionPlan(retracted, null, { reason: '再撤', at, actor: admin })).toThrow(
      expect.objectContaining({ status: 409, code: 'ALREADY_RETRACTED' }),
    );
  });
});
