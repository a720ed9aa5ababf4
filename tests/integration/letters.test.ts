import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import type { AuditActor } from '../../functions/domain/audit';
import type { Container } from '../../functions/wiring/container';
import { reviewLetter, submitLetter, type SubmitLetterInput } from '../../functions/letters/letters';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';
import { OCTOBER_LETTER } from '../support/letters';
import { PinnedClock } from '../support/clock';

jest.setTimeout(120_000);

const asAdmin = (id: string): AuditActor => ({ kind: 'user', id, label: '审核员' });

describe('letters (小红花来信): who writes, who reviews, and the books', () => {
  const state = useAppWithFakeWechat();
  let app: Container;
  beforeAll(() => {
    // After every period these tests state: a period ends no later than today.
    app = { ...state.app, clock: new PinnedClock(new Date('2027-01-15T04:00:00Z')) };
  });

  /** A dream with a match fund that reached its target (matched 1,000 fen) and was adopted. */
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

  it('only the adopting charity writes; the first letter opens with the matched money; publishing moves the books', async () => {
    // Arrange
    const { dreamId, charity, admin } = await adopted();
    const { user: otherCharity } = await app.users.findOrCreateByOpenid(`other-${dreamId}`, { nickname: '别的机构', roles: ['donor', 'charity'] });
    // Act + Assert: another charity is refused; a first letter that opens with anything else is refused with details
    await expect(submitLetter(app, otherCharity.id, dreamId, letter())).rejects.toMatchObject({ status: 403 });
    await expect(submitLetter(app, charity.id, dreamId, letter({ openingFen: 0, closingFen: -300 }))).rejects.toMatchObject({
      status: 409,
      code: 'LETTER_DOES_NOT_RECONCILE',
      details: expect.arrayContaining([expect.objectContaining({ field: 'openingFen', expected: 1_000, given: 0 })]),
    });
    const first = await submitLetter(app, charity.id, dreamId, letter());
    expect(first).toMatchObject({
      kind: 'letter',
      status: 'in_review',
      statement: { figures: { openingFen: 1_000, closingFen: 700, previousLetterId: null } },
    });
    // The author can never review their own letter; an admin publishes it, once.
    await expect(reviewLetter(app, asAdmin(charity.id), first.id, { decision: 'approve' })).rejects.toMatchObject({ status: 403 });
    const published = await reviewLetter(app, asAdmin(admin.id), first.id, { decision: 'approve' });
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    await expect(reviewLetter(app, asAdmin(admin.id), first.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'NOT_IN_REVIEW' });
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: first.id, closingFen: 700, periodEnd: '2026-10-31' });

    // The next letter opens with 700, starts after October, and adds up since the start apart.
    await expect(submitLetter(app, charity.id, dreamId, letter({ periodStart: '2026-10-15', openingFen: 700, closingFen: 400 }))).rejects.toMatchObject({
      code: 'PERIOD_OVERLAPS',
    });
    const second = await submitLetter(
      app,
      charity.id,
      dreamId,
      letter({
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        openingFen: 700,
        closingFen: 400,
        lineItems: [{ description: '绘本', amountFen: 300, kind: 'spend' }],
      }),
    );
    expect(second.statement!.figures).toEqual({
      openingFen: 700,
      incomeFen: 0,
      spendFen: 300,
      closingFen: 400,
      sinceStart: { incomeFen: 500, spendFen: 1_100 },
      previousLetterId: first.id,
    });
  });

  it('two statements written from the same books: the second to be published no longer reconciles', async () => {
    // Arrange: two letters both continuing from the first published one
    const { dreamId, charity, admin } = await adopted();
    const base = await submitLetter(app, charity.id, dreamId, letter());
    await reviewLetter(app, asAdmin(admin.id), base.id, { decision: 'approve' });
    const next = {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      openingFen: 700,
      closingFen: 600,
      lineItems: [{ description: '文具', amountFen: 100, kind: 'spend' as const }],
    };
    const a = await submitLetter(app, charity.id, dreamId, letter(next));
    const b = await submitLetter(app, charity.id, dreamId, letter(next));
    // Act
    await reviewLetter(app, asAdmin(admin.id), a.id, { decision: 'approve' });
    // Assert: b's period now overlaps a's (the books moved); it stays in review, unpublished
    await expect(reviewLetter(app, asAdmin(admin.id), b.id, { decision: 'approve' })).rejects.toMatchObject({ status: 409 });
    expect((await app.letters.get(b.id))!.status).toBe('in_review');
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: a.id, closingFen: 600 });

    // Two more from the same books, approved at the same moment by two admins: exactly one lands.
    const dec = {
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      openingFen: 600,
      closingFen: 500,
      lineItems: [{ description: '取暖', amountFen: 100, kind: 'spend' as const }],
    };
    const c = await submitLetter(app, charity.id, dreamId, letter(dec));
    const d = await submitLetter(app, charity.id, dreamId, letter(dec));
    const { user: secondAdmin } = await app.users.findOrCreateByOpenid(`admin2-${dreamId}`, { nickname: '审核员二', roles: ['donor', 'admin'] });
    const results = await Promise.allSettled([
      reviewLetter(app, asAdmin(admin.id), c.id, { decision: 'approve' }),
      reviewLetter(app, asAdmin(secondAdmin.id), d.id, { decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409]);
    const published = [await app.letters.get(c.id), await app.letters.get(d.id)].filter((l) => l!.status === 'published');
    expect(published).toHaveLength(1);
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: published[0]!.id, closingFen: 500 });
  });

  it('a field update carries no money; only published ones are on the dream’s timeline, newest first', async () => {
    const { dreamId, charity, admin } = await adopted();
    const update = await submitLetter(app, charity.id, dreamId, { title: '书到了', body: '第一批图书已经送到学校。', happenedAt: '2026-10-05T03:00:00.000Z' });
    const rejected = await submitLetter(app, charity.id, dreamId, { title: '照片不清楚', body: '重新拍了再发。', happenedAt: '2026-10-06T03:00:00.000Z' });
    const later = await submitLetter(app, charity.id, dreamId, letter());
    expect(update).toMatchObject({ kind: 'update', statement: null });
    await reviewLetter(app, asAdmin(admin.id), update.id, { decision: 'approve' });
    await reviewLetter(app, asAdmin(admin.id), rejected.id, { decision: 'reject', note: '照片看不清' });
    await reviewLetter(app, asAdmin(admin.id), later.id, { decision: 'approve' });
    const timeline = await app.letters.timeline(dreamId, { limit: 10 });
    expect(timeline.items.map((l) => l.id)).toEqual([later.id, update.id]);
    expect((await app.letters.get(rejected.id))!).toMatchObject({ status: 'rejected', reviewNote: '照片看不清' });
    // A rejected update leaves the books alone (it has no money).
    expect(await app.letters.books(dreamId)).toMatchObject({ letterId: later.id });
  });
});
