import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../domain/ports';
import { ValidationError } from '../../domain/errors';
import type { TableContext } from './client';

/**
 * List cursors are opaque to clients: base64url of the last sort key. The partition is always
 * rebuilt on the server, so a crafted cursor can never read another owner's items.
 */
export function encodeCursor(sortKey: string | undefined): string | null {
  return sortKey ? Buffer.from(JSON.stringify({ s: sortKey }), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, expectedPrefix: string): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'string' && parsed.s.startsWith(expectedPrefix) && parsed.s.length <= 200) return parsed.s;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('cursor 无效', [{ path: ['cursor'], message: 'invalid cursor' }]);
}

/** One page of a partition's items whose sort key starts with `prefix`, newest (highest key) first. */
export async function newestFirstPage(
  table: TableContext,
  partitionKey: string,
  prefix: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Record<string, unknown>>> {
  const after = decodeCursor(page.cursor, prefix);
  const { Items = [], LastEvaluatedKey } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitionKey, ':prefix': prefix },
      ScanIndexForward: false,
      Limit: page.limit,
      ...(after ? { ExclusiveStartKey: { PK: partitionKey, SK: after } } : {}),
    }),
  );
  return { items: Items, nextCursor: encodeCursor(LastEvaluatedKey?.SK as string | undefined) };
}

/**
 * One page of a GSI partition, newest (highest index sort key) first. `tableKeyOf` rebuilds the
 * item's table key from its index sort key, which DynamoDB needs to resume after it.
 */
export async function newestFirstIndexPage(
  table: TableContext,
  index: 'GSI1' | 'GSI2',
  partitionKey: string,
  page: { limit: number; cursor?: string },
  tableKeyOf: (indexSortKey: string) => { PK: string; SK: string },
  expectedPrefix = '',
): Promise<Page<Record<string, unknown>>> {
  const after = decodeCursor(page.cursor, expectedPrefix);
  const { Items = [], LastEvaluatedKey } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': partitionKey },
      ScanIndexForward: false,
      Limit: page.limit,
      ...(after ? { ExclusiveStartKey: { [`${index}PK`]: partitionKey, [`${index}SK`]: after, ...tableKeyOf(after) } } : {}),
    }),
  );
  return { items: Items, nextCursor: encodeCursor(LastEvaluatedKey?.[`${index}SK`] as string | undefined) };
}
