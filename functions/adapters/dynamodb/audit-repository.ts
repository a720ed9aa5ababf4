import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord, AuditTrail } from '../../domain/audit';
import type { Page } from '../../domain/ports';
import { auditKeys } from './audit-keys';
import type { TableContext } from './client';
import { decodeCursor, encodeCursor, newestFirstPage } from './cursor';
import type { TransactItem } from './ledger-repository';

/** The Put that records an audit entry, for the transaction of the change it records. */
export function auditEntryWrite(tableName: string, entry: AuditRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...auditKeys.entry(entry.at, entry.id), ...auditKeys.byTarget(entry.targetId, entry.at, entry.id), type: 'AUDIT', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export class DynamoAuditTrail implements AuditTrail {
  constructor(private readonly table: TableContext) {}

  async list(filter: { targetId?: string }, page: { limit: number; cursor?: string }): Promise<Page<AuditRecord>> {
    if (!filter.targetId) {
      const found = await newestFirstPage(this.table, auditKeys.trailPartition, auditKeys.entryPrefix, page);
      return { items: found.items.map(toAuditRecord), nextCursor: found.nextCursor };
    }
    const partition = auditKeys.targetPartition(filter.targetId);
    const after = decodeCursor(page.cursor, auditKeys.entryPrefix);
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: page.limit,
        // The entry's own sort key is its index sort key, so the cursor rebuilds both.
        ...(after ? { ExclusiveStartKey: { GSI1PK: partition, GSI1SK: after, PK: auditKeys.trailPartition, SK: after } } : {}),
      }),
    );
    return { items: Items.map(toAuditRecord), nextCursor: encodeCursor(LastEvaluatedKey?.GSI1SK as string | undefined) };
  }
}

function toAuditRecord(item: Record<string, unknown>): AuditRecord {
  return {
    id: item.id as string,
    at: item.at as string,
    actor: item.actor as AuditRecord['actor'],
    action: item.action as AuditRecord['action'],
    targetType: item.targetType as AuditRecord['targetType'],
    targetId: item.targetId as string,
    detail: item.detail as string,
    reason: (item.reason as string | null) ?? null,
  };
}
