import type { DreamBooksRead, DreamBooksReader } from '../../domain/dream-books';
import { batchGetAll, queryAll, type TableContext } from './client';
import { DynamoDreamAudience } from './dream-audience';
import { dreamKeys } from './dream-keys';
import { toShard } from './dream-items';

/**
 * The dream-side books as stored (npm run reconcile and the integration tests; no function needs
 * them): the dream, its shards, its donor items and its match entries, all read consistently.
 */
export class DynamoDreamBooks implements DreamBooksReader {
  constructor(private readonly table: TableContext) {}

  async read(dreamId: string): Promise<DreamBooksRead> {
    const audience = new DynamoDreamAudience(this.table);
    const dream = (await audience.dream(dreamId))!;
    const shards = (
      await batchGetAll(
        this.table,
        Array.from({ length: dream.shardCount }, (_, index) => dreamKeys.shard(dreamId, index)),
        true,
      )
    )
      .map(toShard)
      .sort((a, b) => a.index - b.index);
    let donorItems = 0;
    for (let shard = 0; shard < dream.shardCount; shard++) {
      let cursor: string | null = null;
      do {
        const page: { userIds: string[]; next: string | null } = await audience.page(dreamId, shard, cursor, 1_000);
        donorItems += page.userIds.length;
        cursor = page.next;
      } while (cursor);
    }
    let matchEntriesFen = 0;
    for (const shard of [...shards.map((s) => s.index), 'X' as const]) {
      const matches = await queryAll(this.table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `DREAM#${dreamId}#S${shard}`, ':prefix': 'MATCH#' },
        ConsistentRead: true,
      });
      matchEntriesFen += matches.reduce((sum, item) => sum + (item.fen as number), 0);
    }
    return { dream, shards, donorItems, matchEntriesFen };
  }
}
