import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '../../contract/enums';
import type { SubscriptionStore } from '../../domain/subscription';
import { batchGetAll, type TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { subscriptionKeys } from './subscription-keys';

export class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(private readonly table: TableContext) {}

  async grant(userId: string, topics: readonly SubscribeTopic[], max: number): Promise<Record<SubscribeTopic, number>> {
    await Promise.all(
      [...new Set(topics)].map(async (topic) => {
        try {
          await this.table.doc.send(
            new UpdateCommand({
              TableName: this.table.tableName,
              Key: subscriptionKeys.credits(userId, topic),
              UpdateExpression: 'ADD credits :one SET #type = :type',
              // Past the cap an accepted tap is kept by WeChat but not counted here: we never send more than we counted.
              ConditionExpression: 'attribute_not_exists(credits) OR credits < :max',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':one': 1, ':max': max, ':type': 'SUBSCRIPTION' },
            }),
          );
        } catch (err) {
          if (!isConditionalCheckFailed(err)) throw err;
        }
      }),
    );
    return this.counts(userId, true);
  }

  async counts(userId: string, consistent = false): Promise<Record<SubscribeTopic, number>> {
    const items = await batchGetAll(
      this.table,
      SUBSCRIBE_TOPICS.map((topic) => subscriptionKeys.credits(userId, topic)),
      consistent,
    );
    const counts = Object.fromEntries(SUBSCRIBE_TOPICS.map((topic) => [topic, 0])) as Record<SubscribeTopic, number>;
    for (const item of items) counts[(item.SK as string).slice('SUBSCRIBE#'.length) as SubscribeTopic] = item.credits as number;
    return counts;
  }

  async spend(userId: string, topic: SubscribeTopic): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: subscriptionKeys.credits(userId, topic),
          UpdateExpression: 'ADD credits :minus',
          ConditionExpression: 'credits >= :one',
          ExpressionAttributeValues: { ':minus': -1, ':one': 1 },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }
}
