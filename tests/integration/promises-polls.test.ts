import { randomUUID } from 'node:crypto';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoAccountClosing } from '../../functions/adapters/dynamodb/account-closing';
import { handler as dispatchHandler } from '../../functions/events/dispatch-handler';
import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import { publishMinutes, scheduleAssembly } from '../../functions/assemblies/assemblies';
import { answerPoll, assemblyPolls, closePoll, openPoll } from '../../functions/polls/polls';
import { makePromise, settlePromise } from '../../functions/promises/promises';
import { fanoutJobId } from '../../functions/domain/fanout';
import { shardOf } from '../../functions/domain/poll';
import type { Container } from '../../functions/wiring/container';
import { seedDonors } from '../../scripts/lib/seed-donors';
import { PinnedClock } from '../support/clock';
import { startTestStreams } from '../support/streams';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(180_000);

const NOW = '2026-12-03T04:00:00Z';

describe('promises and live polls on DynamoDB Local', () => {
  const state = useAppWithFakeWechat();
  const clock = new PinnedClock(new Date(NOW));
  let app: Container;
  beforeAll(() => {
    app = { ...state.app, clock };
  });

  /** An adopted dream with one real donor, its charity and an assembly scheduled. */
  async function assemblyWithDonor() {
    const dreamId = await openDream(app, 1_000);
    const donor = await userWithFlowers(app, 1_000);
    await donateToDream(app, donor.id, dreamId, { flowers: 1_000 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${randomUUID()}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    const assembly = await scheduleAssembly(app, charity.id, dreamId, {
      title: '第一次公益股东大会',
      startsAt: '2026-12-10T12:00:00Z',
      questionsCloseAt: '2026-12-10T11:00:00Z',
    });
    return { dreamId, donor, charity, assembly };
  }

  it('8 answers by one person at the same moment count once; the others are ALREADY_ANSWERED', async () => {
    // Arrange
    const { donor, charity, assembly } = await assemblyWithDonor();
    const poll = await openPoll(app, charity.id, assembly.id, { question: '先买哪类书？', options: ['绘本', '科普'] });
    // Act
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => answerPoll(app, donor.id, poll.id, { option: i % 2 })));
    // Assert
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code);
    expect(refused).toEqual(Array(7).fill('ALREADY_ANSWERED'));
    const closed = await closePoll(app, charity.id, poll.id);
    expect(closed.results!.reduce((sum, n) => sum + n, 0)).toBe(1);
  });

  it('many donors at once: exact counts, spread over the counter shards, hidden until closed; nothing counts after the close', async () => {
    // Arrange: 60 more donors of the dream
    const { dreamId, donor, charity, assembly } = await assemblyWithDonor();
    const dream = (await app.dreams.get(dreamId, true))!;
    const voters = Array.from({ length: 60 }, () => `voter-${randomUUID()}`);
    await seedDonors(app.table, dream, voters);
    const poll = await openPoll(app, charity.id, assembly.id, { question: '下一批书送哪里？', options: ['东坪', '西坡', '南山'] });
    // Act
    await Promise.all(voters.map((userId, i) => answerPoll(app, userId, poll.id, { option: i % 3 })));
    const whileOpen = await assemblyPolls(app, assembly.id, voters[0]);
    const closed = await closePoll(app, charity.id, poll.id);
    const late = answerPoll(app, donor.id, poll.id, { option: 0 });
    // Assert
    expect(whileOpen.items[0]).toMatchObject({ status: 'open', results: null, answered: true });
    expect(closed.results).toEqual([20, 20, 20]);
    await expect(late).rejects.toMatchObject({ status: 409, code: 'POLL_CLOSED' });
    const shardsUsed = new Set(voters.map((id) => shardOf(id, app.config.rules.polls.countShards)));
    expect(shardsUsed.size).toBeGreaterThan(1);
    const perShard = await app.polls.shardCounts((await app.polls.get(poll.id))!);
    expect(Math.max(...perShard.map((counts) => counts.reduce((a, b) => a + b, 0)))).toBeLessThan(60);
    // The person's answers are in their export, under a key of their own.
    const records = await new DynamoAccountClosing(app.table).personalRecords(voters[0]);
    expect(records.poll_answer).toEqual([expect.objectContaining({ pollId: poll.id, option: 0 })]);
  });

  it('a repeated stream record starts no second job: minutes and a promise done tell each donor once', async () => {
    // Arrange: 30 more donors; a promise made and marked done; the minutes published
    const { dreamId, donor, charity, assembly } = await assemblyWithDonor();
    const dream = (await app.dreams.get(dreamId, true))!;
    const others = Array.from({ length: 30 }, () => `told-${randomUUID()}`);
    await seedDonors(app.table, dream, others);
    const promise = await makePromise(app, charity.id, assembly.id, { text: '月底前公开图书采购发票', dueDate: '2026-12-31' });
    const done = await settlePromise(app, charity.id, promise.id, { status: 'done' });
    const closedAssembly = await publishMinutes(app, charity.id, assembly.id, '本次大会回答了捐赠人的全部问题，并作出一项承诺。');
    const promiseRecord = record({ ...(await app.promises.get(promise.id))!, type: 'PROMISE' }, { type: 'PROMISE', status: 'in_progress' });
    const minutesRecord = record({ ...closedAssembly, type: 'ASSEMBLY' }, { type: 'ASSEMBLY', status: 'scheduled' });
    // Act: each record delivered three times, then the chunks run from the stream
    for (let i = 0; i < 3; i++) await dispatchHandler(event([promiseRecord, minutesRecord]), context());
    const streams = await startTestStreams(app);
    try {
      await streams.idle(120_000);
    } finally {
      await streams.stop();
    }
    // Assert: one job per event, and every donor told once of each
    expect(done.doneAt).toBe(new Date(NOW).toISOString());
    const jobs = (await app.fanout.list({ limit: 100 })).items;
    expect(jobs.filter((job) => job.kind === 'promise_done' && job.refId === promise.id).map((job) => job.id)).toEqual([
      fanoutJobId('promise_done', promise.id),
    ]);
    expect(jobs.filter((job) => job.kind === 'assembly_minutes' && job.refId === assembly.id).map((job) => job.id)).toEqual([
      fanoutJobId('assembly_minutes', assembly.id),
    ]);
    for (const userId of [donor.id, ...others]) {
      const items = (await app.notifications.list(userId, { limit: 50 })).items;
      expect(items.filter((n) => n.type === 'promise_done' && n.refId === `${dreamId}/${promise.id}`)).toHaveLength(1);
      expect(items.filter((n) => n.type === 'assembly_minutes' && n.refId === assembly.id)).toHaveLength(1);
    }
  });
});

let sequence = 0;
function record(newImage: Record<string, unknown>, oldImage: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  return {
    eventName: 'MODIFY',
    dynamodb: {
      NewImage: marshall(newImage, { removeUndefinedValues: true }) as never,
      OldImage: marshall(oldImage, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence),
    },
  };
}

const event = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
const context = () => ({ awsRequestId: 'test' }) as Context;
