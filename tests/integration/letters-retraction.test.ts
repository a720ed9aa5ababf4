import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import type { AuditActor } from '../../functions/domain/audit';
import type { Container } from '../../functions/wiring/container';
import { retractLetter, reviewLetter, submitLetter, type SubmitLetterInput } from '../../functions/letters/letters';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';
import { OCTOBER_LETTER } from '../support/letters';
import { PinnedClock } from '../support/clock';

jest.setTimeout(120_000);

const asAdmin = (id: string): AuditActor => ({ kind: 'user', id, label: '审核员' });

/** Shanghai's 2026-12-03 is UTC 2026-12-02T16:00 to 2026-12-03T16:00. */
const NOW = '2026-12-03T04:00:00Z';

describe('letters: dates the clock judges, and retraction that moves the books back', () => {
  const state = useAppWithFakeWechat();
  const clock = new PinnedClock(new Date(NOW));
  let app: Container;
  beforeAll(() => {
    app = { ...state.app, clock };
  });
  afterEach(() => clock.set(NOW));

  async function adopted() {
    const dreamId = await openDream(app, 1_000, { matchFund: { sponsorName: '爱心企业', fenPerFlower: 1, budgetFen: 100_000 } });
    const donor = await userWithFlowers(app, 1_000);
    await donateToDream(app, donor.id, dreamId, { flowers: 1_000 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${dreamId}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${dreamId}`, { nickname: '审核员', roles: ['donor', 'admin'] });
    return { dreamId, charity, admin };
  }

  const letter = (over: Partial<NonNullable<SubmitLetterInput['statement']>> = {}): SubmitLetterInput => ({
    ...OCTOBER_LETTER,
    statement: { ...OCTOBER_LETTER.statement, ...over },
  });
  const november = letter({
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    openingFen: 700,
    closingFen: 400,
    lineItems: [{ description: '绘本', amountFen: 300, kind: 'spend' }],
  });

  it('a period ends by today in Shanghai and spans at most letters.maxPeriodDays; happenedAt may run 5 minutes ahead, no more', async () => {
    // Arrange
    const { dreamId, charity } = await adopted();
    const write = (input: SubmitLetterInput) => submitLetter(app, charity.id, dreamId, input);
    const invalid = { status: 400, code: 'VALIDATION_FAILED' };
    // Act + Assert: today (Shanghai) is the last day a period may end; tomorrow is refused
    await expect(write(letter({ periodStart: '2026-10-01', periodEnd: '2026-12-04' }))).rejects.toMatchObject(invalid);
    await expect(write(letter({ periodStart: '2026-09-01', periodEnd: '2026-12-03' }))).resolves.toMatchObject({ status: 'in_review' });
    // 93 days after the start is the longest period; 94 is refused
    await expect(write(letter({ periodStart: '2026-08-31', periodEnd: '2026-12-02' }))).resolves.toMatchObject({ status: 'in_review' });
    await expect(write(letter({ periodStart: '2026-08-30', periodEnd: '2026-12-02' }))).rejects.toMatchObject({
      ...invalid,
      details: [expect.objectContaining({ path: ['statement', 'periodEnd'] })],
    });
    await expect(write(letter({ periodStart: '2026-10-31', periodEnd: '2026-10-01' }))).rejects.toMatchObject(invalid);
    // happenedAt: five minutes ahead is clock skew, six is the future
    await expect(write({ ...OCTOBER_LETTER, happenedAt: '2026-12-03T04:05:00Z' })).resolves.toMatchObject({ status: 'in_review' });
    await expect(write({ ...OCTOBER_LETTER, happenedAt: '2026-12-03T12:06:00+08:00' })).rejects.toMatchObject({
      ...invalid,
      details: [expect.objectContaining({ path: ['happenedAt'] })],
    });
  });

  it('retracting the latest statement moves the books back to the one before; a corrected one for the same period publishes', async () => {
    // Arrange: October, then November, published
    const { dreamId, charity, admin } = await adopted();
    const october = await submitLetter(app, charity.id, dreamId, letter());
    await reviewLetter(app, asAdmin(admin.id), october.id, { decision: 'approve' });
    const wrong = await submitLetter(app, charity.id, dreamId, november);
    await reviewLetter(app, asAdmin(admin.id), wrong.id, { decision: 'approve' });
    // Act + Assert: October has a statement after it; its author cannot retract; November can be, once
    await expect(retractLetter(app, asAdmin(admin.id), october.id, { reason: '错了' })).rejects.toMatchObject({ status: 409, code: 'LATER_LETTER_PUBLISHED' });
    await expect(retractLetter(app, asAdmin(charity.id), wrong.id, { reason: '错了' })).rejects.toMatchObject({ status: 403 });
    const retracted = await retractLetter(app, asAdmin(admin.id), wrong.id, { reason: '绘本金额填错了' });
    expect(retracted).toMatchObject({ status: 'published', retraction: { reason: '绘本金额填错了', at: new Date(NOW).toISOString() } });
    expect((await app.letters.get(wrong.id))!.retraction).toEqual({ reason: '绘本金额填错了', at: new Date(NOW).toISOString() });
    expect(await app.letters.books(dreamId)).toEqual({
      letterId: october.id,
      periodEnd: '2026-10-31',
      closingFen: 700,
      sinceStartIncomeFen: 500,
      sinceStartSpendFen: 800,
    });
    await expect(retractLetter(app, asAdmin(admin.id), wrong.id, { reason: '再撤' })).rejects.toMatchObject({ status: 409, code: 'ALREADY_RETRACTED' });
    const trail = await app.audit.list({ targetId: wrong.id }, { limit: 10 });
    expect(trail.items).toEqual([expect.objectContaining({ action: 'letter.retract', targetType: 'letter', reason: '绘本金额填错了' })]);
    // The corrected November continues from October again.
    const corrected = await submitLetter(app, charity.id, dreamId, { ...november, corrects: wrong.id });
    expect(corrected.statement!.figures.previousLetterId).toBe(october.id);
    await reviewLetter(app, asAdmin(admin.id), corrected.id, { decision: 'approve' });
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: corrected.id, closingFen: 400 });
  });

  it('retracting the first statement empties the books; two admins at once: exactly one retracts', async () => {
    // Arrange
    const { dreamId, charity, admin } = await adopted();
    const first = await submitLetter(app, charity.id, dreamId, letter());
    await reviewLetter(app, asAdmin(admin.id), first.id, { decision: 'approve' });
    const { user: secondAdmin } = await app.users.findOrCreateByOpenid(`admin2-${dreamId}`, { nickname: '审核员二', roles: ['donor', 'admin'] });
    // Act
    const results = await Promise.allSettled([
      retractLetter(app, asAdmin(admin.id), first.id, { reason: '第一位' }),
      retractLetter(app, asAdmin(secondAdmin.id), first.id, { reason: '第二位' }),
    ]);
    // Assert
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['ALREADY_RETRACTED']);
    expect(await app.letters.books(dreamId)).toBeNull();
    const again = await submitLetter(app, charity.id, dreamId, letter());
    expect(again.statement!.figures).toMatchObject({ openingFen: 1_000, previousLetterId: null });
    await reviewLetter(app, asAdmin(admin.id), again.id, { decision: 'approve' });
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: again.id });
    // A letter in review is not retracted.
    const pending = await submitLetter(app, charity.id, dreamId, november);
    await expect(retractLetter(app, asAdmin(admin.id), pending.id, { reason: '还没发' })).rejects.toMatchObject({ code: 'NOT_PUBLISHED' });
  });
});
