import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(300_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const ROUNDS = 10;

type Person = Awaited<ReturnType<typeof devSignIn>>;

async function approvedDream(admin: Person, targetFlowers: number, title = '读书角的梦想'): Promise<string> {
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', { token: proposer.token, body: { title, story: STORY, category: 'education', targetFlowers } });
  await call('POST', `/dreams/${body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  return body.dream.id;
}

/** How many dream_executable notifications of this dream each person has, once the stream has had time. */
async function toldOnce(people: Person[], dreamId: string): Promise<number[]> {
  const countFor = async (person: Person) => {
    const items = (await call('GET', '/me/notifications?limit=100', { token: person.token })).body.items as { type: string; refId: string }[];
    return items.filter((n) => n.type === 'dream_executable' && n.refId === dreamId).length;
  };
  return eventually(
    () => Promise.all(people.map(countFor)),
    (counts) => counts.every((c) => c >= 1),
  );
}

describe('the event backbone over HTTP', () => {
  it(`20 donors racing the flip, ${ROUNDS} times: every donor gets one dream_executable, nobody two`, async () => {
    const admin = await devSignIn(['admin']);
    for (let round = 0; round < ROUNDS; round++) {
      // Arrange: 20 donors with 60 flowers each and a dream of 1,000 (the 17th gift crosses it)
      const dreamId = await approvedDream(admin, 1_000);
      const donors = await Promise.all(Array.from({ length: 20 }, () => devSignIn()));
      await Promise.all(donors.map((d) => grant(d.token, 60)));
      // Act: all at once
      const gifts = await Promise.all(
        donors.map((d, i) =>
          call('POST', `/dreams/${dreamId}/donations`, { token: d.token, body: { flowers: 60 }, headers: { 'idempotency-key': `race-${round}-${i}` } }),
        ),
      );
      // Assert: every gift landed, the dream flipped, and each donor was told exactly once
      expect(gifts.map((g) => g.status)).toEqual(donors.map(() => 200));
      const dream = (await call('GET', `/dreams/${dreamId}`)).body.dream;
      expect(dream).toMatchObject({ status: 'executable', flowersRaised: 1_200, donorCount: 20 });
      const counts = await toldOnce(donors, dreamId);
      expect(counts).toEqual(donors.map(() => 1));
    }
  });

  it('GET /dreams/{id} only reads: viewing a dream tells nobody (the stream does)', async () => {
    const admin = await devSignIn(['admin']);
    const dreamId = await approvedDream(admin, 1_000);
    const donor = await devSignIn();
    await grant(donor.token, 1_000);
    await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
    expect(await toldOnce([donor], dreamId)).toEqual([1]);
    await Promise.all(Array.from({ length: 5 }, () => call('GET', `/dreams/${dreamId}`, { token: donor.token })));
    const items = (await call('GET', '/me/notifications', { token: donor.token })).body.items;
    expect(items.filter((n: { refId: string }) => n.refId === dreamId)).toHaveLength(1);
  });

  it('subscribe: the templates are public, accepted taps are counted, and a subscribed donor gets one WeChat message', async () => {
    // Arrange
    const templates = await call('GET', '/subscriptions/templates');
    expect(templates.status).toBe(200);
    expect(templates.body.templates.map((t: { topic: string }) => t.topic)).toEqual(['dream_executable', 'letter', 'meal_redeemed', 'assembly']);
    const donor = await devSignIn();
    const bad = await call('POST', '/me/subscriptions', { token: donor.token, body: { accepted: ['everything'] } });
    const none = await call('POST', '/me/subscriptions', { body: { accepted: ['letter'] } });
    const accepted = await call('POST', '/me/subscriptions', { token: donor.token, body: { accepted: ['dream_executable'] } });
    expect([bad.status, bad.body.error.code, none.status]).toEqual([400, 'VALIDATION_FAILED', 401]);
    expect(accepted.body.subscriptions).toEqual({ dream_executable: 1, letter: 0, meal_redeemed: 0, assembly: 0 });
    // Act: the donor fills a dream
    const admin = await devSignIn(['admin']);
    const dreamId = await approvedDream(admin, 1_000, '给孩子们的图书角');
    await grant(donor.token, 1_000);
    await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
    // Assert: one message to their openid, the credit spent, and the job visible to admins
    const messages = await eventually(
      async () => (await (await fetch(`${process.env.FAKE_WECHAT_URL}/__fake__/messages?touser=${donor.openid}`)).json()) as { page: string; data: object }[],
      (list) => list.length > 0,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ page: `pages/dream-detail/index?id=${dreamId}`, data: { thing1: { value: '给孩子们的图书角' } } });
    expect((await call('GET', '/me/subscriptions', { token: donor.token })).body.subscriptions.dream_executable).toBe(0);
    const job = await eventually(
      () => call('GET', `/admin/jobs/dream_executable-${dreamId}`, { token: admin.token }),
      (answer) => answer.status === 200 && answer.body.job.done,
    );
    expect(job.body.job).toMatchObject({ kind: 'dream_executable', refId: dreamId, expected: 1, left: 0, done: true });
    expect(job.body.job.told + job.body.job.already).toBe(1);
    expect((await call('GET', `/admin/jobs/dream_executable-${dreamId}`, { token: donor.token })).status).toBe(403);
    expect((await call('GET', '/admin/jobs/no-such-job', { token: admin.token })).status).toBe(404);
    const list = await call('GET', '/admin/jobs', { token: admin.token });
    expect(list.body.items.some((j: { refId: string }) => j.refId === dreamId)).toBe(true);
  });
});
