import { assemblyPhase, canJoin, countdownText, formatTimeLeft } from '../../app/services/assembly-phase';

// Questions close at 19:00 Shanghai time, the meeting starts at 20:00 (UTC+8).
const scheduled = { questionsCloseAt: '2026-12-10T11:00:00.000Z', startsAt: '2026-12-10T12:00:00.000Z', status: 'scheduled' };
const at = (iso: string) => Date.parse(iso);

describe('an assembly’s phase on a pinned clock', () => {
  it('takes questions before the window closes, with both countdowns', () => {
    // Arrange
    const now = at('2026-12-08T09:30:00.000Z');

    // Act
    const phase = assemblyPhase(scheduled, now);
    const line = countdownText(scheduled, now);

    // Assert
    expect(phase).toBe('asking');
    expect(line).toBe('提问还剩 2 天 1 小时 · 距开会 2 天 2 小时');
  });

  it('waits between the close of questions and the start, closing the window at its exact instant', () => {
    // Arrange
    const closing = at(scheduled.questionsCloseAt);

    // Act
    const justBefore = assemblyPhase(scheduled, closing - 1);
    const atClose = assemblyPhase(scheduled, closing);
    const line = countdownText(scheduled, closing + 15 * 60_000);

    // Assert
    expect(justBefore).toBe('asking');
    expect(atClose).toBe('waiting');
    expect(line).toBe('提问已截止 · 距开会 45 分钟');
  });

  it('is live from the start until the minutes close it', () => {
    // Arrange
    const start = at(scheduled.startsAt);

    // Act
    const phases = [assemblyPhase(scheduled, start - 1), assemblyPhase(scheduled, start), assemblyPhase(scheduled, start + 86_400_000)];

    // Assert
    expect(phases).toEqual(['waiting', 'live', 'live']);
    expect(countdownText(scheduled, start)).toBe('会议已开始，可以加入会议');
  });

  it('is closed once the minutes are out, whatever the clock says', () => {
    // Arrange
    const closed = { ...scheduled, status: 'closed' };

    // Act
    const early = assemblyPhase(closed, at('2026-12-01T00:00:00.000Z'));

    // Assert
    expect(early).toBe('closed');
    expect(countdownText(closed, at('2026-12-01T00:00:00.000Z'))).toBe('会议已结束，纪要已公布');
  });

  it('rounds time left down to whole minutes, hours and days', () => {
    expect(formatTimeLeft(59_999)).toBe('不到 1 分钟');
    expect(formatTimeLeft(60_000)).toBe('1 分钟');
    expect(formatTimeLeft(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('2 小时 5 分');
    expect(formatTimeLeft(3 * 3_600_000)).toBe('3 小时');
    expect(formatTimeLeft(3 * 86_400_000 + 59 * 60_000)).toBe('3 天');
  });
});

describe('when 加入会议 shows', () => {
  it('from 10 minutes before the start until the assembly closes', () => {
    // Arrange
    const start = at(scheduled.startsAt);

    // Act
    const shown = [canJoin(scheduled, start - 10 * 60_000 - 1), canJoin(scheduled, start - 10 * 60_000), canJoin(scheduled, start + 3_600_000)];

    // Assert
    expect(shown).toEqual([false, true, true]);
    expect(canJoin({ ...scheduled, status: 'closed' }, start)).toBe(false);
  });
});
