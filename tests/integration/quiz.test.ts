import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { answerQuestion, todaysQuiz } from '../../functions/quiz/quiz';
import type { Container } from '../../functions/wiring/container';
import { seedReferenceData } from '../../scripts/seed';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

describe('daily quiz against DynamoDB Local', () => {
  let app: Container;
  const clock = new PinnedClock(new Date('2026-11-25T02:00:00Z'));
  beforeAll(async () => {
    app = await freshContainer({ clock });
    await seedReferenceData(app);
  });

  const answerOf = async (questionId: string) => (await app.quiz.bank()).get(questionId)!.answer;

  it('shows 3 questions without answers, the same set on every reload', async () => {
    const user = await userWithFlowers(app, 0);
    const first = await todaysQuiz(app, user.id);
    const again = await todaysQuiz(app, user.id);
    expect(first.date).toBe('2026-11-25');
    expect(first.questions).toHaveLength(3);
    expect(again).toEqual(first);
    for (const q of first.questions) {
      expect(Object.keys(q).sort()).toEqual(['answered', 'choices', 'id', 'prompt']);
      expect(q.answered).toBeNull();
    }
    const other = await todaysQuiz(app, (await userWithFlowers(app, 0)).id);
    expect(other.questions.map((q) => q.id)).not.toEqual(first.questions.map((q) => q.id));
  });

  it('a correct answer earns 2 flowers, a wrong one nothing and no ledger entry', async () => {
    const user = await userWithFlowers(app, 0);
    const [q1, q2] = (await todaysQuiz(app, user.id)).questions;
    const right = await answerQuestion(app, user.id, { questionId: q1.id, choice: await answerOf(q1.id) });
    const wrongChoice = ((await answerOf(q2.id)) + 1) % q2.choices.length;
    const wrong = await answerQuestion(app, user.id, { questionId: q2.id, choice: wrongChoice });
    expect(right).toMatchObject({ correct: true, flowers: 2, balance: 2 });
    expect(right.explanation.length).toBeGreaterThan(5);
    expect(wrong).toMatchObject({ correct: false, flowers: 0, balance: 2 });
    expect((await app.ledger.getAccount(user.id))!.version).toBe(1);
    const state = await todaysQuiz(app, user.id);
    expect(state.questions[0].answered).toMatchObject({ correct: true });
    expect(state.questions[1].answered).toMatchObject({ correct: false, choice: wrongChoice });
  });

  it('each question is answered once, also under 8 concurrent answers', async () => {
    const user = await userWithFlowers(app, 0);
    const [q] = (await todaysQuiz(app, user.id)).questions;
    const correct = await answerOf(q.id);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => answerQuestion(app, user.id, { questionId: q.id, choice: i % 2 ? correct : (correct + 1) % q.choices.length })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').forEach((r) => expect(r.reason).toMatchObject({ code: 'ALREADY_ANSWERED' }));
    const balance = (await app.ledger.getAccount(user.id))!.balance;
    expect([0, 2]).toContain(balance);
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it("a question not in today's set is 404, a choice out of range is 400", async () => {
    const user = await userWithFlowers(app, 0);
    const today = (await todaysQuiz(app, user.id)).questions.map((q) => q.id);
    const notToday = [...(await app.quiz.bank()).keys()].find((id) => !today.includes(id))!;
    await expect(answerQuestion(app, user.id, { questionId: notToday, choice: 0 })).rejects.toMatchObject({ status: 404 });
    await expect(answerQuestion(app, user.id, { questionId: today[0], choice: 4 })).rejects.toMatchObject({ status: 400 });
  });

  it("the set changes at Asia/Shanghai midnight (16:00 UTC), and yesterday's questions are gone", async () => {
    const user = await userWithFlowers(app, 0);
    clock.set('2026-11-25T15:59:59Z');
    const before = await todaysQuiz(app, user.id);
    clock.set('2026-11-25T16:00:00Z');
    const after = await todaysQuiz(app, user.id);
    expect(before.date).toBe('2026-11-25');
    expect(after.date).toBe('2026-11-26');
    expect(after.questions.map((q) => q.id)).not.toEqual(before.questions.map((q) => q.id));
    const stale = before.questions.find((q) => !after.questions.some((a) => a.id === q.id))!;
    await expect(answerQuestion(app, user.id, { questionId: stale.id, choice: 0 })).rejects.toMatchObject({ status: 404 });
    clock.set('2026-11-25T02:00:00Z');
  });
});
