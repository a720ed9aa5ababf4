import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler as grantHandler } from '../../functions/dev/grant-handler';
import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { setContainerForTests, type Container } from '../../functions/wiring/container';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

function event(token: string, body: unknown, key: string): APIGatewayProxyEventV2 {
  return {
    rawPath: '/dev/grants',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST' } },
  } as unknown as APIGatewayProxyEventV2;
}

describe('Idempotency-Key through the function edge and DynamoDB Local', () => {
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer();
    setContainerForTests(app);
  });
  afterAll(() => setContainerForTests(undefined));

  it('20 concurrent repeats of one key move once and all return the same body', async () => {
    // Arrange
    const user = await userWithFlowers(app, 0);
    const token = await app.tokens.issue({ userId: user.id });
    // Act
    const results = await Promise.all(Array.from({ length: 20 }, () => grantHandler(event(token, { flowers: 5 }, 'same-key'))));
    // Assert
    expect(new Set(results.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 5, version: 1 });
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('concurrent repeats under a different body get 409 IDEMPOTENCY_KEY_REUSED and move nothing', async () => {
    const user = await userWithFlowers(app, 0);
    const token = await app.tokens.issue({ userId: user.id });
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => grantHandler(event(token, { flowers: 5 }, 'k2'))),
      ...Array.from({ length: 5 }, () => grantHandler(event(token, { flowers: 6 }, 'k2'))),
    ]);
    const bodies = results.map((r) => JSON.parse(r.body as string));
    const winners = bodies.filter((b) => b.balance !== undefined);
    const losers = bodies.filter((b) => b.error);
    expect(winners).toHaveLength(5);
    expect(losers).toHaveLength(5);
    losers.forEach((b) => expect(b.error.code).toBe('IDEMPOTENCY_KEY_REUSED'));
    expect((await app.ledger.getAccount(user.id))!.version).toBe(1);
  });
});
