import { call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

describe('Idempotency-Key over HTTP', () => {
  it('20 concurrent repeats of one key move once and all get the same answer', async () => {
    // Arrange
    const { token } = await devSignIn();
    const headers = { 'idempotency-key': `grant-${Date.now()}` };
    // Act
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('POST', '/dev/grants', { token, body: { flowers: 7 }, headers })));
    // Assert
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const ledger = await call('GET', '/me/ledger', { token });
    expect(ledger.body.items).toHaveLength(1);
    expect((await call('GET', '/me', { token })).body.flowers.balance).toBe(7);
  });

  it('an equal body with other key order and spacing is a repeat; another body is 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const { token } = await devSignIn();
    const headers = { 'idempotency-key': 'same-key', 'content-type': 'application/json' };
    const first = await call('POST', '/dev/grants', { token, rawBody: '{"flowers":3}', headers });
    const repeat = await call('POST', '/dev/grants', { token, rawBody: '{ "flowers" : 3 }', headers });
    const other = await call('POST', '/dev/grants', { token, rawBody: '{"flowers":4}', headers });
    expect(repeat.text).toBe(first.text);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await call('GET', '/me', { token })).body.flowers.balance).toBe(3);
  });

  it('a key belongs to one user: another user with the same key is not deduplicated against it', async () => {
    const alice = await devSignIn();
    const bob = await devSignIn();
    const headers = { 'idempotency-key': 'shared-key-1' };
    await call('POST', '/dev/grants', { token: alice.token, body: { flowers: 2 }, headers });
    const bobs = await call('POST', '/dev/grants', { token: bob.token, body: { flowers: 9 }, headers });
    expect(bobs.status).toBe(201);
    expect(bobs.body.balance).toBe(9);
  });

  it('a refusal is final too: the repeat gets the same stored 409 and moves nothing, even once it could succeed', async () => {
    // Arrange: an open dream, and a donor with no flowers.
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const story = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';
    const dream = (
      await call('POST', '/dreams', { token: proposer.token, body: { title: '给独居老人送冬衣', story, category: 'elderly', targetFlowers: 1_000 } })
    ).body.dream;
    await call('POST', `/dreams/${dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
    const { token } = await devSignIn();
    const headers = { 'idempotency-key': `refused-${Date.now()}` };
    const first = await call('POST', `/dreams/${dream.id}/donations`, { token, body: { flowers: 5 }, headers });
    await call('POST', '/dev/grants', { token, body: { flowers: 10 } });

    // Act: the same key and body, now that the balance would allow it.
    const repeat = await call('POST', `/dreams/${dream.id}/donations`, { token, body: { flowers: 5 }, headers });

    // Assert
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe('INSUFFICIENT_FLOWERS');
    expect(repeat.status).toBe(409);
    expect(repeat.text).toBe(first.text);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', '/me', { token })).body.flowers.balance).toBe(10);
    const fresh = await call('POST', `/dreams/${dream.id}/donations`, {
      token,
      body: { flowers: 5 },
      headers: { 'idempotency-key': `${headers['idempotency-key']}-new` },
    });
    expect(fresh.status).toBe(200);
  });
});
