import { randomInt } from 'node:crypto';
import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { handler as donateHandler } from '../../functions/dreams/donate-handler';
import { adoptDream, donateToDream, getDream, proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { dreamTotals } from '../../functions/dreams/totals';
import type { Container } from '../../functions/wiring/container';
import { invoke } from '../support/invoke';
import { openDream as openApprovedDream, TEST_STORY, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';
import { startTestStreams } from '../support/streams';

jest.setTimeout(300_000);

const STORY = TEST_STORY;

describe('dreams against DynamoDB Local', () => {
  const state = useAppWithFakeWechat();
  let app: Container;
  beforeAll(() => {
    ({ app } = state);
  });

  const openDream = (target: number, extra: { matchFund?: { sponsorName: string; fenPerFlower: number; budgetFen: number } } = {}) =>
    openApprovedDream(app, target, extra);

  it('a proposed dream waits in review, hidden from everyone but its proposer and admins', async () => {
    const proposer = await userWithFlowers(app, 0);
    const stranger = await userWithFlowers(app, 0);
    const { dream } = await proposeDream(app, proposer.id, { title: '给老人送冬衣', story: STORY, category: 'elderly', targetFlowers: 5_000 });
    expect(dream.status).toBe('in_review');
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${dream.id}`, { nickname: '审核员', roles: ['donor', 'admin'] });
    await expect(getDream(app, dream.id, stranger.id)).rejects.toMatchObject({ status: 404 });
    await expect(getDream(app, dream.id, null)).rejects.toMatchObject({ status: 404 });
    await expect(getDream(app, dream.id, proposer.id)).resolves.toBeTruthy();
    await expect(getDream(app, dream.id, admin.id)).resolves.toBeTruthy();
  });

  it('refuses gifts unless open or executable, and approval of unsafe text', async () => {
    const donor = await userWithFlowers(app, 100);
    const proposer = await userWithFlowers(app, 0);
    const { dream: inReview } = await proposeDream(app, proposer.id, { title: '待审核的梦想', story: STORY, category: 'other', targetFlowers: 1_000 });
    await expect(donateToDream(app, donor.id, inReview.id, { flowers: 1 })).rejects.toMatchObject({ status: 404 });
    const unsafeText = { title: '一个赌博的梦想', story: STORY, category: 'other' as const, targetFlowers: 1_000 };
    await expect(proposeDream(app, proposer.id, unsafeText)).rejects.toMatchObject({ code: 'CONTENT_UNSAFE' });
    const { dream: unsafe } = await proposeDream(app, proposer.id, { ...unsafeText, title: '另一个梦想' });
    const { dream: rejected } = await reviewDream(app, unsafe.id, { decision: 'reject', note: '内容不合规' });
    expect(rejected.status).toBe('rejected');
    await expect(reviewDream(app, unsafe.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_IN_REVIEW' });
    await expect(donateToDream(app, donor.id, unsafe.id, { flowers: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(donateToDream(app, proposer.id, unsafe.id, { flowers: 1 })).rejects.toMatchObject({ status: 409, code: 'DREAM_NOT_ACCEPTING' });
    expect((await app.ledger.getAccount(donor.id))!.balance).toBe(100);
  });

  it('40 donors, 3 dreams, random amounts, repeated keys and overdrafts: the books balance', async () => {
    // Arrange
    const dreamIds = await Promise.all([openDream(1_000_000), openDream(1_000_000), openDream(1_000_000)]);
    const donors = await Promise.all(Array.from({ length: 40 }, () => userWithFlowers(app, 50 + randomInt(100))));
    const earned = donors.length ? (await Promise.all(donors.map((d) => app.ledger.getAccount(d.id)))).reduce((s, a) => s + a!.earned, 0) : 0;
    const tokens = await Promise.all(donors.map((d) => app.tokens.issue({ userId: d.id })));
    // Act: each donor sends 6 gifts; every third is sent twice with the same key; some exceed the balance
    const requests = donors.flatMap((donor, i) =>
      Array.from({ length: 6 }, (_, g) => {
        const dreamId = dreamIds[(i + g) % 3];
        const flowers = g === 5 ? 500 : 1 + randomInt(40);
        const key = `gift-${i}-${g}`;
        const call = () =>
          invoke(donateHandler, {
            method: 'POST',
            path: `/dreams/${dreamId}/donations`,
            params: { id: dreamId },
            token: tokens[i],
            body: { flowers },
            idempotencyKey: key,
          });
        return g % 3 === 0 ? [call(), call()] : [call()];
      }).flat(),
    );
    const answers = await Promise.all(requests);
    // Assert: only 200s and INSUFFICIENT_FLOWERS
    for (const answer of answers) {
      if (answer.status !== 200) expect(answer.body.error.code).toBe('INSUFFICIENT_FLOWERS');
    }
    const accounts = await Promise.all(donors.map((d) => app.ledger.getAccount(d.id)));
    accounts.forEach((a) => expect(a!.balance).toBeGreaterThanOrEqual(0));
    const balances = accounts.reduce((s, a) => s + a!.balance, 0);
    const dreams = await Promise.all(dreamIds.map((id) => app.dreamBooks.reconcile(id)));
    const raised = dreams.reduce((s, d) => s + d.totals.flowersRaised, 0);
    expect(balances + raised).toBe(earned);
    // Each dream's flowers and distinct donors, counted from the donors' own ledgers.
    const entries = (await Promise.all(donors.map((d) => app.ledger.allEntries(d.id)))).flat().filter((e) => e.reason === 'dream_donation');
    for (const [index, books] of dreams.entries()) {
      const gifts = entries.filter((e) => e.refId === dreamIds[index]);
      expect(books.totals.flowersRaised).toBe(gifts.reduce((sum, e) => sum - e.delta, 0));
      expect(books.totals.donorCount).toBe(new Set(gifts.map((e) => e.userId)).size);
      expect(books.donorItems).toBe(books.totals.donorCount);
    }
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('concurrent gifts crossing the target flip it to executable exactly once, and each donor is told once (through the stream)', async () => {
    // Arrange: a 1,000-flower dream and 20 donors whose gifts together make exactly the target
    const dreamId = await openDream(1_000);
    const donors = await Promise.all(Array.from({ length: 20 }, () => userWithFlowers(app, 50)));
    // Act: all 40 gifts of 25 at once
    const results = await Promise.all(
      donors.flatMap((d) => [donateToDream(app, d.id, dreamId, { flowers: 25 }), donateToDream(app, d.id, dreamId, { flowers: 25 })]),
    );
    // Assert: one gift saw the flip; the table's stream then tells every donor once
    expect(results.filter((r) => r.dream.status === 'executable')).toHaveLength(1);
    const { dream } = await getDream(app, dreamId, null);
    expect(dream).toMatchObject({ status: 'executable', flowersRaised: 1_000, donorCount: 20 });
    const streams = await startTestStreams(app);
    try {
      await streams.idle();
    } finally {
      await streams.stop();
    }
    const notified = await Promise.all(donors.map((d) => app.notifications.list(d.id, { limit: 10 })));
    notified.forEach((page) => expect(page.items.filter((n) => n.type === 'dream_executable' && n.refId === dreamId)).toHaveLength(1));
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('gifts racing past the target: still one flip, and the dream keeps taking flowers', async () => {
    const dreamId = await openDream(1_000);
    const donors = await Promise.all(Array.from({ length: 30 }, () => userWithFlowers(app, 60)));
    await Promise.all(donors.flatMap((d) => [donateToDream(app, d.id, dreamId, { flowers: 30 }), donateToDream(app, d.id, dreamId, { flowers: 30 })]));
    const { dream } = await getDream(app, dreamId, null);
    expect(dream).toMatchObject({ status: 'executable', flowersRaised: 1_800, donorCount: 30 });
    const books = await app.dreamBooks.reconcile(dreamId);
    expect(books.totals.flowersRaised).toBe(1_800);
    expect(books.donorItems).toBe(30);
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('a figures read that lands while a gift is in flight is not counted twice', async () => {
    // Arrange: a dream whose shard figures are cached, and a DynamoDB client that, right after a
    // gift's transaction commits, lets another request of the same process read the shards.
    const dreamId = await openDream(10_000);
    const donor = await userWithFlowers(app, 100);
    const dream = (await app.dreams.get(dreamId, true))!;
    await dreamTotals(app.dreams, [dream], app.clock.now());
    const doc = app.table.doc as unknown as { send: (command: unknown) => Promise<unknown> };
    const send = doc.send.bind(doc);
    const spy = jest.spyOn(doc, 'send').mockImplementation(async (command: unknown) => {
      const answer = await send(command);
      if ((command as { constructor: { name: string } }).constructor.name === 'TransactWriteCommand') await app.dreams.shardsOf([dream], 'exact');
      return answer;
    });
    // Act
    try {
      await donateToDream(app, donor.id, dreamId, { flowers: 30 });
    } finally {
      spy.mockRestore();
    }
    // Assert: the cached figures show the gift once
    expect((await dreamTotals(app.dreams, [dream], app.clock.now())).get(dreamId)!.flowersRaised).toBe(30);
    expect((await getDream(app, dreamId, null)).dream.flowersRaised).toBe(30);
  });

  it('the gift that reaches the target flips it in the same write; an adopted dream takes no more', async () => {
    const dreamId = await openDream(1_000);
    const donor = await userWithFlowers(app, 2_000);
    const charity = await userWithFlowers(app, 0);
    await donateToDream(app, donor.id, dreamId, { flowers: 999 });
    expect((await getDream(app, dreamId, null)).dream.status).toBe('open');
    await expect(adoptDream(app, charity.id, dreamId)).rejects.toMatchObject({ code: 'NOT_EXECUTABLE' });
    const last = await donateToDream(app, donor.id, dreamId, { flowers: 1 });
    expect(last.dream).toMatchObject({ status: 'executable', flowersRaised: 1_000 });
    await donateToDream(app, donor.id, dreamId, { flowers: 5 });
    const { dream } = await adoptDream(app, charity.id, dreamId);
    expect(dream).toMatchObject({ status: 'adopted', charityId: charity.id, flowersRaised: 1_005 });
    await expect(donateToDream(app, donor.id, dreamId, { flowers: 1 })).rejects.toMatchObject({ code: 'DREAM_NOT_ACCEPTING' });
    expect((await app.ledger.getAccount(donor.id))!.balance).toBe(2_000 - 1_005);
  });

  it('each gift answers with the dream as it now stands, also right after another gift', async () => {
    const dreamId = await openDream(100_000);
    const donor = await userWithFlowers(app, 50);
    await getDream(app, dreamId, null); // warms the short read cache with 0 flowers
    const first = await donateToDream(app, donor.id, dreamId, { flowers: 2 });
    const second = await donateToDream(app, donor.id, dreamId, { flowers: 3 });
    expect(first.dream).toMatchObject({ flowersRaised: 2, donorCount: 1 });
    expect(second.dream).toMatchObject({ flowersRaised: 5, donorCount: 1 });
    expect(second.balance).toBe(45);
  });

  it('a match fund converts gifts at its rate until its budget runs out, never below zero', async () => {
    const dreamId = await openDream(100_000, { matchFund: { sponsorName: '爱心企业', fenPerFlower: 10, budgetFen: 5_000 } });
    const donors = await Promise.all(Array.from({ length: 30 }, () => userWithFlowers(app, 100)));
    const results = await Promise.all(donors.map((d) => donateToDream(app, d.id, dreamId, { flowers: 30 })));
    const matched = results.reduce((s, r) => s + r.donation.matchedFen, 0);
    const books = await app.dreamBooks.reconcile(dreamId);
    expect(matched).toBe(5_000);
    expect(books.totals.matchedFen).toBe(5_000);
    expect(books.matchEntriesFen).toBe(5_000);
    expect(books.fundLeftFen).toBe(0);
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });
});
