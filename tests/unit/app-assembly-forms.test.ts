import { mustAnswerFirst } from '../../app/services/assembly-questions';
import { readScheduleDraft, shanghaiInstant } from '../../app/services/assembly-schedule-form';

const now = Date.parse('2026-12-03T04:00:00.000Z');
const draft = { title: '十二月股东大会', day: '2026-12-10', time: '20:00', closeDay: '2026-12-10', closeTime: '19:00', meetingUrl: '', statementLetterId: '' };

describe('the scheduling form', () => {
  it('reads days and times as Beijing time', () => {
    expect(shanghaiInstant('2026-12-10', '20:00')).toBe('2026-12-10T12:00:00.000Z');
    expect(shanghaiInstant('2026-12-10', '8:05')).toBe('2026-12-10T00:05:00.000Z');
    expect(shanghaiInstant('2026-12-10', '24:00')).toBeNull();
  });

  it('sends what the charity typed, with the link and statement only when given', () => {
    // Act
    const read = readScheduleDraft({ ...draft, meetingUrl: ' https://meeting.tencent.com/dm/abc ', statementLetterId: 'L1' }, now);

    // Assert
    expect(read.body).toEqual({
      title: '十二月股东大会',
      startsAt: '2026-12-10T12:00:00.000Z',
      questionsCloseAt: '2026-12-10T11:00:00.000Z',
      meetingUrl: 'https://meeting.tencent.com/dm/abc',
      statementLetterId: 'L1',
    });
  });

  it('refuses, in Chinese, questions closing after the start, an http link and a start in the past', () => {
    // Act
    const read = readScheduleDraft({ ...draft, day: '2026-12-01', closeDay: '2026-12-02', meetingUrl: 'http://example.com' }, now);

    // Assert
    expect(read.body).toBeNull();
    expect(read.problems).toEqual(['开会时间须在现在之后', '提问须在开会前（或开会时）截止', '会议链接须是 https:// 开头的网址（如腾讯会议链接）']);
  });
});

describe('the questions that block the minutes', () => {
  it('are the open ones among the most-voted with a vote, ties asked earlier first', () => {
    // Arrange
    const q = (id: string, votes: number, minute: number, status = 'open') => ({
      id,
      votes,
      status,
      askedAt: `2026-12-03T04:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    const questions = [q('a', 3, 1, 'answered'), q('b', 2, 5), q('c', 2, 2), q('d', 0, 0), q('e', 1, 9)];

    // Act
    const blocking = mustAnswerFirst(questions, 3).map((x) => x.id);

    // Assert: a, c, b are the top three; a is answered; e is fourth; d has no vote.
    expect(blocking).toEqual(['c', 'b']);
  });
});
