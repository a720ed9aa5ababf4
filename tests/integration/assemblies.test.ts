import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { askQuestion, readAssembly, scheduleAssembly, voteQuestion } from '../../functions/assemblies/assemblies';
import { startAssemblyInvitedJob } from '../../functions/assemblies/invitations';
import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import { fanoutJobId } from '../../functions/domain/fanout';
import { jobProgress } from '../../functions/events/fanout';
import { myNotifications } from '../../functions/notifications/notifications';
import type { Container } from '../../functions/wiring/container';
import { seedDonors } from '../../scripts/lib/seed-donors';
import { PinnedClock } from '../support/clock';
import { startTestStreams } from '../support/streams';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(300_000);

const NOW = '2026-12-03T04:00:00.000Z';

describe('donor assemblies on DynamoDB Local', () => {
  const state = useAppWithFakeWechat({ ownDatabase: true });
  const clock = new PinnedClock(new Date(NOW));
  let app: Container;
  beforeAll(() => {
    app = { ...state.app, clock };
  });

  /** An adopted dream with one real donor (who asks) and `extraDonors` seeded ones, its charity. */
  async function adoptedDream(extraDonors: number) {
    const dreamId = await openDream(app, 1_000);
    const asker = await userWithFlowers(app, 1_000);
    await donateToDream(app, asker.id, dreamId, { flowers: 1_000 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${randomUUID()}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    const seeded = Array.from({ length: extraDonors }, () => `assembly-donor-${randomUUID()}`);
    await seedDonors(app.table, (await app.dreams.get(dreamId, true))!, seeded);
    return { dreamId, asker, charity, seeded };
  }

  const schedule = (charityId: string, dreamId: string) =>
    scheduleAssembly(app, charityId, dreamId, {
      title: '第一次公益股东大会',
      startsAt: '2026-12-10T12:00:00.000Z',
      questionsCloseAt: '2026-12-10T11:00:00.000Z',
      meetingUrl: 'https://meeting.tencent.com/dm/assembly',
    });

  /** Every key a write touched, and how often (transactions item by item). */
  function countWrites() {
    const perKey = new Map<string, number>();
    const original = app.table.doc.send.bind(app.table.doc);
    const spy = jest.spyOn(app.table.doc, 'send').mockImplementation(((command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        for (const item of command.input.TransactItems ?? []) {
          const key = (item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key ?? item.ConditionCheck?.Key) as { PK: string; SK: string };
          const name = `${key.PK}|${key.SK}`;
          perKey.set(name, (perKey.get(name) ?? 0) + 1);
        }
      }
      return original(command as never);
    }) as never);
    return { perKey, stop: () => spy.mockRestore() };
  }

  it('eight votes sent at once by one person count once', async () => {
    // Arrange: a question by the asker; a second donor about to vote eight times at once
    const { dreamId, asker, charity, seeded } = await adoptedDream(1);
    const assembly = await schedule(charity.id, dreamId);
    const question = await askQuestion(app, asker.id, assembly.id, '这笔善款的采购明细能公开吗？');
    // Act
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => voteQuestion(app, seeded[0], question.id)));
    // Assert: one vote, seven ALREADY_VOTED, and the count says 1
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill('ALREADY_VOTED'));
    const read = await readAssembly(app, assembly.id, { userId: seeded[0], isAdmin: false });
    expect(read.questions.map((q) => q.votes)).toEqual([1]);
    expect(read.voted.has(question.id)).toBe(true);
  });

  it('2,000 voters on one question count exactly, and no single item is written for every vote', async () => {
    // Arrange: 2,000 seeded donors and one question
    const { dreamId, asker, charity, seeded } = await adoptedDream(2_000);
    const assembly = await schedule(charity.id, dreamId);
    const question = await askQuestion(app, asker.id, assembly.id, '机构的管理费占比是多少？');
    const writes = countWrites();
    // Act: every donor votes, 32 at a time
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (next < seeded.length) await voteQuestion(app, seeded[next++], question.id);
        }),
      );
    } finally {
      writes.stop();
    }
    // Assert: exactly 2,000 votes, and the most-written key took a small share of them
    const read = await readAssembly(app, assembly.id, null);
    expect(read.questions[0].votes).toBe(2_000);
    const hottest = Math.max(...writes.perKey.values());
    expect(writes.perKey.get(`ASSEMBLY#${assembly.id}|Q#${question.id}`)).toBeUndefined();
    expect(hottest).toBeLessThan(2_000 / 4);
  });

  it('scheduling invites each of 2,001 donors exactly once, also when the record is delivered again', async () => {
    // Arrange: an adopted dream with 2,001 donors; the stream read from here on
    const { dreamId, asker, charity, seeded } = await adoptedDream(2_000);
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    let assemblyId = '';
    try {
      // Act: the charity schedules; then the stream record arrives again
      const assembly = await schedule(charity.id, dreamId);
      assemblyId = assembly.id;
      await streams.idle(240_000);
      expect((await startAssemblyInvitedJob(app, assembly)).started).toBe(false);
      await streams.idle(60_000);
    } finally {
      await streams.stop();
    }
    // Assert: the job told all 2,001 once; each inbox holds one invitation
    const progress = await jobProgress(app, fanoutJobId('assembly_invited', assemblyId));
    expect(progress).toMatchObject({ kind: 'assembly_invited', expected: 2_001, told: 2_001, already: 0, done: true, left: 0 });
    const donors = [asker.id, ...seeded];
    const counts: number[] = [];
    for (let i = 0; i < donors.length; i += 100) {
      counts.push(
        ...(await Promise.all(
          donors.slice(i, i + 100).map(async (userId) => {
            const inbox = await myNotifications(app, userId, { limit: 50 });
            return inbox.items.filter((n) => n.type === 'assembly_invited' && n.refId === assemblyId).length;
          }),
        )),
      );
    }
    expect(counts.filter((count) => count !== 1)).toEqual([]);
  });
});
