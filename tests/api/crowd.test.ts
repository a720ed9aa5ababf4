import { call, devSignIn, grant, type ApiAnswer } from '../support/http-client';

jest.setTimeout(180_000);

const STORY = '九九公益日当天，成百上千的人同时为同一个梦想送出小红花，这个测试模拟那一刻的人潮。';
const DONORS = 30;
const GIFTS_EACH = 8;
const FLOWERS_PER_GIFT = 2;
const START_BALANCE = 20;

/** What a client may be answered: a documented status with the contract's body, never a runtime's error. */
function expectContractAnswer(answer: ApiAnswer) {
  expect(answer.text).not.toMatch(/errorMessage|stackTrace|errorType/);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body).toEqual(expect.any(Object));
  if (answer.status >= 400) expect(answer.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
}

describe('a crowd on one dream over HTTP', () => {
  it(`${DONORS} donors × (${GIFTS_EACH} gifts, a racing retry of each, one overdraft) at once: every answer is the contract's, every valid gift lands once`, async () => {
    // Arrange: one open dream, donors with 20 flowers each.
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const dream = (
      await call('POST', '/dreams', { token: proposer.token, body: { title: '人潮里的一个梦想', story: STORY, category: 'education', targetFlowers: 1_000 } })
    ).body.dream;
    await call('POST', `/dreams/${dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
    const donors = await Promise.all(
      Array.from({ length: DONORS }, async () => {
        const donor = await devSignIn();
        await grant(donor.token, START_BALANCE);
        return donor;
      }),
    );

    // Act: everything in flight at once.
    const give = (token: string, key: string, flowers: number) =>
      call('POST', `/dreams/${dream.id}/donations`, { token, body: { flowers }, headers: { 'idempotency-key': key } });
    const requests = donors.flatMap((donor, d) => [
      ...Array.from({ length: GIFTS_EACH }, (_, g) => [
        give(donor.token, `crowd-${d}-${g}`, FLOWERS_PER_GIFT),
        give(donor.token, `crowd-${d}-${g}`, FLOWERS_PER_GIFT),
      ]).flat(),
      give(donor.token, `crowd-${d}-overdraft`, START_BALANCE + 1).then((answer) => ({ ...answer, overdraft: true })),
    ]);
    const answers = await Promise.all(requests);

    // Assert: contract answers only (a reset connection would have thrown above).
    for (const answer of answers) expectContractAnswer(answer);
    const overdrafts = answers.filter((a) => 'overdraft' in a);
    expect(overdrafts.map((a) => a.body.error?.code)).toEqual(Array(DONORS).fill('INSUFFICIENT_FLOWERS'));
    const gifts = answers.filter((a) => !('overdraft' in a));
    expect(gifts.map((a) => a.status)).toEqual(Array(gifts.length).fill(200));
    // Value is conserved: the dream holds exactly what left the donors, each gift once.
    const given = DONORS * GIFTS_EACH * FLOWERS_PER_GIFT;
    const after = await call('GET', `/dreams/${dream.id}`);
    expect(after.body.dream).toMatchObject({ flowersRaised: given, donorCount: DONORS, status: 'open' });
    const balances = await Promise.all(donors.map(async (donor) => (await call('GET', '/me', { token: donor.token })).body.flowers));
    for (const flowers of balances)
      expect(flowers).toEqual({ balance: START_BALANCE - GIFTS_EACH * FLOWERS_PER_GIFT, earned: START_BALANCE, given: GIFTS_EACH * FLOWERS_PER_GIFT });
  });
});
