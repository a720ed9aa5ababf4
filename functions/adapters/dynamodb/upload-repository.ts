import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MediaVerdict, UploadRecord, UploadRepository } from '../../domain/upload';
import { batchGetAll, type TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { uploadKeys } from './upload-keys';
import { personKeys } from './person-keys';

const ATTRIBUTES = ['id', 'ownerId', 'purpose', 'declaredType', 'createdAt', 'checked', 'media'] as const;

export class DynamoUploadRepository implements UploadRepository {
  constructor(private readonly table: TableContext) {}

  async create(upload: UploadRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...uploadKeys.profile(upload.id), ...personKeys.upload(upload.ownerId, upload.id), type: 'UPLOAD', ...upload },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getMany(ids: string[]): Promise<UploadRecord[]> {
    const items = await batchGetAll(this.table, [...new Set(ids)].map(uploadKeys.profile), true);
    return items.map((item) => Object.fromEntries(ATTRIBUTES.map((name) => [name, item[name] ?? null])) as unknown as UploadRecord);
  }

  async markChecked(id: string, checked: NonNullable<UploadRecord['checked']>): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: uploadKeys.profile(id),
          // mediaState is what the stream's filter sees: a photo to send to WeChat's image check.
          UpdateExpression: 'SET checked = :checked, mediaState = :toCheck',
          // Two sends at the same instant both read `checked` as null; only the first write lands.
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(checked) OR attribute_type(checked, :null))',
          ExpressionAttributeValues: { ':checked': checked, ':toCheck': 'to_check', ':null': 'NULL' },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async startMediaCheck(id: string, traceId: string, at: string): Promise<void> {
    const TableName = this.table.tableName;
    // The pointer and the pending verdict together; a verdict pushed before this (WeChat can be
    // quicker than our write) waits on the pointer and is applied just below.
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: uploadKeys.mediaCheck(traceId),
              UpdateExpression: 'SET #type = :type, uploadId = :id, askedAt = :at',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':type': 'MEDIACHECK', ':id': id, ':at': at },
            },
          },
          {
            Update: {
              TableName,
              Key: uploadKeys.profile(id),
              UpdateExpression: 'SET media = :media, mediaState = :asked',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':media': { traceId, verdict: 'pending', at }, ':asked': 'asked' },
            },
          },
        ],
      }),
    );
    const { Item } = await this.table.doc.send(new GetCommand({ TableName, Key: uploadKeys.mediaCheck(traceId), ConsistentRead: true }));
    if (Item?.verdict) await this.applyVerdict(id, traceId, Item.verdict as Exclude<MediaVerdict, 'pending'>, Item.verdictAt as string);
  }

  async settleMediaCheck(traceId: string, verdict: Exclude<MediaVerdict, 'pending'>, at: string): Promise<boolean> {
    let pointer: Record<string, unknown> | undefined;
    try {
      // The first verdict for a trace is kept on its pointer (a replayed or late push changes nothing).
      ({ Attributes: pointer } = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: uploadKeys.mediaCheck(traceId),
          UpdateExpression: 'SET #type = :type, verdict = :verdict, verdictAt = :at',
          ConditionExpression: 'attribute_not_exists(verdict)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'MEDIACHECK', ':verdict': verdict, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      ));
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
    // Not asked yet on our side: startMediaCheck applies it when it writes the pointer.
    if (pointer?.uploadId) await this.applyVerdict(pointer.uploadId as string, traceId, verdict, at);
    return true;
  }

  private async applyVerdict(uploadId: string, traceId: string, verdict: Exclude<MediaVerdict, 'pending'>, at: string): Promise<void> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: uploadKeys.profile(uploadId),
          UpdateExpression: 'SET media.verdict = :verdict, media.#at = :at',
          ConditionExpression: 'media.traceId = :trace AND media.verdict = :pending',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':verdict': verdict, ':at': at, ':trace': traceId, ':pending': 'pending' },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
}
