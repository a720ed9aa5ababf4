import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './client';
import { cancellationReasons } from './errors';

type Key = Record<string, string>;

/** A further condition on the unread counter, e.g. that a read-all watermark has not counted the entry. */
export interface CounterCondition {
  expression: string;
  values: Record<string, unknown>;
}

/**
 * Flips one entry (a letterbox entry, a notification) to read and takes one off its owner's unread
 * counter in the same transaction: only the read that flips the entry moves the count, so of
 * concurrent reads exactly one lands. False when the transaction was cancelled (read already by
 * another tab, not there at all, or the counter's condition failed); any other failure is thrown.
 */
export async function markReadOnce(table: TableContext, target: { entry: Key; counter: Key; counterCondition?: CounterCondition }): Promise<boolean> {
  const TableName = table.tableName;
  const extra = target.counterCondition;
  try {
    await table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: target.entry,
              UpdateExpression: 'SET #read = :true',
              ConditionExpression: '#read = :false',
              ExpressionAttributeNames: { '#read': 'read' },
              ExpressionAttributeValues: { ':true': true, ':false': false },
            },
          },
          {
            Update: {
              TableName,
              Key: target.counter,
              UpdateExpression: 'ADD unread :minus',
              ConditionExpression: extra ? `unread > :zero AND (${extra.expression})` : 'unread > :zero',
              ExpressionAttributeValues: { ':minus': -1, ':zero': 0, ...extra?.values },
            },
          },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (!cancellationReasons(err)) throw err;
    return false;
  }
}
