import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { IdempotencyClaim, IdempotencyScope, StoredResponse } from '../../domain/idempotency';
import type { ClaimOutcome, Clock, IdempotencyStore } from '../../domain/ports';
import type { TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { idempotencyKeys } from './idempotency-keys';

/**
 * Finalizes a claimed record with its response — alone (`complete`) or inside a ledger move's
 * transaction. Stored as text so a replay returns the very same bytes.
 */
export function completionUpdate(TableName: string, claim: IdempotencyClaim, response: StoredResponse, now: string) {
  return {
    TableName,
    Key: idempotencyKeys.record(claim.scope),
    UpdateExpression: 'SET #state = :done, #response = :response, completedAt = :now',
    ConditionExpression: '#state = :inProgress AND ownerToken = :owner',
    ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
    ExpressionAttributeValues: {
      ':done': 'done',
      ':inProgress': 'in_progress',
      ':owner': claim.ownerToken,
      ':response': JSON.stringify(response),
      ':now': now,
    },
  };
}

/**
 * Idempotency records with a lease. Powertools' idempotency utility answers a concurrent duplicate
 * with an error and stores the result in a separate write; the contract wants concurrent repeats to get
 * the first response, and the ledger wants the response stored in the same transaction as the
 * move, so the record is claimed here and finalized inside the ledger transaction.
 */
export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly table: TableContext,
    private readonly options: { keepHours: number; leaseSeconds: number; waitMs: number; clock: Clock },
  ) {}

  async claim(scope: IdempotencyScope, requestHash: string): Promise<ClaimOutcome> {
    const deadline = Date.now() + this.options.waitMs;
    for (let round = 0; ; round++) {
      const ownerToken = randomUUID();
      const now = this.options.clock.now();
      try {
        await this.table.doc.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: {
              ...idempotencyKeys.record(scope),
              type: 'IDEMPOTENCY',
              state: 'in_progress',
              requestHash,
              ownerToken,
              leaseUntil: now.getTime() + this.options.leaseSeconds * 1000,
              createdAt: now.toISOString(),
              expiresAt: Math.floor(now.getTime() / 1000) + this.options.keepHours * 3600,
            },
            // A fresh key, or one whose holder died (lease over) on the same request.
            ConditionExpression: 'attribute_not_exists(PK) OR (#state = :inProgress AND leaseUntil < :now AND requestHash = :hash)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':inProgress': 'in_progress', ':now': now.getTime(), ':hash': requestHash },
          }),
        );
        return { kind: 'claimed', claim: { scope, ownerToken, requestHash } };
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw err;
      }
      const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: idempotencyKeys.record(scope), ConsistentRead: true }));
      if (!Item) continue; // released between our put and get: claim again
      if (Item.requestHash !== requestHash) return { kind: 'mismatch' };
      if (Item.state === 'done') return { kind: 'replay', response: JSON.parse(Item.response as string) as StoredResponse };
      if (Date.now() > deadline) throw new Error('idempotent request still in progress');
      // Back off (25 ms doubling to 1 s): many waiting repeats must not crowd out the holder.
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** round) * (0.5 + Math.random() / 2)));
    }
  }

  /** A record that is no longer this claim's to finalize (already done) is left as it is. */
  async complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    try {
      await this.table.doc.send(new UpdateCommand(completionUpdate(this.table.tableName, claim, response, this.options.clock.now().toISOString())));
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: idempotencyKeys.record(claim.scope),
          ConditionExpression: '#state = :inProgress AND ownerToken = :owner',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'in_progress', ':owner': claim.ownerToken },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
}
