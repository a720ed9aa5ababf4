import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FlowerAccount, LedgerEntry } from '../../domain/ledger';
import type { IdempotentCompletion } from '../../domain/idempotency';
import type { LedgerStore, MoveCommit, MoveGuard, MoveResult, MoveWrites, Page, PendingWrite, PlannedMove } from '../../domain/ports';
import { queryAll, type TableContext } from './client';
import { newestFirstPage } from './cursor';
import { cancellationReasons, isRetryableWriteConflict } from './errors';
import { completionUpdate } from './idempotency-store';
import { ledgerKeys } from './ledger-keys';
import { userKeys } from './user-keys';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A prepared item as the domain's opaque PendingWrite: the writes other adapters add to a move
 * (a dream's counter shard, a sponsor's budget, a store's action record). Only this adapter family
 * reads it back.
 */
export const asPendingWrite = (item: TransactItem): PendingWrite => item as unknown as PendingWrite;
const asTransactItem = (write: PendingWrite): TransactItem => write as unknown as TransactItem;

/**
 * The ledger's storage: accounts and entries read back, and a planned move committed as given —
 * the balance change guarded by the account as read, the entry, the guards' markers, the
 * idempotency claim's response and other ports' writes, all in one transaction.
 */
export class DynamoLedgerStore implements LedgerStore {
  constructor(private readonly table: TableContext) {}

  async getAccount(userId: string): Promise<FlowerAccount | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.account(userId), ConsistentRead: true }));
    return Item ? toAccount(Item) : null;
  }

  /** Says which condition failed instead of deciding what follows: the ledger retries or refuses. */
  async commit(move: PlannedMove, { guards, completion, extras }: MoveWrites): Promise<MoveCommit> {
    const extraItems = extras.map(asTransactItem);
    const items = this.transactItems(move, guards, completion, extraItems);
    try {
      const observer = this.table.observer;
      const answer = await this.table.doc.send(new TransactWriteCommand({ TransactItems: items, ...(observer ? { ReturnConsumedCapacity: 'TOTAL' } : {}) }));
      observer?.({
        partitionKeys: items.map((item) => String((item.Put?.Item ?? item.Update?.Key ?? item.ConditionCheck?.Key ?? item.Delete?.Key)?.PK)),
        writeCapacityUnits: answer.ConsumedCapacity?.reduce((sum, c) => sum + (c.WriteCapacityUnits ?? c.CapacityUnits ?? 0), 0),
      });
      return { kind: 'committed' };
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (reasons) {
        const guard = guards.findIndex((_, index) => reasons[2 + index] === 'ConditionalCheckFailed');
        if (guard >= 0) return { kind: 'guard', index: guard };
        if (completion && reasons[2 + guards.length] === 'ConditionalCheckFailed') return { kind: 'claimLost' };
      }
      const firstExtra = items.length - extraItems.length;
      const stale = reasons?.[0] === 'ConditionalCheckFailed' || !!reasons?.slice(firstExtra).includes('ConditionalCheckFailed');
      if (stale || isRetryableWriteConflict(err)) return { kind: 'stale' };
      throw err;
    }
  }

  private transactItems(
    { before: current, entry, account }: PlannedMove,
    guards: MoveGuard[],
    completion: IdempotentCompletion<MoveResult> | undefined,
    extraItems: TransactItem[],
  ): TransactItem[] {
    const TableName = this.table.tableName;
    const items: TransactItem[] = [
      {
        Update: {
          TableName,
          Key: userKeys.account(entry.userId),
          UpdateExpression: 'SET balance = :balance, earned = :earned, given = :given, version = :next, updatedAt = :now',
          // The stored balance must cover the debit: the database, not this process, says no negative balance.
          ConditionExpression: 'version = :version AND balance = :previousBalance AND balance >= :debit',
          ExpressionAttributeValues: {
            ':balance': account.balance,
            ':earned': account.earned,
            ':given': account.given,
            ':next': account.version,
            ':version': current.version,
            ':previousBalance': current.balance,
            ':debit': Math.max(0, -entry.delta),
            ':now': entry.createdAt,
          },
        },
      },
      {
        Put: {
          TableName,
          Item: { ...ledgerKeys.entry(entry.userId, entry.seq), type: 'LEDGER_ENTRY', ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...guards.map((guard): TransactItem => {
        const key = userKeys.marker(entry.userId, guard.markerId);
        if (guard.limit !== undefined) {
          return {
            Update: {
              TableName,
              Key: key,
              UpdateExpression: 'SET #type = :type, updatedAt = :now ADD #count :one',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
              ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
              ExpressionAttributeValues: { ':type': 'COUNTER', ':now': entry.createdAt, ':one': 1, ':limit': guard.limit },
            },
          };
        }
        const attributes = typeof guard.attributes === 'function' ? guard.attributes() : guard.attributes;
        return {
          Put: {
            TableName,
            Item: { ...attributes, ...key, type: 'MARKER', entryId: entry.id, createdAt: entry.createdAt },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
      }),
    ];
    if (completion) items.push({ Update: completionUpdate(TableName, completion.claim, completion.render({ entry, account }), entry.createdAt) });
    return [...items, ...extraItems];
  }

  async listEntries(userId: string, page: { limit: number; cursor?: string }): Promise<Page<LedgerEntry>> {
    const { items, nextCursor } = await newestFirstPage(this.table, userKeys.account(userId).PK, ledgerKeys.prefix, page);
    return { items: items.map(toEntry), nextCursor };
  }

  /** Every entry of one account, oldest first (for reconciliation). */
  async allEntries(userId: string): Promise<LedgerEntry[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userKeys.account(userId).PK, ':prefix': ledgerKeys.prefix },
      ConsistentRead: true,
    });
    return items.map(toEntry);
  }
}

function toAccount(item: Record<string, unknown>): FlowerAccount {
  return {
    userId: item.userId as string,
    balance: item.balance as number,
    earned: item.earned as number,
    given: item.given as number,
    version: item.version as number,
  };
}

function toEntry(item: Record<string, unknown>): LedgerEntry {
  return {
    id: item.id as string,
    userId: item.userId as string,
    seq: item.seq as number,
    delta: item.delta as number,
    reason: item.reason as LedgerEntry['reason'],
    refId: (item.refId as string | null) ?? null,
    note: (item.note as string | null) ?? null,
    balanceAfter: item.balanceAfter as number,
    createdAt: item.createdAt as string,
  };
}
