import { BatchWriteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type {
  CounterShard,
  DistributionRecord,
  DistributionStore,
  FieldStaffRecord,
  RecipientRecord,
  SignOutcome,
  SignoffRecord,
} from '../../domain/distribution';
import type { Page } from '../../domain/ports';
import { auditEntryWrite } from './audit-repository';
import { batchGetAll, queryAll, type TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import { distributionKeys } from './distribution-keys';
import { cancellationReasons, isConditionalCheckFailed } from './errors';

/** BatchWriteItem takes 25 items; a few requests at once keep 5,000 recipients well inside a request's time. */
const BATCH = 25;
const PARALLEL_BATCHES = 8;

/** Distributions, their recipients, counters, sign-offs and field staff on the single table. */
export class DynamoDistributionStore implements DistributionStore {
  constructor(private readonly table: TableContext) {}

  /**
   * The recipients and counters first (new items, so plain batch puts), the distribution last:
   * every read and every sign-off starts from the distribution's item, so until it exists the rest
   * is unreachable, and a creation that failed half-way leaves nothing anyone can see or sign.
   */
  async create(distribution: DistributionRecord, recipients: RecipientRecord[]): Promise<void> {
    const items = [
      ...recipients.map(recipientItem),
      ...Array.from({ length: distribution.counterShards }, (_, index) =>
        counterItem(distribution.id, { index, signedCount: 0, signedQuantity: 0, suspiciousCount: 0 }),
      ),
    ];
    const batches: Record<string, unknown>[][] = [];
    for (let at = 0; at < items.length; at += BATCH) batches.push(items.slice(at, at + BATCH));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, async () => {
        for (let i = next++; i < batches.length; i = next++) await this.putAll(batches[i]);
      }),
    );
    await this.table.doc.send(
      new PutCommand({ TableName: this.table.tableName, Item: profileItem(distribution), ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  }

  /** One batch, retrying what DynamoDB left unprocessed (with a short back-off: it was throttled). */
  private async putAll(items: Record<string, unknown>[]): Promise<void> {
    let pending = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, Math.min(1_000, 25 * 2 ** attempt)));
      const answer = await this.table.doc.send(new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }));
      pending = (answer.UnprocessedItems?.[this.table.tableName] ?? []) as typeof pending;
    }
  }

  async get(distributionId: string): Promise<DistributionRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: distributionKeys.profile(distributionId), ConsistentRead: true }),
    );
    return Item ? toDistribution(Item) : null;
  }

  async counters(distribution: Pick<DistributionRecord, 'id' | 'counterShards'>): Promise<CounterShard[]> {
    const keys = Array.from({ length: distribution.counterShards }, (_, index) => distributionKeys.counter(distribution.id, index));
    return (await batchGetAll(this.table, keys, true)).map(toCounter);
  }

  async recipientByCode(codeHash: string): Promise<RecipientRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: distributionKeys.recipient(codeHash), ConsistentRead: true }),
    );
    return Item ? toRecipient(Item) : null;
  }

  async recipients(distributionId: string): Promise<RecipientRecord[]> {
    const items = await queryAll(this.table, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': distributionKeys.recipientsPartition(distributionId) },
    });
    return items.map(toRecipient);
  }

  async sign(signoff: SignoffRecord, codeHash: string, counterShard: number): Promise<SignOutcome> {
    const TableName = this.table.tableName;
    const items = [
      {
        Update: {
          TableName,
          Key: distributionKeys.recipient(codeHash),
          UpdateExpression: 'SET signedAt = :signedAt, signoffId = :signoffId',
          ConditionExpression: 'distributionId = :distribution AND attribute_not_exists(signedAt)',
          ExpressionAttributeValues: { ':signedAt': signoff.signedAt, ':signoffId': signoff.id, ':distribution': signoff.distributionId },
        },
      },
      {
        // The counter item, not the distribution's, carries the close (closedAt on every counter), so
        // no item but the counters is touched by every sign-off.
        Update: {
          TableName,
          Key: distributionKeys.counter(signoff.distributionId, counterShard),
          UpdateExpression: 'ADD signedCount :one, signedQuantity :quantity, suspiciousCount :suspicious',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':one': 1, ':quantity': signoff.quantity, ':suspicious': signoff.suspicious ? 1 : 0 },
        },
      },
      { Put: { TableName, Item: signoffItem(signoff), ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
    try {
      const observer = this.table.observer;
      const answer = await this.table.doc.send(new TransactWriteCommand({ TransactItems: items, ...(observer ? { ReturnConsumedCapacity: 'TOTAL' } : {}) }));
      observer?.({
        partitionKeys: items.map((item) => String((item.Put?.Item ?? item.Update?.Key)?.PK)),
        writeCapacityUnits: answer.ConsumedCapacity?.reduce((sum, c) => sum + (c.WriteCapacityUnits ?? c.CapacityUnits ?? 0), 0),
      });
      return 'signed';
    } catch (err) {
      const reasons = cancellationReasons(err);
      // The contract's order: a used code is named before a closed distribution.
      if (reasons?.[0] === 'ConditionalCheckFailed') return 'used';
      if (reasons?.[1] === 'ConditionalCheckFailed') return 'closed';
      throw err;
    }
  }

  async signoff(signoffId: string): Promise<SignoffRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: distributionKeys.signoff(signoffId), ConsistentRead: true }),
    );
    return Item ? toSignoff(Item) : null;
  }

  /**
   * Every counter item first (a sign-off's transaction then fails on whichever it picks), the
   * distribution last: once its status says closed, no sign-off can still commit, so the counters
   * read after it are final, also for the stream's consumers that start from that change. A close
   * that stopped half-way leaves an open distribution that signs nothing; closing again finishes it.
   */
  async close(distributionId: string, closedAt: string): Promise<boolean> {
    const TableName = this.table.tableName;
    const distribution = await this.get(distributionId);
    if (!distribution || distribution.status === 'closed') return false;
    await Promise.all(
      Array.from({ length: distribution.counterShards }, (_, index) =>
        this.table.doc.send(
          new UpdateCommand({
            TableName,
            Key: distributionKeys.counter(distribution.id, index),
            UpdateExpression: 'SET closedAt = if_not_exists(closedAt, :at)',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':at': closedAt },
          }),
        ),
      ),
    );
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName,
          Key: distributionKeys.profile(distribution.id),
          UpdateExpression: 'SET #status = :closed, closedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':at': closedAt },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async ofDream(dreamId: string, page: { limit: number; cursor?: string }): Promise<Page<DistributionRecord>> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', distributionKeys.ofDreamPartition(dreamId), page, (sortKey) =>
      distributionKeys.profile(distributionKeys.distributionIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toDistribution), nextCursor: found.nextCursor };
  }

  async timeline(distributionId: string, page: { limit: number; cursor?: string }): Promise<Page<SignoffRecord>> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', distributionKeys.timelinePartition(distributionId), page, (sortKey) =>
      distributionKeys.signoff(distributionKeys.signoffIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toSignoff), nextCursor: found.nextCursor };
  }

  async staff(distributionId: string): Promise<FieldStaffRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': distributionKeys.profile(distributionId).PK, ':prefix': distributionKeys.staffPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => ({ userId: item.userId as string, nickname: item.nickname as string, addedAt: item.addedAt as string }));
  }

  async isStaff(distributionId: string, userId: string): Promise<boolean> {
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: distributionKeys.staff(distributionId, userId),
        ConsistentRead: true,
        ProjectionExpression: 'PK',
      }),
    );
    return Boolean(Item);
  }

  async addStaff(distributionId: string, member: FieldStaffRecord, audit: AuditRecord): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { ...distributionKeys.staff(distributionId, member.userId), type: 'DIST_STAFF', distributionId, ...member } } },
          auditEntryWrite(TableName, audit),
        ],
      }),
    );
  }

  async removeStaff(distributionId: string, userId: string, audit: AuditRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName, Key: distributionKeys.staff(distributionId, userId), ConditionExpression: 'attribute_exists(PK)' } },
            auditEntryWrite(TableName, audit),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  /** The dream a distribution belongs to (a letter's statement may cite only its own dream's). */
  async dreamOf(distributionId: string): Promise<string | null> {
    return (await this.get(distributionId))?.dreamId ?? null;
  }
}

function profileItem(d: DistributionRecord): Record<string, unknown> {
  return { ...distributionKeys.profile(d.id), ...distributionKeys.ofDreamIndex(d.dreamId, d.createdAt, d.id), type: 'DISTRIBUTION', ...d };
}

export function toDistribution(item: Record<string, unknown>): DistributionRecord {
  return {
    id: item.id as string,
    dreamId: item.dreamId as string,
    charityId: item.charityId as string,
    title: item.title as string,
    item: item.item as string,
    unit: item.unit as string,
    recipientCount: item.recipientCount as number,
    totalQuantity: item.totalQuantity as number,
    status: item.status as DistributionRecord['status'],
    createdAt: item.createdAt as string,
    closedAt: (item.closedAt as string | null) ?? null,
    disputed: item.disputed === true,
    counterShards: item.counterShards as number,
    ...(item.held === true ? { held: true } : {}),
  };
}

function counterItem(distributionId: string, shard: CounterShard): Record<string, unknown> {
  return { ...distributionKeys.counter(distributionId, shard.index), type: 'DIST_COUNTER', distributionId, ...shard };
}

export function toCounter(item: Record<string, unknown>): CounterShard {
  return {
    index: item.index as number,
    signedCount: (item.signedCount as number) ?? 0,
    signedQuantity: (item.signedQuantity as number) ?? 0,
    suspiciousCount: (item.suspiciousCount as number) ?? 0,
  };
}

function recipientItem(r: RecipientRecord): Record<string, unknown> {
  // signedAt and signoffId stay absent until signed: the sign-off's condition is their absence.
  const { signedAt: _signedAt, signoffId: _signoffId, ...rest } = r;
  return { ...distributionKeys.recipient(r.codeHash), ...distributionKeys.recipientIndex(r.distributionId, r.recipientId), type: 'DIST_RECIPIENT', ...rest };
}

export function toRecipient(item: Record<string, unknown>): RecipientRecord {
  return {
    distributionId: item.distributionId as string,
    recipientId: item.recipientId as string,
    name: item.name as string,
    quantity: item.quantity as number,
    village: (item.village as string | null) ?? null,
    codeHash: item.codeHash as string,
    signedAt: (item.signedAt as string | undefined) ?? null,
    signoffId: (item.signoffId as string | undefined) ?? null,
  };
}

function signoffItem(s: SignoffRecord): Record<string, unknown> {
  return { ...distributionKeys.signoff(s.id), ...distributionKeys.timelineIndex(s.distributionId, s.signedAt, s.id), type: 'SIGNOFF', ...s };
}

function toSignoff(item: Record<string, unknown>): SignoffRecord {
  return {
    id: item.id as string,
    distributionId: item.distributionId as string,
    dreamId: item.dreamId as string,
    recipientId: item.recipientId as string,
    name: item.name as string,
    village: (item.village as string | null) ?? null,
    quantity: item.quantity as number,
    signedAt: item.signedAt as string,
    recordedAt: item.recordedAt as string,
    signerId: item.signerId as string,
    idempotencyKey: (item.idempotencyKey as string | null) ?? null,
    photo: (item.photo as string | null) ?? null,
    location: (item.location as SignoffRecord['location']) ?? null,
    suspicious: item.suspicious === true,
    salt: item.salt as string,
    recipientCommitment: item.recipientCommitment as string,
  };
}
