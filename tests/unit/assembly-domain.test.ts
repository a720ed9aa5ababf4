import {
  hiddenByReports,
  joinOpensAt,
  mayJoin,
  mustAnswerBlockers,
  orderQuestions,
  questionsOpen,
  reviewOutcome,
  scheduleProblem,
  type CountedQuestion,
} from '../../functions/domain/assembly';

/** A question as the must-answer rule sees it. */
function question(
  id: string,
  votes: number,
  askedAt: string,
  status: CountedQuestion['status'] = 'open',
  extra: Partial<CountedQuestion> = {},
): CountedQuestion {
  return {
    id,
    assemblyId: 'a1',
    dreamId: 'd1',
    authorId: `author-${id}`,
    text: '善款怎么用的？',
    askedAt,
    status,
    answer: null,
    answeredAt: null,
    answerLine: null,
    hidden: false,
    removed: false,
    restored: false,
    reportCount: 0,
    held: false,
    voteShards: 16,
    votes,
    ...extra,
  };
}

const at = (minute: number) => `2026-12-03T04:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the order of questions', () => {
  it('puts most votes first and, on a tie, the earlier asked first', () => {
    // Arrange
    const questions = [question('late-tie', 3, at(9)), question('top', 7, at(30)), question('early-tie', 3, at(1)), question('none', 0, at(0))];
    // Act
    const ordered = orderQuestions(questions).map((q) => q.id);
    // Assert
    expect(ordered).toEqual(['top', 'early-tie', 'late-tie', 'none']);
  });
});

describe('the must-answer rule', () => {
  it('blocks on an open question among the five most voted, ties going to the earlier asked', () => {
    // Arrange: six questions with votes; the sixth ties the fifth but was asked later
    const questions = [
      question('q1', 9, at(1), 'answered'),
      question('q2', 8, at(2), 'answered'),
      question('q3', 7, at(3), 'declined'),
      question('q4', 6, at(4), 'answered'),
      question('q5', 2, at(5), 'open'),
      question('q6', 2, at(6), 'open'),
    ];
    // Act
    const blockers = mustAnswerBlockers(questions, 5).map((q) => q.id);
    // Assert: only the fifth blocks; the later-asked tie is outside the five
    expect(blockers).toEqual(['q5']);
  });

  it('lets the minutes through when the open questions are outside the top five', () => {
    const questions = [...['a', 'b', 'c', 'd', 'e'].map((id, i) => question(id, 10 - i, at(i), 'answered')), question('f', 1, at(0), 'open')];
    expect(mustAnswerBlockers(questions, 5)).toEqual([]);
  });

  it('ignores questions nobody voted for, and hidden or removed ones', () => {
    const questions = [
      question('zero', 0, at(1)),
      question('hidden', 4, at(2), 'open', { hidden: true }),
      question('removed', 5, at(3), 'open', { removed: true, hidden: true }),
      question('held', 6, at(4), 'open', { held: true }),
    ];
    expect(mustAnswerBlockers(questions, 5)).toEqual([]);
  });

  it('with fewer than five voted questions, every open one of them blocks', () => {
    const questions = [question('x', 1, at(1)), question('y', 2, at(2), 'answered'), question('z', 1, at(3))];
    expect(mustAnswerBlockers(questions, 5).map((q) => q.id)).toEqual(['x', 'z']);
  });
});

describe('the windows', () => {
  const assembly = { status: 'scheduled' as const, startsAt: '2026-12-10T12:00:00.000Z', questionsCloseAt: '2026-12-10T11:00:00.000Z' };

  it('takes questions and votes until questionsCloseAt, and never once closed', () => {
    expect(questionsOpen(assembly, new Date('2026-12-10T11:00:00.000Z'))).toBe(true);
    expect(questionsOpen(assembly, new Date('2026-12-10T11:00:00.001Z'))).toBe(false);
    expect(questionsOpen({ ...assembly, status: 'closed' }, new Date('2026-12-01T00:00:00.000Z'))).toBe(false);
  });

  it('hands out the link from ten minutes before the start', () => {
    expect(joinOpensAt(assembly).toISOString()).toBe('2026-12-10T11:50:00.000Z');
    expect(mayJoin(assembly, new Date('2026-12-10T11:49:59.999Z'))).toBe(false);
    expect(mayJoin(assembly, new Date('2026-12-10T11:50:00.000Z'))).toBe(true);
  });

  it('refuses a question window that closes after the start, and takes one that closes at it', () => {
    expect(scheduleProblem({ startsAt: assembly.startsAt, questionsCloseAt: '2026-12-10T12:00:01.000Z' })).toMatchObject({ status: 400 });
    expect(scheduleProblem({ startsAt: assembly.startsAt, questionsCloseAt: assembly.startsAt })).toBeNull();
  });
});

describe('reports and an admin’s look', () => {
  it('hides from the third report on, unless an admin restored it', () => {
    expect(hiddenByReports({ reportCount: 2, restored: false }, 3)).toBe(false);
    expect(hiddenByReports({ reportCount: 3, restored: false }, 3)).toBe(true);
    expect(hiddenByReports({ reportCount: 9, restored: true }, 3)).toBe(false);
  });

  it('restore shows it again for good; remove hides it for good', () => {
    expect(reviewOutcome('restore')).toEqual({ hidden: false, removed: false, restored: true, held: false });
    expect(reviewOutcome('remove')).toMatchObject({ hidden: true, removed: true });
  });
});
