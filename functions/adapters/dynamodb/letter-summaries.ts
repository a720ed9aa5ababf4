import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LetterSummaries, LetterSummary } from '../../domain/letter';
import type { TableContext } from './client';
import { letterKeys } from './letter-keys';

/** A dream's letter count, last date and next due date (written by the letters and the stream). */
export class DynamoLetterSummaries implements LetterSummaries {
  constructor(private readonly table: TableContext) {}

  async get(dreamId: string): Promise<LetterSummary | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: letterKeys.summary(dreamId) }));
    return Item ? { count: Item.count as number, lastPublishedAt: (Item.lastPublishedAt as string | null) ?? null, dueAt: Item.dueAt as string } : null;
  }
}
