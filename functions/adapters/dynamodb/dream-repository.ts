import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { BoundedMap, BoundedSet } from './bounded-map';
import { ShardCache } from './shard-cache';
import type { AuditRecord } from '../../domain/audit';
import { auditEntryWrite } from './audit-repository';
import { newestFirstPage } from './cursor';
import { ulid } from 'ulid';
import {
  decideGift,
  dreamNotAccepting,
  hourKey,
  initialShardRooms,
  notExecutable,
  notInReview,
  PUBLIC_STATUSES,
  shardsAfterGift,
  totalsOf,
  type DreamCategory,
  type DreamRecord,
  type DreamShard,
  type DreamStatus,
  type DreamTotals,
  type DreamRepository,
  type GiftInput,
  type GiftOutcome,
  type GiftPlan,
  type MatchFund,
} from '../../domain/dream';
import type { Clock, LedgerRepository, Page } from '../../domain/ports';
import { ValidationError } from '../../shared/errors';
import { batchGetAll, type TableContext } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { dreamKeys, teamKeys } from './dream-keys';
import { toDream, toShard } from './dream-items';
import { cancellationReasons } from './errors';
import { asPendingWrite, type TransactItem } from './ledger-repository';

const SHARD_CACHE_MS = 1_000;
/**
 * Each shard gift drops the hour counters 25 and 26 hours old: a dream with gifts every hour stays
 * at ~26 counters; a quiet dream may keep a few older ones, which readers ignore (cheaper than
 * removing a whole day's names on every hot write).
 */
const STALE_HOURS = [25, 26];
const PROFILE_CACHE_MS = 1_000;

/** How many dreams' profiles and shard figures one process keeps, and how many (dream, donor) pairs. */
const CACHED_DREAMS = 2_000;
const KNOWN_DONORS = 100_000;

export class DynamoDreamRepository implements DreamRepository {
  /** Every cache here is bounded (CACHED_DREAMS, KNOWN_DONORS): a warm function sees many dreams. */
  private shardCache = new ShardCache(CACHED_DREAMS, SHARD_CACHE_MS);
  /** (dream, donor) pairs known to have given: that never becomes false, so it is cached (bounded). */
  private knownDonors = new BoundedSet<string>(KNOWN_DONORS);

  constructor(
    private readonly table: TableContext,
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
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

  private profileCache = new BoundedMap<string, { at: number; dream: DreamRecord }>(CACHED_DREAMS);

  /**
   * The dream for planning a gift, cached a second per warm function: a popular dream is read
   * thousands of times a second, and the conditions in the gift's transaction, not this read,
   * enforce its status.
   */
  async getForGift(dreamId: string): Promise<DreamRecord | null> {
    const cached = this.profileCache.get(dreamId);
    if (cached && Date.now() - cached.at < PROFILE_CACHE_MS) return cached.dream;
    const dream = await this.get(dreamId);
    if (dream) this.profileCache.set(dreamId, { at: Date.now(), dream });
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
   */
  async shardsOf(dreams: DreamRecord[], mode: 'show' | 'plan' | 'exact' = 'show'): Promise<Map<string, DreamShard[]>> {
    const consistent = mode === 'exact';
    const result = new Map<string, DreamShard[]>();
    const wanted: { dreamId: string; index: number }[] = [];
    for (const dream of dreams) {
      const cached = mode === 'exact' ? undefined : this.shardCache.usable(dream.id, mode);
      if (cached) result.set(dream.id, cached);
      else if (dream.shardCount > 0 && dream.status !== 'in_review' && dream.status !== 'rejected') {
        for (let index = 0; index < dream.shardCount; index++) wanted.push({ dreamId: dream.id, index });
      } else result.set(dream.id, []);
    }
    const fetched = new Map<string, DreamShard[]>();
    const startedAt = this.shardCache.readStarted();
    for (const item of await batchGetAll(
      this.table,
      wanted.map((w) => dreamKeys.shard(w.dreamId, w.index)),
      consistent,
    )) {
      const list = fetched.get(item.dreamId as string) ?? [];
      list.push(toShard(item));
      fetched.set(item.dreamId as string, list);
    }
    for (const [dreamId, shards] of fetched) {
      shards.sort((a, b) => a.index - b.index);
      this.shardCache.stored(dreamId, shards, startedAt);
      result.set(dreamId, shards);
    }
    for (const dream of dreams) if (!result.has(dream.id)) result.set(dream.id, []);
    return result;
  }

  async totals(dreams: DreamRecord[]): Promise<Map<string, DreamTotals>> {
    const shards = await this.shardsOf(dreams);
    const now = this.clock.now();
    return new Map(dreams.map((d) => [d.id, totalsOf(d, shards.get(d.id) ?? [], now)]));
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

  /** Approve (creates the counter shards, opens the dream) or reject, only from in_review. */
  async review(dreamId: string, decision: { approve: boolean; note: string | null; matchFund: MatchFund | null; audit: AuditRecord }): Promise<DreamRecord> {
    const dream = await this.get(dreamId, true);
    if (!dream) throw new Error('dream vanished');
    const status: DreamStatus = decision.approve ? 'open' : 'rejected';
    const now = this.clock.now().toISOString();
    const TableName = this.table.tableName;
    const rooms = initialShardRooms(dream.targetFlowers, dream.shardCount, decision.matchFund?.budgetFen ?? 0);
    const items: TransactItem[] = [
      {
        Update: {
          TableName,
          Key: dreamKeys.profile(dreamId),
          UpdateExpression: `SET #status = :status, reviewNote = :note, reviewedAt = :now, matchFund = :fund, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk${decision.approve ? ', GSI2PK = :gsi2pk, GSI2SK = :gsi2sk' : ''}`,
          ConditionExpression: '#status = :inReview',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':note': decision.note,
            ':now': now,
            ':fund': decision.matchFund,
            ':inReview': 'in_review',
            ':gsi1pk': dreamKeys.statusIndex(status, dream.createdAt, dreamId).GSI1PK,
            ':gsi1sk': dreamKeys.statusIndex(status, dream.createdAt, dreamId).GSI1SK,
            ...(decision.approve
              ? { ':gsi2pk': dreamKeys.publicIndex(dream.createdAt, dreamId).GSI2PK, ':gsi2sk': dreamKeys.publicIndex(dream.createdAt, dreamId).GSI2SK }
              : {}),
          },
        },
      },
    ];
    if (decision.approve) {
      rooms.forEach(({ room, fundRoomFen }, index) =>
        items.push({
          Put: {
            TableName,
            Item: {
              ...dreamKeys.shard(dreamId, index),
              type: 'DREAM_SHARD',
              dreamId,
              index,
              flowers: 0,
              donors: 0,
              matchedFen: 0,
              room,
              fundRoomFen,
              accepting: true,
            },
          },
        }),
      );
    }
    items.push(auditEntryWrite(TableName, decision.audit));
    await this.transact(items, () => notInReview());
    return (await this.get(dreamId, true))!;
  }

  /** executable → adopted: the charity takes it on; every shard stops accepting in the same write. */
  async adopt(dreamId: string, charityId: string): Promise<DreamRecord> {
    const dream = await this.get(dreamId, true);
    if (!dream) throw new Error('dream vanished');
    const TableName = this.table.tableName;
    const now = this.clock.now().toISOString();
    await this.transact(
      [
        {
          Update: {
            TableName,
            Key: dreamKeys.profile(dreamId),
            UpdateExpression: 'SET #status = :adopted, charityId = :charity, adoptedAt = :now, GSI1PK = :pk, GSI1SK = :sk',
            ConditionExpression: '#status = :executable',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':adopted': 'adopted',
              ':charity': charityId,
              ':now': now,
              ':executable': 'executable',
              ':pk': dreamKeys.statusIndex('adopted', dream.createdAt, dreamId).GSI1PK,
              ':sk': dreamKeys.statusIndex('adopted', dream.createdAt, dreamId).GSI1SK,
            },
          },
        },
        ...Array.from({ length: dream.shardCount }, (_, index): TransactItem => ({
          Update: {
            TableName,
            Key: dreamKeys.shard(dreamId, index),
            UpdateExpression: 'SET accepting = :false',
            ExpressionAttributeValues: { ':false': false },
          },
        })),
      ],
      () => notExecutable(),
    );
    this.shardCache.forget(dreamId);
    return (await this.get(dreamId, true))!;
  }

  private async transact(items: TransactItem[], onFirstConditionFailed: () => Error): Promise<void> {
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') throw onFirstConditionFailed();
      throw err;
    }
  }

  async hasGiven(dream: DreamRecord, userId: string): Promise<boolean> {
    const pair = `${dream.id}|${userId}`;
    if (this.knownDonors.has(pair)) return true;
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: dreamKeys.donor(dream.id, userId, dream.shardCount), ConsistentRead: true }),
    );
    if (Item) this.knownDonors.add(pair);
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

  /**
   * One gift: the donor's ledger move (balance never negative, idempotent) and the dream's side —
   * a counter shard, or the serialized path that crosses the target — in one transaction.
   */
  async give(input: GiftInput): Promise<GiftOutcome> {
    let attempt = 0;
    let outcome: Omit<GiftOutcome, 'move'> | undefined;
    let committedPlan: GiftPlan | undefined;
    let sentAt = 0;
    const now = () => this.clock.now();
    const extraWrites = async (): Promise<TransactItem[]> => {
      attempt += 1;
      const fresh = attempt > 1;
      // Conditions on the shards and the dream item are what enforce the rules; the reads only
      // plan, so the first attempt may use what the caller read and cached shard figures.
      const dream = fresh ? await this.get(input.dream.id, true) : input.dream;
      if (!dream) throw dreamNotAccepting();
      let shards = (await this.shardsOf([dream], fresh ? 'exact' : 'plan')).get(dream.id) ?? [];
      const newDonor = !(await this.hasGiven(dream, input.userId));
      const nickname = newDonor ? await input.nickname() : '';
      const gift = { flowers: input.flowers, newDonor, now: now(), random: input.random };
      let decision = decideGift(dream, shards, gift);
      if (decision.plan.path === 'serialized' && !fresh) {
        // The serialized path must see exact figures: re-read the shards consistently.
        shards = (await this.shardsOf([dream], 'exact')).get(dream.id) ?? [];
        decision = decideGift(dream, shards, gift);
      }
      const { plan, flips: flipped } = decision;
      const items = this.giftItems(dream, shards, plan, input, newDonor ? nickname : null, flipped);
      committedPlan = plan;
      // The transaction goes out right after this returns: no read that came back before now can contain it.
      sentAt = this.shardCache.giftSent();
      outcome = {
        dream: flipped ? { ...dream, status: 'executable', executableAt: now().toISOString() } : dream,
        totals: decision.totalsAfter,
        matchFen: plan.matchFen,
        flipped,
        newDonor,
      };
      return items;
    };
    const move = await this.ledger.move(
      { userId: input.userId, delta: -input.flowers, reason: 'dream_donation', refId: input.dream.id, note: input.dream.title },
      { alsoWrite: async () => (await extraWrites()).map(asPendingWrite), completion: input.completion?.(() => outcome!) },
    );
    if (outcome!.newDonor) this.knownDonors.add(`${input.dream.id}|${input.userId}`);
    this.rememberGift(input.dream.id, committedPlan!, input.flowers, outcome!, sentAt);
    return { move, ...outcome! };
  }

  /**
   * Folds a committed shard gift into this process's cached figures (shardsAfterGift, the domain's
   * arithmetic), so the next gift here starts from them; other processes see it within the
   * cache's second. A serialized gift or a flip drops the figures and the cached profile.
   */
  private rememberGift(dreamId: string, plan: GiftPlan, flowers: number, outcome: Omit<GiftOutcome, 'move'>, sentAt: number): void {
    const folds = plan.path === 'shard' && !outcome.flipped;
    if (!folds) this.profileCache.delete(dreamId);
    const now = this.clock.now();
    this.shardCache.giftCommitted(dreamId, sentAt, folds ? (shards) => shardsAfterGift(shards, plan, { flowers, newDonor: outcome.newDonor, now })! : null);
  }

  private giftItems(
    dream: DreamRecord,
    shards: DreamShard[],
    plan: GiftPlan,
    input: GiftInput,
    newDonorNickname: string | null,
    flipped: boolean,
  ): TransactItem[] {
    const newDonor = newDonorNickname !== null;
    const TableName = this.table.tableName;
    const at = this.clock.now();
    const hour = hourKey(at);
    const currentHour = Number(hour.slice(1));
    const staleNames = Object.fromEntries(STALE_HOURS.map((age) => [`#old${age}`, `h${currentHour - age}`]));
    const items: TransactItem[] = [];
    const donorsAdd = newDonor ? 1 : 0;
    if (plan.path === 'shard') {
      const takes = plan.fundTakes ?? [];
      const own = takes.find((t) => t.index === plan.shardIndex);
      items.push({
        Update: {
          TableName,
          Key: dreamKeys.shard(dream.id, plan.shardIndex),
          UpdateExpression: `ADD flowers :n, donors :d, matchedFen :m SET room = room - :n, fundRoomFen = ${own ? ':fundAfter' : 'fundRoomFen - :m'}, #hour = if_not_exists(#hour, :zero) + :n REMOVE ${Object.keys(staleNames).join(', ')}`,
          // A match gathered from several shards must find each exactly as read; a stale read
          // then retries instead of leaving a remainder unmatched.
          ConditionExpression: `accepting = :true AND room >= :n AND ${own ? 'fundRoomFen = :fundBefore' : 'fundRoomFen >= :m'}`,
          ExpressionAttributeNames: { '#hour': hour, ...staleNames },
          ExpressionAttributeValues: {
            ':n': input.flowers,
            ':d': donorsAdd,
            ':m': plan.matchFen,
            ':zero': 0,
            ':true': true,
            ...(own ? { ':fundAfter': own.after, ':fundBefore': own.before } : {}),
          },
        },
      });
      for (const take of takes.filter((t) => t.index !== plan.shardIndex)) {
        items.push({
          Update: {
            TableName,
            Key: dreamKeys.shard(dream.id, take.index),
            UpdateExpression: 'SET fundRoomFen = :after',
            ConditionExpression: 'fundRoomFen = :before',
            ExpressionAttributeValues: { ':after': take.after, ':before': take.before },
          },
        });
      }
      if (plan.matchFen > 0) items.push(this.matchEntry(dream.id, plan.shardIndex, input, plan.matchFen, at));
    } else {
      const set = [
        'extraFlowers = extraFlowers + :n',
        'extraDonors = extraDonors + :d',
        'extraMatchedFen = extraMatchedFen + :m',
        'version = version + :one',
        '#hours.#hour = if_not_exists(#hours.#hour, :zero) + :n',
      ];
      const values: Record<string, unknown> = {
        ':n': input.flowers,
        ':d': donorsAdd,
        ':m': plan.matchFen,
        ':one': 1,
        ':zero': 0,
        ':version': dream.version,
        ':status': dream.status,
      };
      if (flipped) {
        set.push('#status = :executable', 'executableAt = :now', 'GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk');
        const index = dreamKeys.statusIndex('executable', dream.createdAt, dream.id);
        Object.assign(values, { ':executable': 'executable', ':now': at.toISOString(), ':gsi1pk': index.GSI1PK, ':gsi1sk': index.GSI1SK });
      }
      items.push({
        Update: {
          TableName,
          Key: dreamKeys.profile(dream.id),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: 'version = :version AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status', '#hours': 'hours', '#hour': hour },
          ExpressionAttributeValues: values,
        },
      });
      for (const update of plan.shardUpdates) {
        const before = shards.find((s) => s.index === update.index)!;
        items.push({
          Update: {
            TableName,
            Key: dreamKeys.shard(dream.id, update.index),
            UpdateExpression: 'SET room = :room, fundRoomFen = :fund',
            ConditionExpression: 'room = :roomBefore AND fundRoomFen = :fundBefore AND accepting = :true',
            ExpressionAttributeValues: {
              ':room': update.room,
              ':fund': update.fundRoomFen,
              ':roomBefore': before.room,
              ':fundBefore': before.fundRoomFen,
              ':true': true,
            },
          },
        });
      }
      if (plan.matchFen > 0) items.push(this.matchEntry(dream.id, 'X', input, plan.matchFen, at));
    }
    if (newDonor) {
      const firstAt = at.toISOString();
      items.push({
        Put: {
          TableName,
          Item: {
            ...dreamKeys.donor(dream.id, input.userId, dream.shardCount),
            ...dreamKeys.donorIndex(dream.id, input.userId, dream.shardCount, firstAt),
            type: 'DREAM_DONOR',
            dreamId: dream.id,
            userId: input.userId,
            nickname: newDonorNickname,
            firstAt,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    if (input.teamId) {
      items.push({
        Update: {
          TableName,
          Key: teamKeys.member(input.teamId, input.userId),
          UpdateExpression: 'ADD flowers :n SET lastGiftAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND dreamId = :dream',
          ExpressionAttributeValues: { ':n': input.flowers, ':now': at.toISOString(), ':dream': dream.id },
        },
      });
    }
    return items;
  }

  private matchEntry(dreamId: string, shard: number | 'X', input: GiftInput, fen: number, at: Date): TransactItem {
    const id = ulid();
    return {
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...dreamKeys.matchEntry(dreamId, shard, id),
          type: 'DREAM_MATCH',
          id,
          dreamId,
          userId: input.userId,
          flowers: input.flowers,
          fen,
          createdAt: at.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /** The ids of every public dream (for the hot ranking), newest first, at most `max`. */
  async publicCandidates(max: number, category?: DreamCategory): Promise<DreamRecord[]> {
    const page = await this.list({ category }, { limit: max });
    return page.items.filter((d) => PUBLIC_STATUSES.includes(d.status));
  }
}

export type { GiftInput, GiftOutcome };
