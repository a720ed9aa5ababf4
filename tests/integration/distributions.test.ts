import { randomUUID } from 'node:crypto';
import { adoptDream, donateToDream } from '../../functions/dreams/dreams';
import { addFieldStaff, closeDistribution, createDistribution, distributionDetail } from '../../functions/distributions/distributions';
import { handler as signHandler } from '../../functions/distributions/sign-handler';
import { sign, type SignRequest } from '../../functions/distributions/signoffs';
import { logEntryOf } from '../../functions/log/sources';
import { setContainerForTests, type Container } from '../../functions/wiring/container';
import { PinnedClock } from '../support/clock';
import { invoke } from '../support/invoke';
import { openDream, useAppWithFakeWechat, userWithFlowers } from '../support/test-table';
import { distributionKeys } from '../../functions/adapters/dynamodb/distribution-keys';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

jest.setTimeout(300_000);

const NOW = '2026-11-10T08:00:00.000Z';

describe('distributions and sign-offs on DynamoDB Local', () => {
  // Its own database: 5,000 recipients and their sign-offs are many writes for a shared one.
  const state = useAppWithFakeWechat({ ownDatabase: true });
  let app: Container;
  beforeAll(() => {
    app = { ...state.app, clock: new PinnedClock(new Date(NOW)) };
    setContainerForTests(app);
  });

  /** An adopted dream and its charity. */
  async function adopted() {
    const dreamId = await openDream(app, 1_000);
    const donor = await userWithFlowers(app, 1_000);
    await donateToDream(app, donor.id, dreamId, { flowers: 1_000 });
    const { user: charity } = await app.users.findOrCreateByOpenid(`charity-${randomUUID()}`, { nickname: '公益机构', roles: ['donor', 'charity'] });
    await adoptDream(app, charity.id, dreamId);
    return { dreamId, charity };
  }

  /** `count` named helpers of a distribution (plus the charity itself: `count + 1` people who may sign). */
  async function helpers(charityId: string, distributionId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const helper = await userWithFlowers(app, 0);
      await addFieldStaff(app, charityId, distributionId, helper.id);
      ids.push(helper.id);
    }
    return ids;
  }

  const request = (signerId: string, distributionId: string, code: string, key: string | null = null): SignRequest => ({
    signerId,
    distributionId,
    body: { code, signedAt: '2026-11-10T07:30:00.000Z' },
    idempotencyKey: key,
  });

  it('signs one code once when ten phones send it at the same moment', async () => {
    // Arrange
    const { dreamId, charity } = await adopted();
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, {
      title: '冬衣发放',
      item: '冬衣',
      unit: '件',
      recipients: [
        { name: '张三丰', quantity: 2, village: '石门村' },
        { name: '李四', quantity: 1 },
      ],
    });
    const signers = [charity.id, ...(await helpers(charity.id, distribution.id, 9))];
    // Act
    const outcomes = await Promise.allSettled(signers.map((signer) => sign(app, request(signer, distribution.id, codes[0].code))));
    // Assert
    const signed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(signed).toHaveLength(1);
    expect(refused).toEqual(Array(9).fill('CODE_ALREADY_USED'));
    const detail = await distributionDetail(app, null, distribution.id);
    expect(detail.distribution).toMatchObject({ signedCount: 1, signedQuantity: 2, recipientCount: 2, totalQuantity: 3 });
    expect(detail.recipients.map((r) => [r.name, r.signedAt])).toEqual([
      ['张**', '2026-11-10T07:30:00.000Z'],
      ['李*', null],
    ]);
  });

  it('keeps exact counts with 5,000 recipients and 50 signers at once', async () => {
    // 1,000 of the 5,000 sign (DynamoDB Local commits some 40 transactions a second; the bench runs them all).
    const SIGNING = 1_000;
    // Arrange
    const { dreamId, charity } = await adopted();
    const recipients = Array.from({ length: 5_000 }, (_, i) => ({ name: `受助人${i}`, quantity: 1 + (i % 3), village: `村${i % 40}` }));
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, { title: '助听器发放', item: '助听器', unit: '台', recipients });
    const signers = [charity.id, ...(await helpers(charity.id, distribution.id, 49))];
    // Act: 50 signers, each taking the next code until none is left.
    let next = 0;
    await Promise.all(
      signers.map(async (signer) => {
        for (let i = next++; i < SIGNING; i = next++) await sign(app, request(signer, distribution.id, codes[i].code));
      }),
    );
    // Assert
    const detail = await distributionDetail(app, null, distribution.id);
    expect(detail.distribution).toMatchObject({
      recipientCount: 5_000,
      totalQuantity: recipients.reduce((sum, r) => sum + r.quantity, 0),
      signedCount: SIGNING,
      signedQuantity: recipients.slice(0, SIGNING).reduce((sum, r) => sum + r.quantity, 0),
    });
    expect(detail.recipients).toHaveLength(5_000);
    expect(detail.recipients.filter((r) => r.signedAt !== null).map((r) => r.recipientId)).toEqual(codes.slice(0, SIGNING).map((c) => c.recipientId));
  });

  it('refuses a sign-off that read the distribution open but reaches the table after the close', async () => {
    // Arrange: sign-offs that have passed every check and wait, transaction in hand, until the close is done.
    const { dreamId, charity } = await adopted();
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, {
      title: '棉被发放',
      item: '棉被',
      unit: '床',
      recipients: Array.from({ length: 5 }, (_, i) => ({ name: `受助人${i}`, quantity: 2 })),
    });
    await sign(app, request(charity.id, distribution.id, codes[0].code));
    let closeDone!: () => void;
    const afterClose = new Promise<void>((resolve) => (closeDone = resolve));
    const store = app.distributions;
    const late: Container = {
      ...app,
      distributions: Object.assign(Object.create(store) as typeof store, {
        sign: async (...args: Parameters<typeof store.sign>) => {
          await afterClose;
          return store.sign(...args);
        },
      }),
    };
    // Act
    const waiting = codes.slice(1).map((c) => sign(late, request(charity.id, distribution.id, c.code)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = await closeDistribution(app, charity.id, distribution.id);
    closeDone();
    const outcomes = await Promise.allSettled(waiting);
    // Assert: the close's answer is final; every late sign-off is refused and moved nothing.
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code?: string }).code : 'signed'))).toEqual(Array(4).fill('DISTRIBUTION_CLOSED'));
    const after = await distributionDetail(app, null, distribution.id);
    expect(closed.distribution).toMatchObject({ status: 'closed', signedCount: 1, signedQuantity: 2 });
    expect(after.distribution).toMatchObject({ status: 'closed', signedCount: 1, signedQuantity: 2 });
    expect(after.recipients.filter((r) => r.signedAt !== null)).toHaveLength(1);
  });

  it('answers an offline batch replayed twice with the same keys without a second sign-off', async () => {
    // Arrange: three hand-overs queued on a phone, each with its own key.
    const { dreamId, charity } = await adopted();
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, {
      title: '书包发放',
      item: '书包',
      unit: '个',
      recipients: [
        { name: '王五', quantity: 1 },
        { name: '赵六', quantity: 1 },
        { name: '钱七', quantity: 1 },
      ],
    });
    const token = await app.tokens.issue({ userId: charity.id });
    const send = (i: number) =>
      invoke(signHandler, {
        method: 'POST',
        path: `/distributions/${distribution.id}/signoffs`,
        token,
        params: { id: distribution.id },
        idempotencyKey: `queued-${i}`,
        body: { code: codes[i].code, signedAt: '2026-11-09T10:00:00.000Z' },
      });
    // Act
    const first = await Promise.all([0, 1, 2].map(send));
    const second = await Promise.all([0, 1, 2].map(send));
    // Assert
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(second.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(second.map((r) => r.body.signoff.id)).toEqual(first.map((r) => r.body.signoff.id));
    const { distribution: after } = await distributionDetail(app, null, distribution.id);
    expect(after).toMatchObject({ signedCount: 3, signedQuantity: 3 });
    const timeline = await app.distributions.timeline(distribution.id, { limit: 100 });
    expect(timeline.items).toHaveLength(3);
  });

  it('answers a retry whose first answer was lost with its own sign-off, and another key with CODE_ALREADY_USED', async () => {
    // Arrange: the sign-off committed but its answer never reached the idempotency store.
    const { dreamId, charity } = await adopted();
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, {
      title: '米油发放',
      item: '米',
      unit: '袋',
      recipients: [{ name: '孙八', quantity: 5 }],
    });
    const first = await sign(app, request(charity.id, distribution.id, codes[0].code, 'lost-answer'));
    // Act
    const retry = await sign(app, request(charity.id, distribution.id, codes[0].code, 'lost-answer'));
    // Assert
    expect(retry.signoff).toEqual(first.signoff);
    expect(retry.distribution.signedCount).toBe(1);
    await expect(sign(app, request(charity.id, distribution.id, codes[0].code, 'another-key'))).rejects.toMatchObject({ code: 'CODE_ALREADY_USED' });
  });

  it('stores a commitment, never the code, and makes the log entry from the inserted sign-off', async () => {
    // Arrange
    const { dreamId, charity } = await adopted();
    const { distribution, codes } = await createDistribution(app, charity.id, dreamId, {
      title: '冬衣发放',
      item: '冬衣',
      unit: '件',
      recipients: [{ name: '周九', quantity: 1, village: '河口村' }],
    });
    // Act
    const { signoff } = await sign(app, {
      ...request(charity.id, distribution.id, codes[0].code),
      body: { code: codes[0].code, signedAt: '2026-11-10T07:30:00.000Z', location: { lat: 30.1, lng: 120.2, accuracyM: 0 } },
    });
    // Assert
    expect(signoff.suspicious).toBe(true);
    const { Item } = await app.table.doc.send(new GetCommand({ TableName: app.table.tableName, Key: distributionKeys.signoff(signoff.id) }));
    const pending = logEntryOf({ eventName: 'INSERT', newImage: Item!, oldImage: null, sequenceNumber: '1' });
    expect(pending!.entry(null)).toMatchObject({
      kind: 'signoff',
      ref: signoff.id,
      distribution: distribution.id,
      quantity: 1,
      recipient: Item!.recipientCommitment,
    });
    const everything = JSON.stringify(await app.distributions.recipients(distribution.id));
    expect(everything).not.toContain(codes[0].code);
    expect(everything).not.toContain(codes[0].code.replace(/-/g, ''));
    const closed = await closeDistribution(app, charity.id, distribution.id);
    expect(closed.distribution).toMatchObject({ status: 'closed', closedAt: NOW, signedCount: 1, suspiciousCount: 1 });
  });
});
