import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export interface TableContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Sees every committed ledger transaction with its consumed capacity (used by `npm run bench`). */
  observer?: (transaction: { partitionKeys: string[]; writeCapacityUnits: number | undefined }) => void;
}

/** One document client per process; locally it points at DynamoDB Local with dummy credentials. */
export function createTableContext(options: { tableName: string; endpoint?: string; region: string }): TableContext {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: options.tableName };
}

/** Every item of a query, page after page (small collections: a team, a bank, a sponsor's books). */
export async function queryAll(table: TableContext, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new QueryCommand({ ...input, TableName: table.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of these keys, 100 keys a request, retrying what DynamoDB left unprocessed. */
export async function batchGetAll(table: TableContext, keys: Record<string, unknown>[], consistent: boolean): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let batch: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (batch && batch.length > 0) {
      const answer = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: batch, ConsistentRead: consistent } } }));
      items.push(...(answer.Responses?.[table.tableName] ?? []));
      batch = answer.UnprocessedKeys?.[table.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return items;
}
