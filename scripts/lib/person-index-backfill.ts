import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../functions/adapters/dynamodb/client';
import { PERSON_INDEXED_TYPES, personIndexFor } from '../../functions/adapters/dynamodb/person-keys';

export type ScanPosition = Record<string, unknown> | undefined;

/**
 * Gives the person-index keys (GSI3) to the items written before the index existed. An operator's
 * one-off: it scans the table a page at a time and reports where it stopped after each page, so an
 * interrupted run resumes from there. Every write is conditional on the item still being there and
 * still lacking the keys, so running it twice, or beside the live writers, changes nothing twice.
 */
export async function backfillPersonIndex(
  table: TableContext,
  options: { from?: ScanPosition; pageSize?: number; onPage: (progress: { next: ScanPosition; indexed: number }) => void },
): Promise<{ indexed: number }> {
  let start = options.from;
  let indexed = 0;
  const types = Object.fromEntries(PERSON_INDEXED_TYPES.map((type, i) => [`:t${i}`, type]));
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        Limit: options.pageSize ?? 500,
        FilterExpression: `attribute_not_exists(GSI3PK) AND #type IN (${Object.keys(types).join(', ')})`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: types,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const keys = personIndexFor(item);
      if (!keys) continue;
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: { PK: item.PK, SK: item.SK },
            UpdateExpression: 'SET GSI3PK = :pk, GSI3SK = :sk',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(GSI3PK)',
            ExpressionAttributeValues: { ':pk': keys.GSI3PK, ':sk': keys.GSI3SK },
          }),
        );
        indexed++;
      } catch (err) {
        // Deleted since the page was read, or indexed by a live writer meanwhile: nothing to do.
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
    }
    start = page.LastEvaluatedKey;
    options.onPage({ next: start, indexed });
  } while (start);
  return { indexed };
}
