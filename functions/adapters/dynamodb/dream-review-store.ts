import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DreamRecord } from '../../domain/dream';
import type { DreamReviewStore } from '../../domain/dream-ports';
import type { AdoptedDream, ReviewedDream } from '../../domain/dream-review';
import { auditEntryWrite } from './audit-repository';
import type { TableContext } from './client';
import type { DreamCaches } from './dream-caches';
import { dreamKeys } from './dream-keys';
import { transactUnlessFirstFails } from './errors';
import type { TransactItem } from './ledger-repository';
import { personKeys } from './person-keys';

/**
 * A dream's way through review as decided by the use case: the proposal, the review, the adoption.
 * Each status change is written only while the dream still has the status it was decided from.
 */
export class DynamoDreamReviewStore implements DreamReviewStore {
  constructor(
    private readonly table: TableContext,
    private readonly caches: DreamCaches,
  ) {}

  async create(dream: DreamRecord): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: { ...dreamKeys.profile(dream.id), ...dreamKeys.statusIndex(dream.status, dream.createdAt, dream.id), type: 'DREAM', ...dream },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName, Item: { ...dreamKeys.proposed(dream.proposerId, dream.createdAt, dream.id), type: 'PROPOSED_DREAM', dreamId: dream.id } } },
        ],
      }),
    );
  }

  /** The reviewed dream (listed publicly when it says so), its counter shards and the audit entry, in one write. */
  async review({ dream, from, reviewedAt, listed, shards, audit }: ReviewedDream): Promise<boolean> {
    const TableName = this.table.tableName;
    const status = dreamKeys.statusIndex(dream.status, dream.createdAt, dream.id);
    const publicIndex = dreamKeys.publicIndex(dream.createdAt, dream.id);
    const items: TransactItem[] = [
      {
        Update: {
          TableName,
          Key: dreamKeys.profile(dream.id),
          UpdateExpression: `SET #status = :status, reviewNote = :note, reviewedAt = :at, matchFund = :fund, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk${listed ? ', GSI2PK = :gsi2pk, GSI2SK = :gsi2sk' : ''}`,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': dream.status,
            ':note': dream.reviewNote,
            ':at': reviewedAt,
            ':fund': dream.matchFund,
            ':from': from,
            ':gsi1pk': status.GSI1PK,
            ':gsi1sk': status.GSI1SK,
            ...(listed ? { ':gsi2pk': publicIndex.GSI2PK, ':gsi2sk': publicIndex.GSI2SK } : {}),
          },
        },
      },
      ...shards.map((shard): TransactItem => ({
        Put: {
          TableName,
          Item: {
            ...dreamKeys.shard(dream.id, shard.index),
            type: 'DREAM_SHARD',
            dreamId: dream.id,
            index: shard.index,
            flowers: shard.flowers,
            donors: shard.donors,
            matchedFen: shard.matchedFen,
            room: shard.room,
            fundRoomFen: shard.fundRoomFen,
            accepting: shard.accepting,
          },
        },
      })),
      auditEntryWrite(TableName, audit),
    ];
    return transactUnlessFirstFails(this.table, items);
  }

  /** The adopted dream, and every shard stops accepting in the same write. */
  async adopt({ dream, from }: AdoptedDream): Promise<boolean> {
    const TableName = this.table.tableName;
    const status = dreamKeys.statusIndex(dream.status, dream.createdAt, dream.id);
    const written = await transactUnlessFirstFails(this.table, [
      {
        Update: {
          TableName,
          Key: dreamKeys.profile(dream.id),
          UpdateExpression: 'SET #status = :status, charityId = :charity, adoptedAt = :at, GSI1PK = :pk, GSI1SK = :sk, GSI3PK = :person, GSI3SK = :personSk',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': dream.status,
            ':charity': dream.charityId,
            ':at': dream.adoptedAt,
            ':from': from,
            ':pk': status.GSI1PK,
            ':sk': status.GSI1SK,
            ':person': personKeys.adoptedDream(dream.charityId!, dream.id).GSI3PK,
            ':personSk': personKeys.adoptedDream(dream.charityId!, dream.id).GSI3SK,
          },
        },
      },
      ...Array.from({ length: dream.shardCount }, (_, index): TransactItem => ({
        Update: {
          TableName,
          Key: dreamKeys.shard(dream.id, index),
          UpdateExpression: 'SET accepting = :false',
          ExpressionAttributeValues: { ':false': false },
        },
      })),
    ]);
    this.caches.shards.forget(dream.id);
    return written;
  }
}
