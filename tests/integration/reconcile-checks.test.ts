import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Container } from '../../functions/wiring/container';
import { CHECKS, runChecks } from '../../scripts/checks';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

describe('npm run reconcile’s checks against DynamoDB Local', () => {
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer();
  });

  it('all pass on books kept only through the app', async () => {
    // Arrange
    await userWithFlowers(app, 30);
    await userWithFlowers(app, 5);
    const lines: string[] = [];

    // Act
    const failed = await runChecks(CHECKS, app, (line) => lines.push(line));

    // Assert
    expect(failed).toEqual([]);
    expect(lines).toEqual([
      '✓ flower-accounts (accounts 2, entries 2, balance 35, earned 35, given 0)',
      '✓ sponsor-budgets (sponsors 0)',
      expect.stringMatching(/^✓ love-meal-money \(stores 0, paid donations 0, /),
    ]);
  });

  it('flower-accounts fails on a balance changed behind the ledger’s back, naming the account', async () => {
    // Arrange: a balance corrupted the way a bug or an operator might.
    const user = await userWithFlowers(app, 10);
    await app.table.doc.send(
      new UpdateCommand({
        TableName: app.config.tableName,
        Key: { PK: `USER#${user.id}`, SK: 'ACCOUNT' },
        UpdateExpression: 'SET balance = :b',
        ExpressionAttributeValues: { ':b': 11 },
      }),
    );
    const lines: string[] = [];

    // Act
    const failed = await runChecks(CHECKS, app, (line) => lines.push(line));

    // Assert
    expect(failed).toEqual(['flower-accounts']);
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^✗ flower-accounts: 1 problem \(accounts 3, /),
      `    user ${user.id}: balance 11 != ledger sum 10`,
    ]);
  });
});
