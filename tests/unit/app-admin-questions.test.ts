/**
 * The reported-questions console (app/admin/questions): what each card says about why the
 * question waits for an admin.
 */
import { whyWaiting } from '../../app/admin/questions/why-waiting';

describe('whyWaiting', () => {
  it.each([
    ['reported by donors', { reportCount: 3 }, '被举报 3 次'],
    ['held by WeChat’s text check', { held: true, reportCount: 0 }, '微信内容检查要求人工复核'],
    ['both held and reported', { held: true, reportCount: 4 }, '微信内容检查要求人工复核，被举报 4 次'],
    ['held only because its answer waits', { held: true, answerHeld: true, reportCount: 3 }, '被举报 3 次'],
    ['with no reason given', {}, '等待复核'],
  ])('names the reason for a question %s', (_name, question, expected) => {
    // Act
    const reason = whyWaiting(question);

    // Assert
    expect(reason).toBe(expected);
  });
});
