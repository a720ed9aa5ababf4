import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type {
  BooksMove,
  BooksRetreat,
  LetterRecord,
  LetterRepository,
  LetterReviewPlan,
  PreviousStatement,
  RetractionPlan,
  RetractionWrite,
  ReviewWrite,
} from '../../domain/letter';
import { auditEntryWrite } from './audit-repository';
import { batchGetAll, type TableContext } from './client';
import { decodeCursor, encodeCursor, newestFirstIndexPage } from './cursor';
import { cancellationReasons, isConditionalCheckFailed } from './errors';
import { letterKeys } from './letter-keys';
import { personKeys } from './person-keys';

const LETTER_ATTRIBUTES = [
  'id',
  'dreamId',
  'authorId',
  'kind',
  'title',
  'body',
  'photos',
  'happenedAt',
  'status',
  'createdAt',
  'publishedAt',
  'reviewNote',
  'corrects',
  'statement',
  'retraction',
] as const;

export class DynamoLetterRepository implements LetterRepository {
  constructor(private readonly table: TableContext) {}

  async create(letter: LetterRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: inReviewItem(letter),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(letterId: string): Promise<LetterRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: letterKeys.profile(letterId), ConsistentRead: true }));
    return Item ? toLetter(Item) : null;
  }

  async getMany(letterIds: string[]): Promise<LetterRecord[]> {
    const items = await batchGetAll(this.table, [...new Set(letterIds)].map(letterKeys.profile), false);
    return items.map(toLetter);
  }

  async books(dreamId: string): Promise<PreviousStatement | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: letterKeys.books(dreamId), ConsistentRead: true }));
    // Its first statement retracted, the books stand at nothing again (the item stays, without a letter).
    if (!Item?.letterId) return null;
    return {
      letterId: Item.letterId as string,
      periodEnd: Item.periodEnd as string,
      closingFen: Item.closingFen as number,
      sinceStartIncomeFen: Item.sinceStartIncomeFen as number,
      sinceStartSpendFen: Item.sinceStartSpendFen as number,
    };
  }

  async decide(plan: LetterReviewPlan): Promise<ReviewWrite> {
    const TableName = this.table.tableName;
    const { letter, publication } = plan;
    const update = {
      Update: {
        TableName,
        Key: letterKeys.profile(letter.id),
        // Out of the review queue; a published one goes onto the dream's timeline (GSI2).
        UpdateExpression: publication
          ? 'SET #status = :status, publishedAt = :at, reviewNote = :note, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk'
          : 'SET #status = :status, reviewNote = :note REMOVE GSI2PK, GSI2SK',
        ConditionExpression: '#status = :inReview',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': letter.status,
          ':note': letter.reviewNote,
          ':inReview': 'in_review',
          ...(publication ? { ':at': publication.at, ...timelineValues(letter, publication.at) } : {}),
        },
      },
    };
    const books = publication?.books ? [booksWrite(TableName, letter.dreamId, publication.books)] : [];
    const summary = publication ? [summaryWrite(TableName, letter.dreamId, publication)] : [];
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: [update, ...books, ...summary] }));
      return 'written';
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (reasons?.[0] === 'ConditionalCheckFailed') return 'no_longer_in_review';
      if (books.length && reasons?.[1] === 'ConditionalCheckFailed') return 'books_moved';
      throw err;
    }
  }

  async retract(plan: RetractionPlan): Promise<RetractionWrite> {
    const TableName = this.table.tableName;
    const { letter, books, audit } = plan;
    const mark = {
      Update: {
        TableName,
        Key: letterKeys.profile(letter.id),
        UpdateExpression: 'SET retraction = :retraction',
        // A letter written before retractions existed has no attribute; one written since has it null.
        ConditionExpression: '#status = :published AND (attribute_not_exists(retraction) OR retraction = :none)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':retraction': letter.retraction, ':published': 'published', ':none': null },
      },
    };
    const moveBack = books ? [booksRetreatWrite(TableName, letter.dreamId, books)] : [];
    try {
      await this.table.doc.send(new TransactWriteCommand({ TransactItems: [mark, ...moveBack, auditEntryWrite(TableName, audit)] }));
      return 'written';
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (reasons?.[0] === 'ConditionalCheckFailed') return 'not_retractable';
      if (moveBack.length && reasons?.[1] === 'ConditionalCheckFailed') return 'books_moved';
      throw err;
    }
  }

  async startSummary(dreamId: string, dueAt: string): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...letterKeys.summary(dreamId),
            ...letterKeys.dueIndex(dueAt, dreamId),
            type: 'LETTER_SUMMARY',
            dreamId,
            count: 0,
            lastPublishedAt: null,
            dueAt,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      // Written already (a redelivered record), or a letter was published first.
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  async overdue(now: string, page: { limit: number; cursor?: string }) {
    const after = decodeCursor(page.cursor, '');
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :now',
        ExpressionAttributeValues: { ':pk': letterKeys.duePartition, ':now': now },
        Limit: page.limit,
        ...(after
          ? { ExclusiveStartKey: { GSI1PK: letterKeys.duePartition, GSI1SK: after, ...letterKeys.summary(after.slice(after.lastIndexOf('#') + 1)) } }
          : {}),
      }),
    );
    return {
      items: Items.map((item) => ({
        dreamId: item.dreamId as string,
        count: (item.count as number) ?? 0,
        lastPublishedAt: (item.lastPublishedAt as string | null) ?? null,
        dueAt: item.dueAt as string,
      })),
      nextCursor: encodeCursor(LastEvaluatedKey?.GSI1SK as string | undefined),
    };
  }

  async resubmit(letter: LetterRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          // Back at its place in the queue (by when it was first written).
          Item: inReviewItem(letter),
          ConditionExpression: '#status = :rejected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':rejected': 'rejected' },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async ofDream(dreamId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', letterKeys.ofDreamPartition(dreamId), page, (sortKey) =>
      letterKeys.profile(letterKeys.letterIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toLetter), nextCursor: found.nextCursor };
  }

  async reviewQueue(page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }> {
    const after = decodeCursor(page.cursor, '');
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': letterKeys.queuePartition },
        Limit: page.limit,
        ...(after
          ? { ExclusiveStartKey: { GSI2PK: letterKeys.queuePartition, GSI2SK: after, ...letterKeys.profile(letterKeys.letterIdOfIndexKey(after)) } }
          : {}),
      }),
    );
    return { items: Items.map(toLetter), nextCursor: encodeCursor(LastEvaluatedKey?.GSI2SK as string | undefined) };
  }

  async timeline(dreamId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }> {
    const found = await newestFirstIndexPage(this.table, 'GSI2', letterKeys.timelinePartition(dreamId), page, (sortKey) =>
      letterKeys.profile(letterKeys.letterIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toLetter), nextCursor: found.nextCursor };
  }
}

function toLetter(item: Record<string, unknown>): LetterRecord {
  const letter = Object.fromEntries(LETTER_ATTRIBUTES.map((name) => [name, item[name] ?? (name === 'photos' ? [] : null)])) as unknown as LetterRecord;
  return item.held === true ? { ...letter, held: true } : letter;
}

/** A letter in review: on its dream's list and in the admins' queue. */
function inReviewItem(letter: LetterRecord) {
  return {
    ...letterKeys.profile(letter.id),
    ...letterKeys.ofDream(letter.dreamId, letter.createdAt, letter.id),
    ...letterKeys.reviewQueue(letter.createdAt, letter.id),
    ...personKeys.letter(letter.authorId, letter.id),
    type: 'LETTER',
    ...letter,
  };
}

/** A published letter's place on its dream's timeline (GSI2). */
function timelineValues(letter: LetterRecord, at: string) {
  const timeline = letterKeys.timeline(letter.dreamId, at, letter.id);
  return { ':gsi2pk': timeline.GSI2PK, ':gsi2sk': timeline.GSI2SK };
}

/** The dream's books moved to the letter, only if they still stand where it was reconciled from. */
function booksWrite(TableName: string, dreamId: string, move: BooksMove) {
  return {
    Put: {
      TableName,
      Item: { ...letterKeys.books(dreamId), type: 'DREAM_BOOKS', dreamId, ...move.to },
      // Before the first statement there is no item, or one a retraction emptied.
      ConditionExpression: move.from ? 'letterId = :previous' : 'attribute_not_exists(letterId)',
      ...(move.from ? { ExpressionAttributeValues: { ':previous': move.from } } : {}),
    },
  };
}

/**
 * The dream's books moved back from a retracted statement, only if they still stand at it: to the
 * statement before it, or emptied (the item keeps only its keys, so the next first letter finds no letter).
 */
function booksRetreatWrite(TableName: string, dreamId: string, retreat: BooksRetreat) {
  const condition = { ConditionExpression: 'letterId = :retracted', ExpressionAttributeValues: { ':retracted': retreat.from } };
  if (retreat.to) {
    return { Put: { TableName, Item: { ...letterKeys.books(dreamId), type: 'DREAM_BOOKS', dreamId, ...retreat.to }, ...condition } };
  }
  return {
    Update: {
      TableName,
      Key: letterKeys.books(dreamId),
      UpdateExpression: 'REMOVE letterId, periodEnd, closingFen, sinceStartIncomeFen, sinceStartSpendFen',
      ...condition,
    },
  };
}

/** A publication moves the dream's count, last date and next due date. */
function summaryWrite(TableName: string, dreamId: string, publication: { at: string; nextDueAt: string }) {
  const due = letterKeys.dueIndex(publication.nextDueAt, dreamId);
  return {
    Update: {
      TableName,
      Key: letterKeys.summary(dreamId),
      UpdateExpression: 'ADD #count :one SET #type = :type, dreamId = :dream, lastPublishedAt = :at, dueAt = :due, GSI1PK = :pk, GSI1SK = :sk',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':type': 'LETTER_SUMMARY',
        ':dream': dreamId,
        ':at': publication.at,
        ':due': publication.nextDueAt,
        ':pk': due.GSI1PK,
        ':sk': due.GSI1SK,
      },
    },
  };
}
