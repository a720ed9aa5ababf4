import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../../domain/audit';
import type { HeldKind, HeldText, HeldTextStore } from '../../domain/content-safety';
import { assemblyIdOfQuestion, assemblyKeys } from './assembly-keys';
import { auditEntryWrite } from './audit-repository';
import type { TableContext } from './client';
import { newestFirstPage } from './cursor';
import { distributionKeys } from './distribution-keys';
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

const questionKey = (questionId: string) => assemblyKeys.question(assemblyIdOfQuestion(questionId) ?? '', questionId);

const targetKey: Record<HeldKind, (id: string) => { PK: string; SK: string }> = {
  dream: dreamKeys.profile,
  team: teamKeys.profile,
  store: storeKeys.profile,
  letter: letterKeys.profile,
  distribution: distributionKeys.profile,
  assembly: assemblyKeys.profile,
  question: questionKey,
  answer: questionKey,
  minutes: assemblyKeys.profile,
};

/**
 * The attribute that hides a held text. An answer or minutes hide only themselves, so their
 * question or assembly stays readable by everyone; every other kind hides its whole object.
 */
const flagOf = (kind: HeldKind): string => (kind === 'answer' ? 'answerHeld' : kind === 'minutes' ? 'minutesHeld' : 'held');

/**
 * The update that settles a held text. A held question also waits in the reported-questions
 * queue (GSI2): settling it here takes it out there too, and a rejected one is removed as an
 * admin's look would remove it, so nobody can restore it from that queue by mistake.
 */
function settleUpdate(kind: HeldKind, release: boolean): { UpdateExpression: string; ExpressionAttributeValues?: Record<string, boolean> } {
  const flag = flagOf(kind);
  if (kind === 'question') {
    return release
      ? { UpdateExpression: 'REMOVE held, GSI2PK, GSI2SK' }
      : { UpdateExpression: 'SET held = :true, heldRejected = :true, removed = :true REMOVE GSI2PK, GSI2SK', ExpressionAttributeValues: { ':true': true } };
  }
  return release
    ? { UpdateExpression: `REMOVE ${flag}` }
    : { UpdateExpression: `SET ${flag} = :true, ${flag}Rejected = :true`, ExpressionAttributeValues: { ':true': true } };
}

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
        UpdateExpression: `SET ${flagOf(held.kind)} = :true`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':true': true },
      }),
    );
    await this.table.doc.send(
      new PutCommand({ TableName, Item: { ...heldKeys.item(held.id), ...personKeys.heldText(held.writerId, held.id), type: 'HELD_TEXT', ...held } }),
    );
  }

  private releaseNotice(held: HeldText, at: string): Promise<Record<string, unknown> | null> {
    return noticeItem(this.table, held, at);
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
    const notice = release ? await this.releaseNotice(held, audit.at) : null;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName, Key: heldKeys.item(held.id), ConditionExpression: 'attribute_exists(PK)' } },
            {
              Update: {
                TableName,
                Key: targetKey[held.kind](held.targetId),
                ...settleUpdate(held.kind, release),
              },
            },
            auditEntryWrite(TableName, audit),
            ...(notice ? [{ Put: { TableName, Item: notice } }] : []),
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

/** How long a release notice stays: the stream has read it long before. */
const NOTICE_DAYS = 7;
/** What a notice copies of its object: enough to say what the dispatcher starts, no more. */
const NOTICE_FIELDS = ['id', 'dreamId', 'title', 'startsAt', 'status', 'closedAt', 'held', 'minutesHeld'] as const;

/**
 * The stream's word that a held text was cleared (an INSERT the event dispatcher's filter lets
 * through): it copies what the dispatcher needs of the object as the approve leaves it, so what
 * waited for the text to be visible (an assembly's invitations, its minutes' notice) starts then.
 */
async function noticeItem(table: TableContext, held: HeldText, at: string): Promise<Record<string, unknown> | null> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: targetKey[held.kind](held.targetId), ConsistentRead: true }));
  if (!Item) return null;
  const copied = Object.fromEntries(NOTICE_FIELDS.filter((field) => Item[field] !== undefined).map((field) => [field, Item[field]]));
  return {
    PK: `HELD_RELEASE#${held.id}`,
    SK: 'RELEASE',
    ...copied,
    // The approve clears this flag in the same write.
    [flagOf(held.kind)]: false,
    type: 'HELD_RELEASE',
    releasedKind: held.kind,
    objectType: Item.type,
    expiresAt: Math.floor(Date.parse(at) / 1000) + NOTICE_DAYS * 86_400,
  };
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
