import { DeleteCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccountClosingPort, AccountDuties, PersonalRecords, UserRecord } from '../../domain/user';
import { roleKeys } from './audit-keys';
import { batchGetAll, queryAll, type TableContext } from './client';
import { dreamKeys } from './dream-keys';
import { mealKeys } from './meal-keys';
import { personKeys } from './person-keys';
import { storeKeys } from './store-keys';
import { userKeys } from './user-keys';

/** The table's own keys: an export shows what is kept, not where. */
const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'];

/** Keys read from an index per page: one person's items are read a bounded page at a time. */
const PAGE_SIZE = 100;

/** Item types whose `nickname` still names the person after closing (their gifts stay, under another name). */
const RENAMED_ON_CLOSING = new Set(['DREAM_DONOR', 'TEAM_MEMBER']);

/** Items in the person's partition that hold personal data erased on closing, by sort-key prefix. */
const ERASED_PREFIXES = ['SUBSCRIBE#', 'NOTIF#', 'LETTERBOX#', 'MARK#notif#'];
/**
 * The public log's salts are destroyed: its entries stay valid, but nobody can link them to the
 * person again. The item itself stays, without its salt, because it is also the entry's claim (a
 * gift delivered again by the stream must still find its entry taken).
 */
const SALT_PREFIX = 'LOGSALT#';
const ERASED_ITEMS = ['WECHAT_SESSION', 'INBOX', 'LETTERBOX'];

/** Where each kind of item of the person's partition shows in the export (none: not shown). */
const PARTITION_KINDS: [prefix: string, kind: string | null][] = [
  ['PROFILE', null],
  ['ACCOUNT', null],
  ['WECHAT_SESSION', null],
  ['INBOX', null],
  ['LEDGER#', null],
  ['LETTERBOX#', 'letters'],
  ['LETTERBOX', null],
  ['NOTIF#', 'notifications'],
  ['SUBSCRIBE#', 'subscriptions'],
  ['DREAM#', 'dreams'],
  ['MEALS#', 'meals'],
  ['MARK#', 'markers'],
  ['LOGSALT#', 'logReceipts'],
];

/** Where each type of item elsewhere in the table that holds the person's data shows in the export (any other type: under its own name, lower-cased). */
const ITEM_KINDS: Record<string, string | null> = {
  DREAM: 'dreams',
  DREAM_DONOR: 'dreams',
  TEAM: 'teams',
  TEAM_MEMBER: 'teams',
  LETTER: 'letters',
  MEAL_DONATION: 'donations',
  MEAL_REDEMPTION: 'meals',
  MEAL_PASS_USED: 'meals',
  STORE: 'stores',
  LOWCARBON_ACTION: 'lowcarbon',
};

/**
 * A person's data across the table: their own partition, and the items elsewhere that hold their
 * data. Those are found by queries on the person alone, never by reading the whole table: the
 * person index (GSI3, see person-keys.ts) for most kinds, the donor's and the owner's GSI1 lists
 * for donations and stores, and the PROPOSED_DREAM pointers of their own partition for the dreams
 * they proposed.
 */
export class DynamoAccountClosing implements AccountClosingPort {
  constructor(private readonly table: TableContext) {}

  async duties(userId: string): Promise<AccountDuties> {
    const [stores, charityDreams] = await Promise.all([
      queryAll(this.table, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': storeKeys.ownerPartition(userId) },
      }),
      this.indexedItems(userId, 'DREAM'),
    ]);
    return {
      activeStoreIds: stores.filter((item) => item.status === 'active').map((item) => item.id as string),
      adoptedDreamIds: charityDreams.filter((item) => item.status === 'adopted' && item.charityId === userId).map((item) => item.id as string),
    };
  }

  async personalRecords(userId: string): Promise<PersonalRecords> {
    const records: PersonalRecords = {};
    const add = (kind: string | null | undefined, item: Record<string, unknown>) => {
      if (!kind) return;
      (records[kind] ??= []).push(withoutKeys(item));
    };
    const own = await this.ownPartition(userId);
    for (const item of own) add(partitionKind(item.SK as string), item);
    for (const item of await this.itemsElsewhere(userId, own)) {
      const type = String(item.type ?? 'OTHER');
      add(type in ITEM_KINDS ? ITEM_KINDS[type] : type.toLowerCase(), item);
    }
    return records;
  }

  async close(user: UserRecord, closing: { at: string; nickname: string }): Promise<void> {
    const TableName = this.table.tableName;
    const own = await this.ownPartition(user.id);
    const erased = own.filter((item) => isErased(item.SK as string));
    await inChunks(erased, (item) => this.table.doc.send(new DeleteCommand({ TableName, Key: { PK: item.PK, SK: item.SK } })));
    const salts = own.filter((item) => (item.SK as string).startsWith(SALT_PREFIX) && item.salt !== undefined);
    await inChunks(salts, (item) => this.table.doc.send(new UpdateCommand({ TableName, Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'REMOVE salt' })));

    // What they gave stays given, under a name that no longer says who gave it.
    const named: Record<string, unknown>[] = [];
    for await (const keys of this.personIndexPages(user.id))
      named.push(...keys.filter((key) => RENAMED_ON_CLOSING.has(personKeys.typeOf(key.GSI3SK as string))));
    await inChunks(named, (item) =>
      this.table.doc.send(
        new UpdateCommand({
          TableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: 'SET nickname = :closed',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':closed': closing.nickname },
        }),
      ),
    );

    const grantedRoles = user.roles.filter((role) => role !== 'donor');
    await inChunks(grantedRoles, (role) => this.table.doc.send(new DeleteCommand({ TableName, Key: roleKeys.member(role, user.id) })));

    // Last, in one transaction: the openid no longer leads here and the profile says closed, so
    // an interrupted close can simply be asked again.
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName,
              Key: userKeys.openid(user.openid),
              ConditionExpression: 'attribute_not_exists(PK) OR userId = :me',
              ExpressionAttributeValues: { ':me': user.id },
            },
          },
          {
            Update: {
              TableName,
              Key: userKeys.profile(user.id),
              UpdateExpression: 'SET nickname = :closed, closedAt = :at, #roles = :donor REMOVE openid, avatarUploadId',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#roles': 'roles' },
              ExpressionAttributeValues: { ':closed': closing.nickname, ':at': closing.at, ':donor': ['donor'] },
            },
          },
        ],
      }),
    );
  }

  private ownPartition(userId: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': userKeys.profile(userId).PK },
      ConsistentRead: true,
    });
  }

  /**
   * Every item outside the person's partition that holds their data, each read once (consistently
   * where read from the table itself). `own` is their partition, for the PROPOSED_DREAM pointers.
   */
  private async itemsElsewhere(userId: string, own: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const proposed = own.filter((item) => item.type === 'PROPOSED_DREAM').map((item) => dreamKeys.profile(item.dreamId as string));
    const [indexed, proposedDreams, donations, stores] = await Promise.all([
      this.indexedItems(userId),
      batchGetAll(this.table, proposed, true),
      this.pagedQuery({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': mealKeys.donorPartition(userId) } }),
      this.pagedQuery({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': storeKeys.ownerPartition(userId) } }),
    ]);
    const seen = new Set<string>();
    return [...indexed, ...proposedDreams, ...donations, ...stores].filter((item) => {
      const key = `${item.PK as string}\n${item.SK as string}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The person-indexed items themselves (optionally of one type), read page by page of the index. */
  private async indexedItems(userId: string, type?: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for await (const keys of this.personIndexPages(userId, type)) {
      items.push(
        ...(await batchGetAll(
          this.table,
          keys.map((key) => ({ PK: key.PK, SK: key.SK })),
          true,
        )),
      );
    }
    return items;
  }

  /** The person index's keys for this person, a bounded page at a time. */
  private personIndexPages(userId: string, type?: string): AsyncGenerator<Record<string, unknown>[]> {
    return this.pages({
      IndexName: 'GSI3',
      KeyConditionExpression: type ? 'GSI3PK = :pk AND begins_with(GSI3SK, :type)' : 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': personKeys.partition(userId), ...(type ? { ':type': `${type}#` } : {}) },
    });
  }

  private async pagedQuery(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for await (const page of this.pages(input)) items.push(...page);
    return items;
  }

  private async *pages(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>): AsyncGenerator<Record<string, unknown>[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(new QueryCommand({ ...input, TableName: this.table.tableName, Limit: PAGE_SIZE, ExclusiveStartKey: start }));
      yield page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  }
}

function partitionKind(sortKey: string): string | null {
  for (const [prefix, kind] of PARTITION_KINDS) if (sortKey === prefix || (prefix.endsWith('#') && sortKey.startsWith(prefix))) return kind;
  return 'other';
}

function isErased(sortKey: string): boolean {
  return ERASED_ITEMS.includes(sortKey) || ERASED_PREFIXES.some((prefix) => sortKey.startsWith(prefix));
}

function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { sessionKey: _secret, ...rest } = item;
  for (const key of KEY_ATTRIBUTES) delete rest[key];
  return rest;
}

/** A few writes at a time: closing is rare, and the table's other traffic comes first. */
async function inChunks<T>(things: readonly T[], write: (thing: T) => Promise<unknown>, size = 10): Promise<void> {
  for (let i = 0; i < things.length; i += size) await Promise.all(things.slice(i, i + size).map(write));
}
