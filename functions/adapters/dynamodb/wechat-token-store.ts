import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessTokenStore, StoredAccessToken } from '../../domain/wechat';
import type { TableContext } from './client';
import { isConditionalCheckFailed } from './errors';

/** One WeChat access token per app, shared by every function through the table. */
export const wechatTokenKeys = {
  accessToken: (appId: string) => ({ PK: 'WECHAT', SK: `ACCESS_TOKEN#${appId}` }),
};

export class DynamoAccessTokenStore implements AccessTokenStore {
  constructor(
    private readonly table: TableContext,
    private readonly appId: string,
  ) {}

  async read(): Promise<StoredAccessToken | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: wechatTokenKeys.accessToken(this.appId), ConsistentRead: true }),
    );
    return Item ? { value: Item.value as string, refreshAt: Item.refreshAt as number } : null;
  }

  async write(token: StoredAccessToken): Promise<void> {
    try {
      // A newer token (later refreshAt) written by another function is never replaced by an older one.
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...wechatTokenKeys.accessToken(this.appId), type: 'WECHAT_TOKEN', ...token },
          ConditionExpression: 'attribute_not_exists(refreshAt) OR refreshAt <= :at OR #value = :value',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':at': token.refreshAt, ':value': token.value },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
}
