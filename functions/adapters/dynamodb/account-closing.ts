import { DeleteCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountClosingPort, AccountDuties, PersonalRecords, UserRecord } from '../../domain/user';
import { roleKeys } from './audit-keys';
import { queryAll, type TableContext } from './client';
import { dreamKeys } from './dream-keys';
import { storeKeys } from './store-keys';
import { userKeys } from './user-keys';

/** The table's own keys: an export shows what is kept, not where. */
const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'];

/** Items in the person's partition that hold personal data erased on closing, by sort-key prefix. */
const ERASED_PREFIXES = ['SUBSCRIBE#', 'NOTIF#', 'LETTERBOX#', 'MARK#notif#'];
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
];

/** Where each type of item elsewhere in the table that names the person shows in the export. */
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
  IDEMPOTENCY: null,
  OPENID: null,
  ROLE_MEMBER: null,
};

/** Attributes by which items elsewhere in the table name a person. */
const NAMING_ATTRIBUTES = ['userId', 'authorId', 'workerId', 'proposerId', 'charityId', 'ownerId', 'donorId', 'captainId'];

/**
 * A person's data across the table: their own partition, and the items elsewhere that name them.
 *
 * The items elsewhere (team memberships, donor entries, letters written) have no index by person,
 * so they are found by one filtered scan. Export and closing are rare, person-initiated requests;
 * an index by person would be the next step if the table grows large.
 */
export class DynamoAccountClosing implements AccountClosingPort {
  constructor(private readonly table: TableContext) {}

  async duties(userId: string): Promise<AccountDuties> {
    const [stores, adopted] = await Promise.all([
      queryAll(this.table, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': storeKeys.ownerPartition(userId) },
      }),
      queryAll(this.table, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: 'charityId = :me',
        ExpressionAttributeValues: { ':pk': dreamKeys.statusPartition('adopted'), ':me': userId },
      }),
    ]);
    return {
      activeStoreIds: stores.filter((item) => item.status === 'active').map((item) => item.id as string),
      adoptedDreamIds: adopted.map((item) => item.id as string),
    };
  }

  async personalRecords(userId: string): Promise<PersonalRecords> {
    const records: PersonalRecords = {};
    const add = (kind: string | null | undefined, item: Record<string, unknown>) => {
      if (!kind) return;
      (records[kind] ??= []).push(withoutKeys(item));
    };
    for (const item of await this.ownPartition(userId)) add(partitionKind(item.SK as string), item);
    for (const item of await this.itemsNaming(userId)) {
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

    // What they gave stays given, under a name that no longer says who gave it.
    const named = (await this.itemsNaming(user.id)).filter((item) => item.type === 'DREAM_DONOR' || item.type === 'TEAM_MEMBER');
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

  /** Items outside the person's partition that name them (see the class comment for why a scan). */
  private async itemsNaming(userId: string): Promise<Record<string, unknown>[]> {
    const names = Object.fromEntries(NAMING_ATTRIBUTES.map((attribute, index) => [`#a${index}`, attribute]));
    const filter = NAMING_ATTRIBUTES.map((_, index) => `#a${index} = :me`).join(' OR ');
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new ScanCommand({
          TableName: this.table.tableName,
          FilterExpression: `(${filter}) AND PK <> :own`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':me': userId, ':own': userKeys.profile(userId).PK },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
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
