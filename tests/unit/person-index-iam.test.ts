import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { tableDefinition } from '../../scripts/lib/dynamodb-local';

const ROOT = resolve(__dirname, '../..');

type Statement = { Action: string[] };
const stack = () =>
  yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    functions: Record<string, { handler: string; iamRoleStatements?: Statement[] }>;
  };

describe('account export and closing read only the person’s own items', () => {
  it('gives the account function no Scan (it reads the person index)', () => {
    // Arrange
    const account = stack().functions.account;

    // Act
    const actions = (account.iamRoleStatements ?? []).flatMap((statement) => statement.Action);

    // Assert
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('gives no function of the stack a Scan', () => {
    // Act
    const scanning = Object.entries(stack().functions)
      .filter(([, fn]) => (fn.iamRoleStatements ?? []).some((statement) => statement.Action.includes('dynamodb:Scan')))
      .map(([name]) => name);

    // Assert
    expect(scanning).toEqual([]);
  });

  it('sends no Scan from the account adapter', () => {
    // Act
    const source = readFileSync(join(ROOT, 'functions/adapters/dynamodb/account-closing.ts'), 'utf8');

    // Assert
    expect(source).not.toMatch(/ScanCommand/);
  });

  it('declares the sparse person index (GSI3, keys only) on the table, locally too', () => {
    // Act
    const index = tableDefinition('any').GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === 'GSI3');

    // Assert
    expect(index).toMatchObject({
      KeySchema: [
        { AttributeName: 'GSI3PK', KeyType: 'HASH' },
        { AttributeName: 'GSI3SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
  });
});
