import { promiseBadge, promisesStillShown, shanghaiDay } from '../../app/services/assembly-promise-badge';

// 2026-12-10 23:30 in Shanghai is 15:30 UTC; 2026-12-11 00:30 in Shanghai is 16:30 UTC the day before.
const lateOnTheTenth = Date.parse('2026-12-10T15:30:00.000Z');
const earlyOnTheEleventh = Date.parse('2026-12-10T16:30:00.000Z');

describe('a promise’s badge on a pinned clock', () => {
  it('is 进行中 up to the end of its due day in Shanghai', () => {
    // Arrange
    const promise = { status: 'in_progress', dueDate: '2026-12-10', overdue: false };

    // Act
    const badge = promiseBadge(promise, lateOnTheTenth);

    // Assert
    expect(badge).toEqual({ label: '进行中', tone: 'progress' });
  });

  it('is 逾期 from the next day in Shanghai, even when the page loaded before midnight', () => {
    // Arrange
    const loadedBeforeMidnight = { status: 'in_progress', dueDate: '2026-12-10', overdue: false };

    // Act
    const badge = promiseBadge(loadedBeforeMidnight, earlyOnTheEleventh);

    // Assert
    expect(shanghaiDay(earlyOnTheEleventh)).toBe('2026-12-11');
    expect(badge).toEqual({ label: '逾期', tone: 'overdue' });
  });

  it('believes the server when it says overdue', () => {
    expect(promiseBadge({ status: 'in_progress', dueDate: '2026-12-20', overdue: true }, lateOnTheTenth).label).toBe('逾期');
  });

  it('is 已完成 or 未兑现 once marked, overdue or not', () => {
    // Arrange
    const done = { status: 'done', dueDate: '2026-12-01', overdue: false };
    const unmet = { status: 'unmet', dueDate: '2026-12-01', overdue: false };

    // Act
    const badges = [promiseBadge(done, earlyOnTheEleventh), promiseBadge(unmet, earlyOnTheEleventh)];

    // Assert
    expect(badges).toEqual([
      { label: '已完成', tone: 'done' },
      { label: '未兑现', tone: 'unmet' },
    ]);
  });

  it('keeps every promise but the done ones on the dream page', () => {
    // Arrange
    const promises = [
      { id: 'a', status: 'in_progress', dueDate: '2026-12-10' },
      { id: 'b', status: 'done', dueDate: '2026-12-10' },
      { id: 'c', status: 'unmet', dueDate: '2026-12-10' },
    ];

    // Act
    const shown = promisesStillShown(promises).map((p) => p.id);

    // Assert
    expect(shown).toEqual(['a', 'c']);
  });
});
