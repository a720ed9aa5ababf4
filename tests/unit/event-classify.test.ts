import { classifyChange, MalformedChangeError } from '../../functions/events/classify';
import type { TableChange } from '../../functions/shared/stream';

const change = (
  eventName: TableChange['eventName'],
  newImage: Record<string, unknown> | null,
  oldImage: Record<string, unknown> | null = null,
): TableChange => ({
  eventName,
  newImage,
  oldImage,
  sequenceNumber: '42',
});

const redemption = { type: 'MEAL_REDEMPTION', id: 'R1', donorId: 'U1', storeName: '老王面馆', createdAt: '2026-11-20T04:00:00.000Z', priceFen: 1_500 };
const refund = { type: 'MEAL_REFUND', id: 'F1', donorId: 'U1', storeName: '老王面馆', meals: 2, amountFen: 3_000 };

describe('classifying a table change', () => {
  it('a dream flipping from open to executable reached its target', () => {
    // Act
    const event = classifyChange(change('MODIFY', { type: 'DREAM', id: 'D1', status: 'executable' }, { type: 'DREAM', id: 'D1', status: 'open' }));
    // Assert
    expect(event).toEqual({ kind: 'dream_reached_target', dreamId: 'D1' });
  });

  it('a dream going from executable to adopted was adopted', () => {
    expect(classifyChange(change('MODIFY', { type: 'DREAM', id: 'D1', status: 'adopted' }, { status: 'executable' }))).toEqual({
      kind: 'dream_adopted',
      dreamId: 'D1',
    });
  });

  it('a letter going from in_review to published was published', () => {
    expect(classifyChange(change('MODIFY', { type: 'LETTER', id: 'L1', status: 'published' }, { status: 'in_review' }))).toEqual({
      kind: 'letter_published',
      letterId: 'L1',
    });
  });

  it('a redemption inserted is a meal eaten, carrying only what its donor is told', () => {
    expect(classifyChange(change('INSERT', redemption))).toEqual({
      kind: 'meal_redeemed',
      redemption: { id: 'R1', donorId: 'U1', storeName: '老王面馆', createdAt: '2026-11-20T04:00:00.000Z' },
    });
  });

  it('a refund is told once: on the change that made it succeed', () => {
    expect(classifyChange(change('MODIFY', { ...refund, status: 'succeeded' }, { ...refund, status: 'processing' }))).toEqual({
      kind: 'meal_refunded',
      refund: { id: 'F1', donorId: 'U1', storeName: '老王面馆', meals: 2, amountFen: 3_000 },
    });
    expect(classifyChange(change('MODIFY', { ...refund, status: 'succeeded' }, { ...refund, status: 'succeeded' }))).toBeNull();
  });

  it('a donor inserted is a first gift', () => {
    expect(classifyChange(change('INSERT', { type: 'DREAM_DONOR', dreamId: 'D1', userId: 'U1', flowers: 10 }))).toEqual({
      kind: 'first_gift',
      donor: { dreamId: 'D1', userId: 'U1' },
    });
  });

  it.each([
    ['a removal', change('REMOVE', null, { type: 'DREAM', id: 'D1', status: 'open' })],
    ['a dream changed without the flip', change('MODIFY', { type: 'DREAM', id: 'D1', status: 'executable' }, { status: 'executable' })],
    ['a letter rejected', change('MODIFY', { type: 'LETTER', id: 'L1', status: 'rejected' }, { status: 'in_review' })],
    ['a redemption modified', change('MODIFY', redemption, redemption)],
    ['a donor modified', change('MODIFY', { type: 'DREAM_DONOR', dreamId: 'D1', userId: 'U1' }, { type: 'DREAM_DONOR' })],
    ['another type', change('INSERT', { type: 'LEDGER_ENTRY', id: 'E1' })],
    ['an item without a type', change('INSERT', { id: 'X' })],
  ])('%s is no event', (_name, ignored) => {
    expect(classifyChange(ignored)).toBeNull();
  });

  it('a change that is an event but lacks what the event needs is refused, naming what is wrong', () => {
    // Arrange: a redemption whose donor is missing and whose store name is a number
    const malformed = change('INSERT', { ...redemption, donorId: undefined, storeName: 7 });
    // Act
    const classify = () => classifyChange(malformed);
    // Assert
    expect(classify).toThrow(MalformedChangeError);
    expect(classify).toThrow(/malformed meal_redeemed record 42: donorId Required; storeName Expected string, received number/);
  });

  it('a flipped dream without an id is refused too', () => {
    expect(() => classifyChange(change('MODIFY', { type: 'DREAM', status: 'executable' }, { status: 'open' }))).toThrow(MalformedChangeError);
  });
});
