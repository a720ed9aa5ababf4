import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DreamCategory, DreamRecord, DreamShard, DreamStatus } from '../../domain/dream';
import type { DreamReads, ShardFreshness } from '../../domain/dream-ports';
import { ValidationError } from '../../domain/errors';
import type { Page } from '../../domain/ports';
import { batchGetAll, type TableContext } from './client';
import { decodeCursor, encodeCursor, newestFirstPage } from './cursor';
import { DreamCaches } from './dream-caches';
import { toDream, toShard } from './dream-items';
import { dreamKeys } from './dream-keys';

/** Dreams, their counter shards and donors as stored, briefly cached per process (DreamCaches). */
export class DynamoDreamReads implements DreamReads {
  constructor(
    private readonly table: TableContext,
    private readonly caches: DreamCaches,
  ) {}

  /**
   * The dream for planning a gift, cached a second per warm function: a popular dream is read
   * thousands of times a second, and the conditions in the gift's transaction, not this read,
   * enforce its status.
   */
  async getForGift(dreamId: string): Promise<DreamRecord | null> {
    const cached = this.caches.profiles.get(dreamId);
    if (cached && Date.now() - cached.at < this.caches.profileMs) return cached.dream;
    const dream = await this.get(dreamId);
    if (dream) this.caches.profiles.set(dreamId, { at: Date.now(), dream });
    return dream;
  }

  async get(dreamId: string, consistent = false): Promise<DreamRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: dreamKeys.profile(dreamId), ConsistentRead: consistent }),
    );
    return Item ? toDream(Item) : null;
  }

  /**
   * The shard figures of many dreams in batches, briefly cached: `show` (the figures people see),
   * `plan` (a gift's first attempt: may lack a concurrent gift), `exact` (a consistent read).
   * A dream in review or rejected has no shards yet, so nothing is read for it.
   */
  async shardsOf(dreams: DreamRecord[], freshness: ShardFreshness = 'show'): Promise<Map<string, DreamShard[]>> {
    const result = new Map<string, DreamShard[]>();
    const wanted: { dreamId: string; index: number }[] = [];
    for (const dream of dreams) {
      const cached = freshness === 'exact' ? undefined : this.caches.shards.usable(dream.id, freshness);
      if (cached) result.set(dream.id, cached);
      else if (dream.shardCount > 0 && dream.status !== 'in_review' && dream.status !== 'rejected') {
        for (let index = 0; index < dream.shardCount; index++) wanted.push({ dreamId: dream.id, index });
      } else result.set(dream.id, []);
    }
    const fetched = new Map<string, DreamShard[]>();
    const startedAt = this.caches.shards.readStarted();
    for (const item of await batchGetAll(
      this.table,
      wanted.map((w) => dreamKeys.shard(w.dreamId, w.index)),
      freshness === 'exact',
    )) {
      const list = fetched.get(item.dreamId as string) ?? [];
      list.push(toShard(item));
      fetched.set(item.dreamId as string, list);
    }
    for (const [dreamId, shards] of fetched) {
      shards.sort((a, b) => a.index - b.index);
      this.caches.shards.stored(dreamId, shards, startedAt);
      result.set(dreamId, shards);
    }
    for (const dream of dreams) if (!result.has(dream.id)) result.set(dream.id, []);
    return result;
  }

  /** Newest first: one status (GSI1) or every public dream (GSI2), optionally one category. */
  async list(filter: { status?: DreamStatus; category?: DreamCategory }, page: { limit: number; cursor?: string }): Promise<Page<DreamRecord>> {
    const byStatus = filter.status !== undefined;
    const [index, pkName, skName, pk] = byStatus
      ? ['GSI1', 'GSI1PK', 'GSI1SK', dreamKeys.statusPartition(filter.status!)]
      : ['GSI2', 'GSI2PK', 'GSI2SK', dreamKeys.publicPartition];
    const after = decodeCursor(page.cursor, '');
    if (after !== undefined && !/^[^|]+\|DREAM#[0-9A-Z]{26}$/.test(after))
      throw new ValidationError('cursor 无效', [{ path: ['cursor'], message: 'invalid cursor' }]);
    const items: DreamRecord[] = [];
    let start: Record<string, unknown> | undefined = after
      ? { PK: after.split('|')[1], SK: 'PROFILE', [pkName]: pk, [skName]: after.split('|')[0] }
      : undefined;
    // A category filter may thin pages out: keep reading until the page is full or the list ends.
    do {
      const answer = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: index,
          KeyConditionExpression: `${pkName} = :pk`,
          ExpressionAttributeValues: { ':pk': pk, ...(filter.category ? { ':category': filter.category } : {}) },
          ...(filter.category ? { FilterExpression: 'category = :category' } : {}),
          ScanIndexForward: false,
          Limit: page.limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(answer.Items ?? []).map(toDream));
      start = answer.LastEvaluatedKey;
    } while (start && items.length < page.limit);
    const last = items[items.length - 1];
    const nextCursor = start && last ? encodeCursor(`${last.createdAt}#${last.id}|${dreamKeys.profile(last.id).PK}`) : null;
    return { items, nextCursor };
  }

  /** A proposer's dreams, newest first, a page at a time. */
  async listProposedBy(userId: string, page: { limit: number; cursor?: string }): Promise<Page<DreamRecord>> {
    const found = await newestFirstPage(this.table, `USER#${userId}`, dreamKeys.proposedPrefix, page);
    const dreams = await Promise.all(found.items.map((item) => this.get(item.dreamId as string)));
    return { items: dreams.filter((d): d is DreamRecord => d !== null), nextCursor: found.nextCursor };
  }

  /** The newest dreams of the public index (for the hot ranking), at most `max`. */
  async publicCandidates(max: number, category?: DreamCategory): Promise<DreamRecord[]> {
    return (await this.list({ category }, { limit: max })).items;
  }

  async hasGiven(dream: DreamRecord, userId: string): Promise<boolean> {
    const pair = DreamCaches.donorPair(dream.id, userId);
    if (this.caches.donors.has(pair)) return true;
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: dreamKeys.donor(dream.id, userId, dream.shardCount), ConsistentRead: true }),
    );
    if (Item) this.caches.donors.add(pair);
    return !!Item;
  }

  /** Newest donors (by their first gift), merged over the donor shards. */
  async recentDonors(dream: DreamRecord, limit: number): Promise<{ userId: string; nickname: string; firstAt: string }[]> {
    const pages = await Promise.all(
      Array.from({ length: dream.shardCount }, (_, shard) =>
        this.table.doc.send(
          new QueryCommand({
            TableName: this.table.tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': dreamKeys.donorPartition(dream.id, shard) },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      ),
    );
    return pages
      .flatMap((page) => page.Items ?? [])
      .map((item) => ({ userId: item.userId as string, nickname: item.nickname as string, firstAt: item.firstAt as string }))
      .sort((a, b) => (a.firstAt < b.firstAt ? 1 : -1))
      .slice(0, limit);
  }
}
