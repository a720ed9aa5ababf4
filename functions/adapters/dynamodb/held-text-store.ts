import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { HeldKind, HeldText, HeldTextStore } from '../../domain/content-safety';
import { auditEntryWrite } from './audit-repository';
import type { TableContext } from './client';
import { newestFirstPage } from './cursor';
import { dreamKeys, teamKeys } from './dream-keys';
import { cancellationReasons } from './errors';
import { letterKeys } from './letter-keys';
import { storeKeys } from './store-keys';
import { personKeys } from './person-keys';

/** Held texts are few (what WeChat asks a person to look at): one partition, newest first by ulid. */
const heldKeys = {
  partition: 'HELD',
  prefix: 'HELD#',
  item: (id: string) => ({ PK: 'HELD', SK: `HELD#${id}` }),
};

const targetKey: Record<HeldKind, (id: string) => { PK: string; SK: string }> = {
  dream: dreamKeys.profile,
  team: teamKeys.profile,
  store: storeKeys.profile,
  letter: letterKeys.profile,
};

/** The admin queue of held texts; the held object carries `held: true` until an admin clears it. */
export class DynamoHeldTextStore implements HeldTextStore {
  constructor(private readonly table: TableContext) {}

  async add(held: HeldText): Promise<void> {
    const TableName = this.table.tableName;
    // The object is flagged even if its own write did not carry the flag (a flag set twice is set once).
    await this.table.doc.send(
      new UpdateCommand({
        TableName,
        Key: targetKey[held.kind](held.targetId),
        UpdateExpression: 'SET held = :true',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':true': true },
      }),
    );
    await this.table.doc.send(
      new PutCommand({ TableName, Item: { ...heldKeys.item(held.id), ...personKeys.heldText(held.writerId, held.id), type: 'HELD_TEXT', ...held } }),
    );
  }

  async get(id: string): Promise<HeldText | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: heldKeys.item(id) }));
    return Item ? toHeld(Item) : null;
  }

  async list(page: { limit: number; cursor?: string }): Promise<{ items: HeldText[]; nextCursor: string | null }> {
    const { items, nextCursor } = await newestFirstPage(this.table, heldKeys.partition, heldKeys.prefix, page);
    return { items: items.map(toHeld), nextCursor };
  }

  /** Releases (approve) or keeps hidden for good (reject); false when another admin settled it first. */
  async settle(held: HeldText, release: boolean, audit: AuditRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName, Key: heldKeys.item(held.id), ConditionExpression: 'attribute_exists(PK)' } },
            {
              Update: {
                TableName,
                Key: targetKey[held.kind](held.targetId),
                UpdateExpression: release ? 'REMOVE held' : 'SET held = :true, heldRejected = :true',
                ...(release ? {} : { ExpressionAttributeValues: { ':true': true } }),
              },
            },
            auditEntryWrite(TableName, audit),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }
}

function toHeld(item: Record<string, unknown>): HeldText {
  return {
    id: item.id as string,
    kind: item.kind as HeldKind,
    targetId: item.targetId as string,
    text: item.text as string,
    writerId: item.writerId as string,
    createdAt: item.createdAt as string,
  };
}
