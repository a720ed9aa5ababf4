import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord, DynamoDBStreamEvent, Context } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { handler as dispatchHandler } from '../../functions/events/dispatch-handler';
import { handler as fanoutHandler } from '../../functions/events/fanout-handler';
import { jobProgress } from '../../functions/events/fanout';
import { donateToDream } from '../../functions/dreams/dreams';
import { fanoutJobId } from '../../functions/domain/fanout';
import type { NotificationSender } from '../../functions/domain/notification';
import { setContainerForTests, type Container } from '../../functions/wiring/container';
import type { FakeWechatServer } from '../../scripts/fake-wechat-server';
import { seedDonors } from '../../scripts/lib/seed-donors';
import { startTestStreams } from '../support/streams';
import { openDream as openApprovedDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(300_000);

describe('the event backbone on DynamoDB Local’s stream', () => {
  const state = useAppWithFakeWechat({ ownDatabase: true });
  let app: Container;
  let wechat: FakeWechatServer;
  beforeAll(() => {
    ({ app, wechat } = state);
  });
  afterEach(() => {
    app.config.rules.fanout.pageSize = 100;
  });

  async function openDream(target: number) {
    return (await app.dreams.get(await openApprovedDream(app, target), true))!;
  }

  /** How many dream_executable notifications each person has for this dream. */
  async function toldCounts(userIds: string[], dreamId: string): Promise<number[]> {
    const counts: number[] = [];
    for (let i = 0; i < userIds.length; i += 100) {
      const pages = await Promise.all(userIds.slice(i, i + 100).map((id) => app.notifications.list(id, { limit: 50 })));
      counts.push(...pages.map((page) => page.items.filter((n) => n.type === 'dream_executable' && n.refId === dreamId).length));
    }
    return counts;
  }

  it('a dream of 5,000 donors reaches its target: the flipping gift only records it, and the job tells each donor exactly once', async () => {
    // Arrange: 5,000 donors already given, and the stream read from here on
    const dream = await openDream(1_000);
    const seeded = Array.from({ length: 5_000 }, () => `seeded-${randomUUID()}`);
    await seedDonors(app.table, dream, seeded);
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    const last = await userWithFlowers(app, 1_000);
    try {
      // Act: the gift that reaches the target
      const gift = await donateToDream(app, last.id, dream.id, { flowers: 1_000 });
      expect(gift.dream.status).toBe('executable');
      await streams.idle(240_000);
    } finally {
      await streams.stop();
    }
    // Assert: everyone once, nobody twice, and the job says so
    const counts = await toldCounts([...seeded, last.id], dream.id);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    const progress = await jobProgress(app, fanoutJobId('dream_executable', dream.id));
    expect(progress).toMatchObject({ expected: 5_001, done: true, left: 0, failed: 0, chunks: dream.shardCount, chunksDone: dream.shardCount });
    expect(progress.told + progress.already).toBe(5_001);
  });

  it('redelivered records change nothing twice: the flip starts one job, a stale chunk record is skipped', async () => {
    // Arrange: an executable dream with 200 donors in pages of 10, and the records Lambda would deliver
    app.config.rules.fanout.pageSize = 10;
    const dream = await openDream(1_000);
    const donors = Array.from({ length: 200 }, () => `redelivered-${randomUUID()}`);
    await seedDonors(app.table, dream, donors);
    const giver = await userWithFlowers(app, 1_000);
    await donateToDream(app, giver.id, dream.id, { flowers: 1_000 });
    const flipped = (await app.dreams.get(dream.id, true))!;
    const flip = record('MODIFY', { ...flipped, type: 'DREAM', status: 'executable' }, { ...flipped, type: 'DREAM', status: 'open' });
    // Act: the flip delivered twice, then every chunk's first record twice
    await dispatchHandler(event([flip]), context());
    await dispatchHandler(event([flip]), context());
    const jobId = fanoutJobId('dream_executable', dream.id);
    const firstRecords = (await app.fanout.chunks(jobId)).map((chunk) => record('INSERT', { ...chunk, type: 'FANOUT_CHUNK' }));
    expect(firstRecords).toHaveLength(flipped.shardCount);
    await fanoutHandler(event(firstRecords), context());
    const afterOnce = await app.fanout.chunks(jobId);
    await fanoutHandler(event(firstRecords), context());
    // Assert: one job; the second delivery of the same records moved no chunk (each is one page in)
    expect((await app.fanout.list({ limit: 100 })).items.filter((job) => job.id === jobId)).toHaveLength(1);
    expect(afterOnce.every((chunk) => chunk.seq === 1 && !chunk.done)).toBe(true);
    expect(await app.fanout.chunks(jobId)).toEqual(afterOnce);
    // …and the whole stream delivered again from its start finishes the job with everyone told once.
    const streams = await startTestStreams(app);
    try {
      await streams.idle(120_000);
    } finally {
      await streams.stop();
    }
    expect((await jobProgress(app, jobId)).done).toBe(true);
    const counts = await toldCounts([...donors, giver.id], dream.id);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
  });

  it('a consumer killed between chunks resumes from its checkpoint: nobody missed, nobody told twice', async () => {
    // Arrange: 600 donors in pages of 10, so the job is many chunks long
    app.config.rules.fanout.pageSize = 10;
    const dream = await openDream(1_000);
    const donors = Array.from({ length: 600 }, () => `resumed-${randomUUID()}`);
    await seedDonors(app.table, dream, donors);
    const checkpointFile = `/tmp/lrf-checkpoints-${randomUUID()}.json`;
    const first = await startTestStreams(app, { startingPosition: 'LATEST', checkpointFile });
    const giver = await userWithFlowers(app, 1_000);
    const jobId = fanoutJobId('dream_executable', dream.id);
    // Act: stop the consumers as soon as the job is under way, then start new ones on the same checkpoints
    await donateToDream(app, giver.id, dream.id, { flowers: 1_000 });
    for (;;) {
      const job = await app.fanout.job(jobId);
      if (job && (await jobProgress(app, jobId)).told >= 30) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.stop();
    const midway = await jobProgress(app, jobId);
    const second = await startTestStreams(app, { startingPosition: 'LATEST', checkpointFile });
    try {
      await second.idle(120_000);
    } finally {
      await second.stop();
    }
    // Assert: it was really cut midway, and finished with everyone told once
    expect(midway.done).toBe(false);
    const done = await jobProgress(app, jobId);
    expect(done).toMatchObject({ done: true, left: 0 });
    const counts = await toldCounts([...donors, giver.id], dream.id);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
  });

  it('a failure mid-page is retried from the failed record: the page is told in full, once', async () => {
    // Arrange: a notifier that fails once, on the 7th person
    app.config.rules.fanout.pageSize = 10;
    const dream = await openDream(1_000);
    const donors = Array.from({ length: 40 }, () => `retried-${randomUUID()}`);
    await seedDonors(app.table, dream, donors);
    const real: NotificationSender = app.notifications;
    let calls = 0;
    const flaky = Object.create(app.notifications) as typeof app.notifications;
    flaky.notifyOnce = async (userId, input) => {
      calls += 1;
      if (calls === 7) throw new Error('throttled, once');
      return real.notifyOnce(userId, input);
    };
    setContainerForTests({ ...app, notifications: flaky });
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      // Act
      const giver = await userWithFlowers(app, 1_000);
      await donateToDream(app, giver.id, dream.id, { flowers: 1_000 });
      await streams.idle();
      // Assert
      expect(calls).toBeGreaterThan(7);
      const counts = await toldCounts([...donors, giver.id], dream.id);
      expect(counts.filter((c) => c !== 1)).toEqual([]);
    } finally {
      await streams.stop();
      setContainerForTests(app);
    }
  });

  it('subscribed donors get one WeChat message each; 43101 is final for that person; the unsubscribed get the inbox only', async () => {
    // Arrange: three kinds of donors, each giving for real
    const dream = await openDream(1_000);
    const make = async (openid: string, subscribe: boolean) => {
      const user = await userWithFlowers(app, 100, openid);
      if (subscribe) await app.subscriptions.grant(user.id, ['dream_executable'], 50);
      await donateToDream(app, user.id, dream.id, { flowers: 100 });
      return user;
    };
    const subscribed = await Promise.all(Array.from({ length: 4 }, () => make(`sub-${randomUUID()}`, true)));
    const refusing = await Promise.all(Array.from({ length: 3 }, () => make(`unsubscribed-${randomUUID()}`, true)));
    const inboxOnly = await Promise.all(Array.from({ length: 2 }, () => make(`plain-${randomUUID()}`, false)));
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      // Act: the last gift reaches the target
      const giver = await userWithFlowers(app, 100);
      await donateToDream(app, giver.id, dream.id, { flowers: 100 });
      await streams.idle();
    } finally {
      await streams.stop();
    }
    // Assert: what the fake WeChat server received, and what the job counted
    const received = (await (await fetch(`${wechat.url}/__fake__/messages`)).json()) as {
      touser: string;
      template_id: string;
      page: string;
      data: Record<string, { value: string }>;
    }[];
    const forDream = received.filter((m) => m.page === `pages/dream-detail/index?id=${dream.id}`);
    for (const user of subscribed) expect(forDream.filter((m) => m.touser === user.openid)).toHaveLength(1);
    for (const user of [...refusing, ...inboxOnly]) expect(forDream.filter((m) => m.touser === user.openid)).toHaveLength(0);
    expect(forDream[0]).toMatchObject({ template_id: 'local-tmpl-dream-executable', data: { thing1: { value: '山区图书室' } } });
    const progress = await jobProgress(app, fanoutJobId('dream_executable', dream.id));
    expect(progress).toMatchObject({ sent: 4, refused: 3, failed: 0 });
    // Each message spent one credit; a 43101 spent it too (WeChat said there was none).
    for (const user of [...subscribed, ...refusing]) expect((await app.subscriptions.counts(user.id)).dream_executable).toBe(0);
    const counts = await toldCounts(
      [...subscribed, ...refusing, ...inboxOnly].map((u) => u.id),
      dream.id,
    );
    expect(counts.filter((c) => c !== 1)).toEqual([]);
  });

  it('a donor whose first gift comes after the flip is told on their own', async () => {
    // Arrange: a dream already past its target
    const dream = await openDream(1_000);
    const streams = await startTestStreams(app, { startingPosition: 'LATEST' });
    try {
      const first = await userWithFlowers(app, 1_000);
      await donateToDream(app, first.id, dream.id, { flowers: 1_000 });
      await streams.idle();
      // Act: a new donor gives to the executable dream
      const late = await userWithFlowers(app, 10);
      await donateToDream(app, late.id, dream.id, { flowers: 10 });
      await streams.idle();
      // Assert
      expect(await toldCounts([first.id, late.id], dream.id)).toEqual([1, 1]);
    } finally {
      await streams.stop();
    }
  });
});

function record(eventName: 'INSERT' | 'MODIFY', newImage: object, oldImage?: object): DynamoDBRecord {
  return {
    eventID: randomUUID(),
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      NewImage: marshall(newImage, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as never,
      ...(oldImage ? { OldImage: marshall(oldImage, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as never } : {}),
      SequenceNumber: String(Date.now()) + String(Math.random()).slice(2, 8),
    },
  };
}

function event(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

function context(): Context {
  return { functionName: 'test', awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 60_000 } as Context;
}
