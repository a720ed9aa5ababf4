import { byDueDateNewestFirst, checkDueDate, isOverdue, promiseView, settle, type PromiseRecord } from '../../functions/domain/promise';
import { promiseDoneMessage, assemblyMinutesMessage } from '../../functions/domain/promise-notices';

const ZONE = 'Asia/Shanghai';
// 2026-12-03 23:30 in Shanghai is still 15:30 UTC on the 3rd; 00:30 on the 4th is 16:30 UTC on the 3rd.
const LATE_ON_THE_3RD = new Date('2026-12-03T15:30:00.000Z');
const EARLY_ON_THE_4TH = new Date('2026-12-03T16:30:00.000Z');

const promise = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id: 'p1',
  dreamId: 'd1',
  assemblyId: 'a1',
  questionId: null,
  text: '三月底前公开采购发票',
  dueDate: '2026-12-03',
  status: 'in_progress',
  charityId: 'c1',
  createdAt: '2026-11-01T02:00:00.000Z',
  doneAt: null,
  settledAt: null,
  note: null,
  ...over,
});

describe('promise states', () => {
  it('goes from in progress to done once, with when it was done', () => {
    // Act
    const done = settle(promise(), 'done', '发票已公开', LATE_ON_THE_3RD);
    // Assert
    expect(done).toMatchObject({ status: 'done', doneAt: LATE_ON_THE_3RD.toISOString(), settledAt: LATE_ON_THE_3RD.toISOString(), note: '发票已公开' });
  });

  it('goes from in progress to unmet, which has no doneAt', () => {
    // Act
    const unmet = settle(promise(), 'unmet', null, LATE_ON_THE_3RD);
    // Assert
    expect(unmet).toMatchObject({ status: 'unmet', doneAt: null, settledAt: LATE_ON_THE_3RD.toISOString() });
  });

  it.each(['done', 'unmet'] as const)('has no way back from %s (409 PROMISE_SETTLED)', (status) => {
    // Arrange
    const settled = promise({ status });
    // Act / Assert
    for (const outcome of ['done', 'unmet'] as const) {
      expect(() => settle(settled, outcome, null, LATE_ON_THE_3RD)).toThrow(expect.objectContaining({ status: 409, code: 'PROMISE_SETTLED' }));
    }
  });
});

describe('overdue (逾期), on a pinned clock in Asia/Shanghai', () => {
  it('is not overdue on its due day, even late in the evening', () => {
    expect(isOverdue(promise(), LATE_ON_THE_3RD, ZONE)).toBe(false);
  });

  it('is overdue from the next day in Shanghai, although it is still the due day in UTC', () => {
    expect(isOverdue(promise(), EARLY_ON_THE_4TH, ZONE)).toBe(true);
    expect(promiseView(promise(), EARLY_ON_THE_4TH, ZONE).overdue).toBe(true);
  });

  it('is never overdue once done or unmet', () => {
    expect(isOverdue(promise({ status: 'done' }), EARLY_ON_THE_4TH, ZONE)).toBe(false);
    expect(isOverdue(promise({ status: 'unmet' }), EARLY_ON_THE_4TH, ZONE)).toBe(false);
  });
});

describe('due dates and order', () => {
  it('takes today in Shanghai and refuses yesterday (400)', () => {
    expect(() => checkDueDate('2026-12-04', EARLY_ON_THE_4TH, ZONE)).not.toThrow();
    expect(() => checkDueDate('2026-12-03', EARLY_ON_THE_4TH, ZONE)).toThrow(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }));
  });

  it('lists the latest due date first, and on the same day the one made later first', () => {
    // Arrange
    const records = [
      promise({ id: 'a', dueDate: '2026-12-01' }),
      promise({ id: 'b', dueDate: '2027-01-01', createdAt: '2026-11-01T00:00:00.000Z' }),
      promise({ id: 'c', dueDate: '2027-01-01', createdAt: '2026-11-02T00:00:00.000Z' }),
    ];
    // Act
    const order = [...records].sort(byDueDateNewestFirst).map((r) => r.id);
    // Assert
    expect(order).toEqual(['c', 'b', 'a']);
  });
});

describe('what donors are told', () => {
  it('names the promise and the dream, in the inbox only', () => {
    // Act
    const message = promiseDoneMessage({ id: 'p1', dreamId: 'd1', text: '公开发票', doneAt: '2026-12-03T01:00:00.000Z' }, { title: '山区图书角' }, 'x');
    // Assert
    expect(message).toMatchObject({ type: 'promise_done', refId: 'd1/p1', topic: null });
    expect(message.body).toContain('山区图书角');
    expect(message.body).toContain('公开发票');
  });

  it('points the minutes notice at the assembly', () => {
    // Act
    const message = assemblyMinutesMessage({ id: 'a1', title: '第一次股东大会', closedAt: null }, { title: '山区图书角' }, '2026-12-03T01:00:00.000Z');
    // Assert
    expect(message).toMatchObject({ type: 'assembly_minutes', refId: 'a1', topic: null, page: 'assembly/detail/index?id=a1' });
    expect(message.fields.time).toBe('2026-12-03T01:00:00.000Z');
  });
});
