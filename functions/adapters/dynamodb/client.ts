import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
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
