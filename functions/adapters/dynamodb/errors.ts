import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './client';

/** Translation of SDK exceptions into facts the repositories can act on. */

export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/** Per-item cancellation reasons of a TransactWriteItems, in item order; null when it was not cancelled. */
export function cancellationReasons(err: unknown): (string | undefined)[] | null {
  const isCancel = err instanceof TransactionCanceledException || (err as { name?: string })?.name === 'TransactionCanceledException';
  if (!isCancel) return null;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => (reason.Code && reason.Code !== 'None' ? reason.Code : undefined));
}

/** Errors DynamoDB invites you to retry: contention on an item, throttling. */
export function isRetryableWriteConflict(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  if (name === 'TransactionConflictException' || name === 'ProvisionedThroughputExceededException' || name === 'ThrottlingException') return true;
  const reasons = cancellationReasons(err);
  return !!reasons && reasons.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError' || code === 'ProvisionedThroughputExceeded');
}

/**
 * Sends a transaction whose first item carries the rule (a status, a count as read): false when that
 * condition failed, so the caller answers in its own words; any other failure is thrown.
 */
export async function transactUnlessFirstFails(table: TableContext, items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<boolean> {
  try {
    await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
    throw err;
  }
}
