import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LogState, LogStore } from '../../domain/log-ports';
import type { TableContext } from './client';
import { logKeys } from './log-keys';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * The public log's state item, read as DynamoLogStore reads it, for a function that only needs
 * the served checkpoint (the spot check's seed) and none of the log's appends and receipts.
 */
export class DynamoLogCheckpoint implements Pick<LogStore, 'state'> {
  constructor(private readonly table: TableContext) {}

  async state(): Promise<LogState | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: logKeys.state(), ConsistentRead: true }));
    if (!Item) return null;
    return {
      range: { size: Item.size as number, hashes: (Item.hashes as string[]).map(bytesOf) },
      latest: { size: Item.size as number, note: Item.latestNote as string },
      published: { size: (Item.publishedSize as number) ?? 0, note: (Item.publishedNote as string) ?? '' },
      witnessed: (Item.witnessed as Record<string, number>) ?? {},
    };
  }
}
