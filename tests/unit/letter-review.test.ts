import { reviewPlan, reviewRefusal, type LetterRecord } from '../../functions/domain/letter';

const AT = '2026-11-20T08:00:00.000Z';
const DUE = '2027-02-18T08:00:00.000Z';

const letter = (over: Partial<LetterRecord> = {}): LetterRecord => ({
  id: 'L2',
  dreamId: 'D1',
  authorId: 'charity',
  kind: 'update',
  title: '图书角建好了',
  body: '孩子们放学后都来读书。',
  photos: [],
  happenedAt: '2026-11-01',
  status: 'in_review',
  createdAt: '2026-11-10T00:00:00.000Z',
  publishedAt: null,
  reviewNote: null,
  corrects: null,
  statement: null,
  ...over,
});

const statement = (previousLetterId: string | null): NonNullable<LetterRecord['statement']> => ({
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  openingFen: 50_000,
  closingFen: 30_000,
  lineItems: [{ description: '图书 120 册', amountFen: 20_000, kind: 'spend' }],
  figures: {
    openingFen: 50_000,
    incomeFen: 0,
    spendFen: 20_000,
    closingFen: 30_000,
    sinceStart: { incomeFen: 10_000, spendFen: 40_000 },
    previousLetterId,
  },
});

describe('a letter’s review plan', () => {
  it('a rejection writes the rejected letter with its note, and nothing of the dream', () => {
    // Act
    const plan = reviewPlan(letter(), { publish: false, note: '照片看不清', at: AT, nextDueAt: DUE });
    // Assert
    expect(plan.letter).toMatchObject({ status: 'rejected', publishedAt: null, reviewNote: '照片看不清' });
    expect(plan.publication).toBeNull();
  });

  it('publishing an update moves the dream’s summary, not its books', () => {
    // Act
    const plan = reviewPlan(letter(), { publish: true, note: null, at: AT, nextDueAt: DUE });
    // Assert
    expect(plan.letter).toMatchObject({ status: 'published', publishedAt: AT, reviewNote: null });
    expect(plan.publication).toEqual({ at: AT, nextDueAt: DUE, books: null });
  });

  it('publishing a statement moves the books to its figures, from the letter it continues', () => {
    // Act
    const plan = reviewPlan(letter({ kind: 'letter', statement: statement('L1') }), { publish: true, note: null, at: AT, nextDueAt: DUE });
    // Assert
    expect(plan.publication?.books).toEqual({
      to: { letterId: 'L2', periodEnd: '2026-10-31', closingFen: 30_000, sinceStartIncomeFen: 10_000, sinceStartSpendFen: 40_000 },
      from: 'L1',
    });
  });

  it('the first statement moves books that stand nowhere yet', () => {
    // Act
    const plan = reviewPlan(letter({ kind: 'letter', statement: statement(null) }), { publish: true, note: null, at: AT, nextDueAt: DUE });
    // Assert
    expect(plan.publication?.books?.from).toBeNull();
  });

  it('a failed write is refused in the domain’s words: reviewed already, or the books moved meanwhile', () => {
    // Act / Assert
    expect(reviewRefusal('written')).toBeNull();
    expect(reviewRefusal('no_longer_in_review')).toMatchObject({ status: 409, code: 'NOT_IN_REVIEW' });
    expect(reviewRefusal('books_moved')).toMatchObject({ status: 409, code: 'LETTER_DOES_NOT_RECONCILE', details: [{ field: 'openingFen' }] });
  });
});
