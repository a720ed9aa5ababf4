import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { SpotCheck, SpotCheckStore } from '../../domain/spot-check';
import { auditEntryWrite } from './audit-repository';
import type { TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import { cancellationReasons, isConditionalCheckFailed } from './errors';
import { spotCheckKeys } from './spot-check-keys';

type ItemKey = { PK: string; SK: string };

/**
 * Spot checks as one item each (the draw, its calls, the 有争议 flag, the resolutions). Every
 * change is a Put over the version read, so two admins at once never lose one another's call.
 */
export class DynamoSpotCheckStore implements SpotCheckStore {
  constructor(
    private readonly table: TableContext,
    /** The distribution's own item, whose `disputed` attribute mirrors the draw's. */
    private readonly distributionKey: (distributionId: string) => ItemKey,
  ) {}

  async get(distributionId: string): Promise<SpotCheck | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: spotCheckKeys.draw(distributionId), ConsistentRead: true }),
    );
    return Item ? toSpotCheck(Item) : null;
  }

  async create(check: SpotCheck, listed: boolean): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.tableName, Item: itemOf(check, listed), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async save(previous: SpotCheck, next: SpotCheck, listed: boolean, audit: AuditRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    const flagChanged = previous.disputed !== next.disputed;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: itemOf(next, listed),
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': previous.version },
              },
            },
            // Only a change of the flag touches the distribution (its stream consumers see nothing else).
            ...(flagChanged
              ? [
                  {
                    Update: {
                      TableName,
                      Key: this.distributionKey(next.distributionId),
                      UpdateExpression: 'SET disputed = :disputed',
                      ConditionExpression: 'attribute_exists(PK)',
                      ExpressionAttributeValues: { ':disputed': next.disputed },
                    },
                  },
                ]
              : []),
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

  async needingAttention(page: { limit: number; cursor?: string }): Promise<{ items: SpotCheck[]; nextCursor: string | null }> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', spotCheckKeys.attentionPartition, page, (sortKey) =>
      spotCheckKeys.draw(spotCheckKeys.distributionIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toSpotCheck), nextCursor: found.nextCursor };
  }
}

function itemOf(check: SpotCheck, listed: boolean): Record<string, unknown> {
  return {
    ...spotCheckKeys.draw(check.distributionId),
    ...(listed ? spotCheckKeys.attention(check.drawnAt, check.distributionId) : {}),
    type: 'SPOT_CHECK',
    ...check,
  };
}

function toSpotCheck(item: Record<string, unknown>): SpotCheck {
  return {
    distributionId: item.distributionId as string,
    dreamId: item.dreamId as string,
    charityId: item.charityId as string,
    title: item.title as string,
    seed: item.seed as SpotCheck['seed'],
    signedCount: item.signedCount as number,
    drawnAt: item.drawnAt as string,
    calls: item.calls as SpotCheck['calls'],
    disputed: item.disputed === true,
    resolutions: (item.resolutions as SpotCheck['resolutions'] | undefined) ?? [],
    version: item.version as number,
  };
}
