import { randomUUID } from 'node:crypto';
import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import type { AuditActor } from '../../functions/domain/audit';
import { fanoutJobId } from '../../functions/domain/fanout';
import { jobProgress, startLetterJob } from '../../functions/events/fanout';
import type { Container } from '../../functions/wiring/container';
import { myLetters, overdueDreams, readLetter, reviewLetter, submitLetter } from '../../functions/letters/letters';
import { getDream } from '../../functions/dreams/dreams';
import { myNotifications } from '../../functions/notifications/notifications';
import { seedDonors } from '../../scripts/lib/seed-donors';
import { startTestStreams } from '../support/streams';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(300_000);

const asAdmin = (id: string): AuditActor => ({ kind: 'user', id, label: '审核员' });

describe('letters reach every donor once, through the fan-out on the table’s stream', () => {
  const state = useAppWithFakeWechat({ ownDatabase: true });
  let app: Container;
  beforeAll(() => {
    ({ app } = state);
  });

  async function adoptedWithDonors(extraDonors: number) {
    const dreamId = await openDream(app, 1_000);
    const donor = await userWithFlowers(app, 1_000);
    await donateToDream(app, donor.id, dreamId, { flowers: 1_000 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${dreamId}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${dreamId}`, { nickname: '审核员', roles: ['donor', 'admin'] });
    const seeded = Array.from({ length: extraDonors }, () => `letter-donor-${randomUUID()}`);
    await seedDonors(app.table, (await app.dreams.get(dreamId, true))!, seeded);
    return { dreamId, charity, admin, donors: [donor.id, ...seeded] };
  }

  const update = (title: string) => ({ title, body: '孩子们收到了新书，正在排队借阅。', happenedAt: '2026-11-02T08:00:00.000Z' });

  it('publishing a letter puts it in each of 2,001 donors’ letterboxes exactly once, and each has one unread', async () => {
    // Arrange: an adopted dream with 2,001 donors, a letter in review, and the stream read from here on
    const { dreamId, charity, admin, donors } = await adoptedWithDonors(2_000);
    const letter = await submitLetter(app, charity.id, dreamId, update('图书角开放了'));
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      // Act: the admin publishes; the stream does the rest
      await reviewLetter(app, asAdmin(admin.id), letter.id, { decision: 'approve' });
      await streams.idle(240_000);
      // …and the publication is delivered again (a redelivered record)
      expect((await startLetterJob(app, letter.id)).started).toBe(false);
      await streams.idle(60_000);
    } finally {
      await streams.stop();
    }
    // Assert: every donor has it once and unread, and the job says so
    const boxes: { count: number; unread: number }[] = [];
    for (let i = 0; i < donors.length; i += 100) {
      boxes.push(
        ...(await Promise.all(
          donors.slice(i, i + 100).map(async (userId) => {
            const box = await myLetters(app, userId, { limit: 50 });
            return { count: box.items.filter((item) => item.letter.id === letter.id).length, unread: box.unread };
          }),
        )),
      );
    }
    expect(boxes.filter((box) => box.count !== 1 || box.unread !== 1)).toEqual([]);
    const progress = await jobProgress(app, fanoutJobId('letter', letter.id));
    expect(progress).toMatchObject({ kind: 'letter', dreamId, expected: 2_001, told: 2_001, already: 0, done: true, left: 0 });
    // The charity (not a donor) got nothing
    expect((await myLetters(app, charity.id, { limit: 50 })).items).toEqual([]);
  });

  it('the unread count stays exact under concurrent reads of the same letters', async () => {
    // Arrange: one donor with three published letters in their letterbox
    const { dreamId, charity, admin, donors } = await adoptedWithDonors(0);
    const [donor] = donors;
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    const letterIds: string[] = [];
    try {
      for (const title of ['第一封来信', '第二封来信', '第三封来信']) {
        const letter = await submitLetter(app, charity.id, dreamId, update(title));
        await reviewLetter(app, asAdmin(admin.id), letter.id, { decision: 'approve' });
        letterIds.push(letter.id);
      }
      await streams.idle(60_000);
    } finally {
      await streams.stop();
    }
    expect((await myLetters(app, donor, { limit: 10 })).unread).toBe(3);
    // Act: 20 concurrent reads of the first two letters (two phones, several taps)
    await Promise.all(Array.from({ length: 20 }, (_, i) => readLetter(app, donor, letterIds[i % 2])));
    // Assert: exactly two read, one left; another person's read of it is a 404
    const box = await myLetters(app, donor, { limit: 10 });
    expect(box.unread).toBe(1);
    expect(box.items.map((item) => [item.letter.title, item.read])).toEqual([
      ['第三封来信', false],
      ['第二封来信', true],
      ['第一封来信', true],
    ]);
    await expect(readLetter(app, charity.id, letterIds[2])).rejects.toMatchObject({ status: 404 });
    expect((await myLetters(app, donor, { limit: 10 })).unread).toBe(1);
  });

  it('a published letter is also one `letter` notification per donor, even when its publication is delivered again', async () => {
    // Arrange: an adopted dream with three donors and a letter in review
    const { dreamId, charity, admin, donors } = await adoptedWithDonors(2);
    const letter = await submitLetter(app, charity.id, dreamId, update('操场修好了'));
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      // Act: published, then its record delivered again
      await reviewLetter(app, asAdmin(admin.id), letter.id, { decision: 'approve' });
      await streams.idle(60_000);
      await startLetterJob(app, letter.id);
      await streams.idle(60_000);
    } finally {
      await streams.stop();
    }
    // Assert: each donor's inbox holds exactly one `letter` notification naming it; the charity none
    const inboxes = await Promise.all(
      [...donors, charity.id].map(async (userId) => {
        const inbox = await myNotifications(app, userId, { limit: 50 });
        return inbox.items.filter((item) => item.type === 'letter' && item.refId === letter.id).length;
      }),
    );
    expect(inboxes).toEqual([1, 1, 1, 0]);
  });

  it('an adopted dream whose charity publishes nothing for letters.maxGapDays is 逾期未反馈 on its page and in the admin list, until a letter comes', async () => {
    // Arrange: adopted with the stream running (adoption starts the clock), then 32 days later
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    let dreamId = '';
    let ids: { charity: string; admin: string };
    try {
      const adopted = await adoptedWithDonors(0);
      dreamId = adopted.dreamId;
      ids = { charity: adopted.charity.id, admin: adopted.admin.id };
      await streams.idle(30_000);
    } finally {
      await streams.stop();
    }
    const later = { ...app, clock: { now: () => new Date(Date.now() + 32 * 24 * 3600 * 1000) } };
    // Act + Assert: overdue on the page and in the list
    expect((await getDream(app, dreamId, null)).feedback).toMatchObject({ letters: 0, lastLetterAt: null, overdue: false });
    expect((await getDream(later, dreamId, null)).feedback).toMatchObject({ letters: 0, overdue: true });
    const listed = await overdueDreams(later, { limit: 100 });
    expect(listed.items.find((item) => item.dream.id === dreamId)).toMatchObject({ letters: 0, lastLetterAt: null, charity: { id: ids.charity } });
    // An update published that day resets the clock
    const letter = await submitLetter(later, ids.charity, dreamId, update('一个月的进展'));
    await reviewLetter(later, asAdmin(ids.admin), letter.id, { decision: 'approve' });
    expect((await getDream(later, dreamId, null)).feedback).toMatchObject({ letters: 1, lastLetterAt: expect.any(String), overdue: false });
    expect((await overdueDreams(later, { limit: 100 })).items.some((item) => item.dream.id === dreamId)).toBe(false);
  });
});
