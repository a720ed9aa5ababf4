import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';

const ROOT = resolve(__dirname, '../..');

/** The IAM action each DynamoDB document-client command needs (a transaction needs its items' actions). */
const ACTION_OF: Record<string, string[]> = {
  GetCommand: ['dynamodb:GetItem'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  QueryCommand: ['dynamodb:Query'],
  PutCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  TransactWriteCommand: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
};
/** Commands only the operator's scripts send (the seed; `npm run reconcile`'s scan), with their own credentials, never a function. */
const OPERATOR_ONLY = new Set(['BatchWriteCommand', 'ScanCommand']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('per-function IAM in serverless.yml', () => {
  const doc = yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    functions: Record<string, { iamRoleStatements?: { Action: string[] }[] }>;
  };
  const used = new Set(
    sourceFiles(join(ROOT, 'functions')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new (\w+Command)\(/g)].map((m) => m[1])),
  );

  it('knows every DynamoDB command the functions send', () => {
    const unknown = [...used].filter((command) => !ACTION_OF[command] && !OPERATOR_ONLY.has(command));
    expect(unknown).toEqual([]);
  });

  it('lets every function that may read the table use each read the adapters make', () => {
    const reads = [...used].filter((c) => ['GetCommand', 'BatchGetCommand', 'QueryCommand'].includes(c)).flatMap((c) => ACTION_OF[c]);
    const writes = [...used].filter((c) => ['PutCommand', 'UpdateCommand', 'TransactWriteCommand'].includes(c)).flatMap((c) => ACTION_OF[c]);
    for (const [name, fn] of Object.entries(doc.functions)) {
      const granted = new Set((fn.iamRoleStatements ?? []).flatMap((statement) => statement.Action));
      if (granted.has('dynamodb:GetItem')) expect({ name, missing: reads.filter((a) => !granted.has(a)) }).toEqual({ name, missing: [] });
      if (granted.has('dynamodb:PutItem')) expect({ name, missing: writes.filter((a) => !granted.has(a)) }).toEqual({ name, missing: [] });
    }
  });

  it('gives no function that serves only GET routes a write (reads stay reads: side effects run from the stream)', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];
    const fns = doc.functions as Record<string, { events?: { httpApi?: { method: string } }[]; iamRoleStatements?: { Action: string[] }[] }>;
    const writingReaders = Object.entries(fns)
      .filter(([, fn]) => (fn.events ?? []).length > 0 && (fn.events ?? []).every((event) => event.httpApi?.method === 'GET'))
      .filter(([, fn]) => (fn.iamRoleStatements ?? []).some((statement) => statement.Action.some((action) => writes.includes(action))))
      .map(([name]) => name);
    expect(writingReaders).toEqual([]);
  });
});
