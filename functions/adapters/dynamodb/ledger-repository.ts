import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { BoundedMap } from './bounded-map';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { applyMove, type FlowerAccount, type LedgerEntry, type MoveFlowersCommand } from '../../domain/ledger';
import type { IdempotentCompletion } from '../../domain/idempotency';
import type { Clock, LedgerRepository, MoveGuard, MoveOptions, MoveResult, Page, PendingWrite } from '../../domain/ports';
import { ContentionError, NotFoundError } from '../../shared/errors';
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

/** Raised when a request lost its idempotency claim mid-flight (its lease was taken over): a 5xx, retried by the client. */
export class IdempotencyClaimLostError extends Error {}

/** How many accounts a warm function remembers after moving them (a Map kept in insertion order). */
const KNOWN_ACCOUNTS_MAX = 2_000;

export class DynamoLedgerRepository implements LedgerRepository {
  /**
   * Each account as this process last wrote it. A move's first attempt plans from it instead of
   * reading: the version condition rejects a stale copy (another process moved the account), and
   * the retry reads consistently. A refusal (too few flowers) is only ever decided on a fresh read.
   */
  private knownAccounts = new BoundedMap<string, FlowerAccount>(KNOWN_ACCOUNTS_MAX);
  /**
   * The tail of each account's queue of moves in this process. Moves of one account run one after
   * another here, each planned from the account the previous one wrote, so they do not race one
   * another's version condition (n concurrent moves would otherwise cost about n²/2 attempts).
   * Moves from other processes still race, and the condition still decides.
   */
  private accountQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly table: TableContext,
    private readonly options: { maxAttempts: number; clock: Clock },
  ) {}

  async getAccount(userId: string): Promise<FlowerAccount | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.account(userId), ConsistentRead: true }));
    return Item ? toAccount(Item) : null;
  }

  /**
   * Optimistic concurrency on the account version: read, compute, write all-or-nothing with the
   * version as condition; a lost race re-reads and tries again. The version condition is also what
   * makes balanceAfter exact and the balance never negative.
   */
  async move(command: MoveFlowersCommand, options: MoveOptions = {}): Promise<MoveResult> {
    // A debit the account cannot cover, on a fresh read, is refused at once, without queueing
    // behind the moves it could never follow.
    const queued = this.accountQueues.has(command.userId);
    if (command.delta < 0 && (queued || (this.knownAccounts.get(command.userId)?.balance ?? Infinity) < -command.delta)) {
      const fresh = await this.getAccount(command.userId);
      if (fresh) this.plan(fresh, command);
    }
    const previous = this.accountQueues.get(command.userId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.moveNow(command, options));
    this.accountQueues.set(command.userId, run);
    try {
      return await run;
    } finally {
      if (this.accountQueues.get(command.userId) === run) this.accountQueues.delete(command.userId);
    }
  }

  private async moveNow(command: MoveFlowersCommand, options: MoveOptions): Promise<MoveResult> {
    const guards = options.guards ?? [];
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      const { current, result } = await this.planMove(command, attempt === 1 ? this.knownAccounts.get(command.userId) : undefined);
      const extras = options.alsoWrite ? (await options.alsoWrite()).map(asTransactItem) : [];
      const items = this.transactItems(current, result, guards, options.completion, extras);
      try {
        const observer = this.table.observer;
        const answer = await this.table.doc.send(new TransactWriteCommand({ TransactItems: items, ...(observer ? { ReturnConsumedCapacity: 'TOTAL' } : {}) }));
        if (options.completion) options.completion.stored = true;
        this.remember(result.account);
        observer?.({
          partitionKeys: items.map((item) => String((item.Put?.Item ?? item.Update?.Key ?? item.ConditionCheck?.Key ?? item.Delete?.Key)?.PK)),
          writeCapacityUnits: answer.ConsumedCapacity?.reduce((sum, c) => sum + (c.WriteCapacityUnits ?? c.CapacityUnits ?? 0), 0),
        });
        return result;
      } catch (err) {
        this.knownAccounts.delete(command.userId);
        const reasons = cancellationReasons(err);
        if (reasons) {
          guards.forEach((guard, index) => {
            if (reasons[2 + index] === 'ConditionalCheckFailed') throw guard.onConflict();
          });
          if (options.completion && reasons[2 + guards.length] === 'ConditionalCheckFailed') throw new IdempotencyClaimLostError('idempotency claim lost');
        }
        const firstExtra = items.length - extras.length;
        const raced = reasons?.[0] === 'ConditionalCheckFailed' || !!reasons?.slice(firstExtra).includes('ConditionalCheckFailed');
        if (!raced && !isRetryableWriteConflict(err)) throw err;
        await sleep(Math.random() * Math.min(40, 2 * attempt));
      }
    }
    throw new ContentionError();
  }

  /** Plans from the remembered account when there is one and it allows the move, else from a consistent read. */
  private async planMove(command: MoveFlowersCommand, remembered: FlowerAccount | undefined): Promise<{ current: FlowerAccount; result: MoveResult }> {
    if (remembered) {
      try {
        return { current: remembered, result: this.plan(remembered, command) };
      } catch {
        // perhaps only stale: a refusal is decided on a fresh read
      }
    }
    const current = await this.getAccount(command.userId);
    if (!current) throw new NotFoundError('小红花账户不存在');
    return { current, result: this.plan(current, command) };
  }

  private remember(account: FlowerAccount): void {
    this.knownAccounts.set(account.userId, account);
  }

  private plan(current: FlowerAccount, command: MoveFlowersCommand): MoveResult {
    const account = applyMove(current, command.delta);
    const entry: LedgerEntry = {
      id: ulid(),
      userId: command.userId,
      seq: account.version,
      delta: command.delta,
      reason: command.reason,
      refId: command.refId,
      note: command.note ?? null,
      balanceAfter: account.balance,
      createdAt: this.options.clock.now().toISOString(),
    };
    return { entry, account };
  }

  private transactItems(
    current: FlowerAccount,
    { entry, account }: MoveResult,
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
