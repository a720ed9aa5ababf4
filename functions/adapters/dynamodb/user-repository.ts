import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';
import type { AuditActor, AuditRecord } from '../../domain/audit';
import type { FlowerAccount } from '../../domain/ledger';
import type { Clock, Page, UserRepository } from '../../domain/ports';
import type { ProfileWriter, Role, UserRecord } from '../../domain/user';
import { NotFoundError, RuleViolation } from '../../domain/errors';
import { roleKeys } from './audit-keys';
import { auditEntryWrite } from './audit-repository';
import { queryAll, type TableContext } from './client';
import { newestFirstPage } from './cursor';
import { cancellationReasons } from './errors';
import type { TransactItem } from './ledger-repository';
import { userKeys } from './user-keys';

/** Audit ids that sort in the order this process made them, also within one millisecond. */
const auditId = monotonicFactory();

/** Profiles are spread over this many GSI1 partitions so listing users never needs a scan. */
export const USER_INDEX_SHARDS = 8;

function userIndexKeys(userId: string) {
  const shard = createHash('sha1').update(userId).digest().readUInt8(0) % USER_INDEX_SHARDS;
  return { GSI1PK: `USERS#${shard}`, GSI1SK: userId };
}

export class DynamoUserRepository implements UserRepository, ProfileWriter {
  constructor(
    private readonly table: TableContext,
    private readonly clock: Clock,
  ) {}

  async findById(userId: string): Promise<UserRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.profile(userId) }));
    return Item ? toUser(Item) : null;
  }

  async findOrCreateByOpenid(
    openid: string,
    profile: { nickname: string; roles: Role[] },
    grantedBy: AuditActor = { kind: 'system', id: 'sign-in', label: '首次登录' },
  ): Promise<{ user: UserRecord; created: boolean }> {
    const existing = await this.findByOpenid(openid);
    if (existing) return { user: existing, created: false };
    const user: UserRecord = { id: ulid(), openid, nickname: profile.nickname, roles: profile.roles, createdAt: this.clock.now().toISOString() };
    const TableName = this.table.tableName;
    // A person created with roles beyond donor (dev sign-in, the demo seed) gets them recorded
    // like any later grant.
    const granted = this.roleChangeWrites(user.id, [], profile.roles, grantedBy, user.createdAt, '创建账号时授予');
    try {
      // The openid item makes "one user per openid" a database fact, also when two logins race.
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...userKeys.openid(openid), type: 'OPENID', userId: user.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Put: {
                TableName,
                Item: { ...userKeys.profile(user.id), ...userIndexKeys(user.id), type: 'USER', ...user },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName,
                Item: { ...userKeys.account(user.id), type: 'ACCOUNT', ...noEntriesYet(user.id), updatedAt: user.createdAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...granted,
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

  async findByOpenid(openid: string): Promise<UserRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.openid(openid), ConsistentRead: true }));
    return Item ? this.findById(Item.userId as string) : null;
  }

  /**
   * Sets a person's roles to `to`, if they are still `from` (else 409 ROLES_CHANGED: someone else
   * changed them meanwhile), with the role-holder items and one audit entry per role granted or
   * revoked, all in one transaction.
   */
  async changeRoles(userId: string, from: Role[], to: Role[], change: { actor: AuditActor; reason: string | null }): Promise<UserRecord> {
    const TableName = this.table.tableName;
    const at = this.clock.now().toISOString();
    const items: TransactItem[] = [
      {
        Update: {
          TableName,
          Key: userKeys.profile(userId),
          UpdateExpression: 'SET #roles = :to',
          ConditionExpression: 'attribute_exists(PK) AND #roles = :from',
          ExpressionAttributeNames: { '#roles': 'roles' },
          ExpressionAttributeValues: { ':to': to, ':from': from },
        },
      },
      ...this.roleChangeWrites(userId, from, to, change.actor, at, change.reason),
    ];
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
        if (!(await this.findById(userId))) throw new NotFoundError('用户不存在');
        throw new RuleViolation('ROLES_CHANGED', '这个人的角色刚刚被别人修改过，请刷新后再试');
      }
      throw err;
    }
    return (await this.findById(userId))!;
  }

  /** Role-holder items added or removed, and an audit entry for each role that changed. */
  private roleChangeWrites(userId: string, from: Role[], to: Role[], actor: AuditActor, at: string, reason: string | null): TransactItem[] {
    const TableName = this.table.tableName;
    const added = to.filter((role) => role !== 'donor' && !from.includes(role));
    const removed = from.filter((role) => role !== 'donor' && !to.includes(role));
    const audit = (role: Role, action: AuditRecord['action']) =>
      auditEntryWrite(TableName, { id: auditId(), at, actor, action, targetType: 'user', targetId: userId, detail: role, reason });
    return [
      ...added.flatMap((role) => [
        { Put: { TableName, Item: { ...roleKeys.member(role, userId), type: 'ROLE_MEMBER', role, userId, grantedAt: at } } },
        audit(role, 'role.grant'),
      ]),
      ...removed.flatMap((role) => [{ Delete: { TableName, Key: roleKeys.member(role, userId) } }, audit(role, 'role.revoke')]),
    ];
  }

  /** The people who hold a role (not donor), by user id. */
  async listRoleHolders(role: Exclude<Role, 'donor'>, page: { limit: number; cursor?: string }): Promise<Page<UserRecord>> {
    const found = await newestFirstPage(this.table, roleKeys.partition(role), 'USER#', page);
    const users = await Promise.all(found.items.map((item) => this.findById(item.userId as string)));
    return { items: users.filter((user): user is UserRecord => user !== null), nextCursor: found.nextCursor };
  }

  async setProfile(userId: string, profile: { nickname: string; avatarUploadId?: string }): Promise<UserRecord | null> {
    const avatar = profile.avatarUploadId === undefined ? {} : { ':avatar': profile.avatarUploadId };
    try {
      const { Attributes } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: userKeys.profile(userId),
          UpdateExpression: profile.avatarUploadId === undefined ? 'SET nickname = :nickname' : 'SET nickname = :nickname, avatarUploadId = :avatar',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':nickname': profile.nickname, ...avatar },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toUser(Attributes) : null;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return null;
      throw err;
    }
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
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: userKeys.wechatSession(userId), ConsistentRead: true }));
    return (Item?.sessionKey as string | undefined) ?? null;
  }

  /** Every user id, shard by shard (for the reconciliation check and admin tools). */
  async *allUserIds(): AsyncGenerator<string> {
    for (let shard = 0; shard < USER_INDEX_SHARDS; shard++) {
      const items = await queryAll(this.table, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `USERS#${shard}` },
      });
      for (const item of items) yield item.GSI1SK as string;
    }
  }
}

/** A new person's account: no ledger entries yet, so every figure (their sums) is zero. */
function noEntriesYet(userId: string): FlowerAccount {
  return { userId, balance: 0, earned: 0, given: 0, version: 0 };
}

export function toUser(item: Record<string, unknown>): UserRecord {
  return {
    id: item.id as string,
    openid: item.openid as string,
    nickname: item.nickname as string,
    roles: item.roles as Role[],
    createdAt: item.createdAt as string,
    ...(typeof item.closedAt === 'string' ? { closedAt: item.closedAt } : {}),
    ...(typeof item.avatarUploadId === 'string' ? { avatarUploadId: item.avatarUploadId } : {}),
  };
}
