import { randomUUID } from 'node:crypto';
import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { InsufficientFlowersError, RuleViolation } from '../../functions/shared/errors';
import { buildContainer, type Container } from '../../functions/wiring/container';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

describe('ledger core against DynamoDB Local', () => {
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer();
  });

  it('two warm functions moving one account: a stale remembered copy never decides anything', async () => {
    // Arrange: a second "function instance" on the same table; each remembers what it last wrote
    const other = buildContainer(app.config);
    const user = await userWithFlowers(app, 10);
    await app.ledger.move({ userId: user.id, delta: -10, reason: 'dream_donation', refId: 'd-1' }); // app: balance 0, v2
    // Act: the other instance credits behind app's back, then app spends more than it thinks it has
    await other.ledger.move({ userId: user.id, delta: 25, reason: 'steps', refId: 'day-2' });
    const spent = await app.ledger.move({ userId: user.id, delta: -20, reason: 'dream_donation', refId: 'd-2' });
    await other.ledger.move({ userId: user.id, delta: -5, reason: 'dream_donation', refId: 'd-3' });
    // Assert: each move saw the true balance; a refusal is still a refusal
    expect(spent.account).toMatchObject({ balance: 5, version: 4 });
    await expect(app.ledger.move({ userId: user.id, delta: -1, reason: 'dream_donation', refId: 'd-4' })).rejects.toBeInstanceOf(InsufficientFlowersError);
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 0, earned: 35, given: 35, version: 5 });
    const entries = await app.ledger.allEntries(user.id);
    expect(entries.map((e) => [e.seq, e.delta, e.balanceAfter])).toEqual([
      [1, 10, 10],
      [2, -10, 0],
      [3, 25, 25],
      [4, -20, 5],
      [5, -5, 0],
    ]);
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('writes the entry and the balance together and keeps running totals', async () => {
    // Arrange
    const user = await userWithFlowers(app, 0);
    // Act
    await app.ledger.move({ userId: user.id, delta: 30, reason: 'steps', refId: 'day-1' });
    await app.ledger.move({ userId: user.id, delta: -12, reason: 'dream_donation', refId: 'dream-1', note: '给山区孩子一间图书室' });
    // Assert
    const account = await app.ledger.getAccount(user.id);
    expect(account).toMatchObject({ balance: 18, earned: 30, given: 12, version: 2 });
    const page = await app.ledger.listEntries(user.id, { limit: 10 });
    expect(page.items.map((e) => [e.delta, e.balanceAfter, e.reason])).toEqual([
      [-12, 18, 'dream_donation'],
      [30, 30, 'steps'],
    ]);
    expect(page.items[0].note).toBe('给山区孩子一间图书室');
  });

  it('refuses a debit larger than the balance and writes nothing', async () => {
    const user = await userWithFlowers(app, 5);
    await expect(app.ledger.move({ userId: user.id, delta: -6, reason: 'dream_donation', refId: 'd' })).rejects.toBeInstanceOf(InsufficientFlowersError);
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 5, version: 1 });
  });

  it('pages the bill newest first with an opaque cursor', async () => {
    const user = await userWithFlowers(app, 0);
    for (let i = 1; i <= 5; i++) await app.ledger.move({ userId: user.id, delta: i, reason: 'quiz', refId: `q${i}` });
    const first = await app.ledger.listEntries(user.id, { limit: 2 });
    const second = await app.ledger.listEntries(user.id, { limit: 2, cursor: first.nextCursor! });
    const third = await app.ledger.listEntries(user.id, { limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((e) => e.delta)).toEqual([5, 4, 3, 2, 1]);
    const last = third.nextCursor ? await app.ledger.listEntries(user.id, { limit: 2, cursor: third.nextCursor }) : { items: [], nextCursor: null };
    expect(last.items).toEqual([]);
    expect(last.nextCursor).toBeNull();
  });

  it('50 concurrent debits on one account never overdraw and equal the ledger sum', async () => {
    // Arrange: 100 flowers cover only some of 50 debits of 1..10
    const user = await userWithFlowers(app, 100);
    const amounts = Array.from({ length: 50 }, (_, i) => (i % 10) + 1);
    // Act
    const results = await Promise.allSettled(
      amounts.map((n) => app.ledger.move({ userId: user.id, delta: -n, reason: 'dream_donation', refId: randomUUID() })),
    );
    // Assert
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    refused.forEach((r) => expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientFlowersError));
    expect(ok).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    const account = (await app.ledger.getAccount(user.id))!;
    const entries = await app.ledger.allEntries(user.id);
    expect(account.balance).toBeGreaterThanOrEqual(0);
    expect(account.balance).toBe(entries.reduce((sum, e) => sum + e.delta, 0));
    expect(entries).toHaveLength(ok + 1);
    const report = await reconcileAll(app.users, app.ledger);
    expect(report.issues).toEqual([]);
  });

  it('a guard marker makes a once-a-day move happen once under concurrency', async () => {
    const user = await userWithFlowers(app, 0);
    const guard = { markerId: 'steps#2026-11-25', onConflict: () => new RuleViolation('ALREADY_DONATED_TODAY', '今天已经捐过步数了') };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => app.ledger.move({ userId: user.id, delta: 8, reason: 'steps', refId: '2026-11-25' }, { guards: [guard] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ALREADY_DONATED_TODAY' });
    }
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 8, version: 1 });
  });

  it('the reconciliation check reports a tampered balance', async () => {
    const other = await freshContainer();
    const user = await userWithFlowers(other, 10);
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    // Deliberately corrupt the balance behind the ledger's back, as a bug or an operator might.
    await other.table.doc.send(
      new UpdateCommand({
        TableName: other.config.tableName,
        Key: { PK: `USER#${user.id}`, SK: 'ACCOUNT' },
        UpdateExpression: 'SET balance = :b',
        ExpressionAttributeValues: { ':b': 11 },
      }),
    );
    const report = await reconcileAll(other.users, other.ledger);
    expect(report.issues).toEqual([{ userId: user.id, problem: 'balance 11 != ledger sum 10' }]);
  });
});
