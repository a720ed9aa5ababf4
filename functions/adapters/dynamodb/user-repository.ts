import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { emptyAccount } from '../../domain/ledger';
import type { Clock, UserRepository } from '../../domain/ports';
import type { Role, UserRecord } from '../../domain/user';
import { NotFoundError } from '../../shared/errors';
import { queryAll, type TableContext } from './client';
import { cancellationReasons } from './errors';
import { userKeys } from './user-keys';

/** Profiles are spread over this many GSI1 partitions so listing users never needs a scan. */
export const USER_INDEX_SHARDS = 8;

function userIndexKeys(userId: string) {
  const shard = createHash('sha1').update(userId).digest().readUInt8(0) % USER_INDEX_SHARDS;
  return { GSI1PK: `USERS#${shard}`, GSI1SK: userId };
}

export class DynamoUserRepository implements UserRepository {
  constructor(
    private readonly table: TableContext,
    private readonly clock: Clock,
  ) {}

  async findById(userId: string): Promise<UserRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.profile(userId) }));
    return Item ? toUser(Item) : null;
  }

  async findOrCreateByOpenid(openid: string, profile: { nickname: string; roles: Role[] }): Promise<{ user: UserRecord; created: boolean }> {
    const existing = await this.findByOpenid(openid);
    if (existing) return { user: existing, created: false };
    const user: UserRecord = { id: ulid(), openid, nickname: profile.nickname, roles: profile.roles, createdAt: this.clock.now().toISOString() };
    const TableName = this.table.tableName;
    try {
      // The openid item makes "one user per openid" a database fact, also when two logins race.
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...userKeys.openid(openid), type: 'OPENID', userId: user.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName, Item: { ...userKeys.profile(user.id), ...userIndexKeys(user.id), type: 'USER', ...user }, ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Put: {
                TableName,
                Item: { ...userKeys.account(user.id), type: 'ACCOUNT', ...emptyAccount(user.id), updatedAt: user.createdAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return { user, created: true };
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
        const winner = await this.findByOpenid(openid);
        if (winner) return { user: winner, created: false };
      }
      throw err;
    }
  }

  private async findByOpenid(openid: string): Promise<UserRecord | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: userKeys.openid(openid), ConsistentRead: true }),
    );
    return Item ? this.findById(Item.userId as string) : null;
  }

  async setRoles(userId: string, roles: Role[]): Promise<UserRecord> {
    const { Attributes } = await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: userKeys.profile(userId),
        UpdateExpression: 'SET #roles = :roles',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': roles },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (!Attributes) throw new NotFoundError('用户不存在');
    return toUser(Attributes);
  }

  async saveSessionKey(userId: string, sessionKey: string): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...userKeys.wechatSession(userId), type: 'WECHAT_SESSION', sessionKey, updatedAt: this.clock.now().toISOString() },
      }),
    );
  }

  async getSessionKey(userId: string): Promise<string | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: userKeys.wechatSession(userId), ConsistentRead: true }),
    );
    return (Item?.sessionKey as string | undefined) ?? null;
  }

  /** Every user id, shard by shard (for the reconciliation check and admin tools). */
  async *allUserIds(): AsyncGenerator<string> {
    for (let shard = 0; shard < USER_INDEX_SHARDS; shard++) {
      const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `USERS#${shard}` } });
      for (const item of items) yield item.GSI1SK as string;
    }
  }
}

function toUser(item: Record<string, unknown>): UserRecord {
  return {
    id: item.id as string,
    openid: item.openid as string,
    nickname: item.nickname as string,
    roles: item.roles as Role[],
    createdAt: item.createdAt as string,
  };
}
