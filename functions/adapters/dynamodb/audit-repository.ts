import type { AuditRecord, AuditTrail } from '../../domain/audit';
import type { Page } from '../../domain/ports';
import { auditKeys } from './audit-keys';
import type { TableContext } from './client';
import { newestFirstIndexPage, newestFirstPage } from './cursor';
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
    // An entry's own sort key is its index sort key, so the cursor rebuilds both.
    const found = await newestFirstIndexPage(
      this.table,
      'GSI1',
      auditKeys.targetPartition(filter.targetId),
      page,
      (sortKey) => ({ PK: auditKeys.trailPartition, SK: sortKey }),
      auditKeys.entryPrefix,
    );
    return { items: found.items.map(toAuditRecord), nextCursor: found.nextCursor };
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
