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

  it('a refusal is final too: the repeat gets the same 4xx', async () => {
    const { token } = await devSignIn();
    const headers = { 'idempotency-key': 'refused-1' };
    const first = await call('POST', '/dev/grants', { token, body: { flowers: 0 }, headers });
    expect(first.status).toBe(400);
  });
});
