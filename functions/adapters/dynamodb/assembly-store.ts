import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AssemblyRecord, AssemblyStore, QuestionRecord } from '../../domain/assembly';
import type { AuditRecord } from '../../domain/audit';
import { assemblyIdOfQuestion, assemblyKeys } from './assembly-keys';
import { auditEntryWrite } from './audit-repository';
import { batchGetAll, queryAll, type TableContext } from './client';
import { decodeCursor, encodeCursor, newestFirstIndexPage } from './cursor';
import { cancellationReasons, isConditionalCheckFailed, isRetryableWriteConflict } from './errors';
import { ContentionError } from '../../domain/errors';

/** Assemblies, their questions, votes, reports and attendance in the single table. */
export class DynamoAssemblyStore implements AssemblyStore {
  constructor(private readonly table: TableContext) {}

  private get TableName() {
    return this.table.tableName;
  }

  async create(assembly: AssemblyRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.TableName,
        // The stream's INSERT of this item starts the invitations (type, id, dreamId, title on it).
        Item: {
          ...assemblyKeys.profile(assembly.id),
          ...assemblyKeys.dreamIndex(assembly.dreamId, assembly.startsAt, assembly.id),
          type: 'ASSEMBLY',
          ...assembly,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(assemblyId: string): Promise<AssemblyRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.TableName, Key: assemblyKeys.profile(assemblyId), ConsistentRead: true }));
    return Item ? toAssembly(Item) : null;
  }

  async listForDream(dreamId: string, page: { limit: number; cursor?: string }) {
    const found = await newestFirstIndexPage(this.table, 'GSI1', assemblyKeys.dreamPartition(dreamId), page, assemblyKeys.fromDreamIndex);
    return { items: found.items.map(toAssembly), nextCursor: found.nextCursor };
  }

  async close(assemblyId: string, minutes: string, at: string, minutesHeld = false): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.TableName,
          Key: assemblyKeys.profile(assemblyId),
          // Held minutes carry their flag in the closing write, so the stream never sees them unflagged.
          UpdateExpression: `SET #status = :closed, minutes = :minutes, closedAt = :at${minutesHeld ? ', minutesHeld = :true' : ''}`,
          ConditionExpression: '#status = :scheduled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':closed': 'closed',
            ':scheduled': 'scheduled',
            ':minutes': minutes,
            ':at': at,
            ...(minutesHeld ? { ':true': true } : {}),
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async join(assembly: AssemblyRecord, userId: string, at: string): Promise<boolean> {
    return this.onceWithCount(
      {
        ...assemblyKeys.attendee(assembly.id, userId),
        ...assemblyKeys.personAttendee(userId, assembly.id),
        type: 'ASSEMBLY_ATTENDEE',
        assemblyId: assembly.id,
        userId,
        at,
      },
      { keyOf: (shard) => assemblyKeys.attendanceShard(assembly.id, shard), count: assembly.attendanceShards },
      'attendance',
    );
  }

  async attendance(assembly: AssemblyRecord): Promise<number> {
    const keys = Array.from({ length: assembly.attendanceShards }, (_, shard) => assemblyKeys.attendanceShard(assembly.id, shard));
    const shards = await batchGetAll(this.table, keys, true);
    return shards.reduce((sum, item) => sum + ((item.attendance as number) ?? 0), 0);
  }

  async addQuestion(question: QuestionRecord): Promise<void> {
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.TableName,
              Item: {
                ...assemblyKeys.question(question.assemblyId, question.id),
                ...assemblyKeys.personQuestion(question.authorId, question.id),
                // A held question waits in the admins' queue from the start.
                ...(question.held ? assemblyKeys.reviewIndex(question.askedAt, question.id) : {}),
                type: 'ASSEMBLY_QUESTION',
                ...question,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: this.TableName,
              Key: assemblyKeys.profile(question.assemblyId),
              UpdateExpression: 'ADD questionCount :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  }

  async question(questionId: string): Promise<QuestionRecord | null> {
    const assemblyId = assemblyIdOfQuestion(questionId);
    if (!assemblyId) return null;
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.TableName, Key: assemblyKeys.question(assemblyId, questionId), ConsistentRead: true }),
    );
    return Item ? toQuestion(Item) : null;
  }

  async questions(assemblyId: string): Promise<QuestionRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': assemblyKeys.profile(assemblyId).PK, ':prefix': assemblyKeys.questionPrefix },
      ConsistentRead: true,
    });
    return items.map(toQuestion);
  }

  async voteCounts(questions: readonly QuestionRecord[]): Promise<Map<string, number>> {
    const keys = questions.flatMap((question) => Array.from({ length: question.voteShards }, (_, shard) => assemblyKeys.voteShard(question.id, shard)));
    const counts = new Map<string, number>(questions.map((question) => [question.id, 0]));
    for (const item of await batchGetAll(this.table, keys, true)) {
      const questionId = String(item.questionId);
      counts.set(questionId, (counts.get(questionId) ?? 0) + ((item.votes as number) ?? 0));
    }
    return counts;
  }

  vote(question: QuestionRecord, userId: string, at: string): Promise<boolean> {
    return this.onceWithCount(
      {
        ...assemblyKeys.vote(question.id, userId),
        ...assemblyKeys.personVote(userId, question.id),
        type: 'ASSEMBLY_VOTE',
        questionId: question.id,
        assemblyId: question.assemblyId,
        userId,
        at,
      },
      { keyOf: (shard) => assemblyKeys.voteShard(question.id, shard), count: question.voteShards },
      'votes',
      { questionId: question.id },
    );
  }

  async votedBy(userId: string, questionIds: readonly string[]): Promise<Set<string>> {
    const found = await batchGetAll(
      this.table,
      questionIds.map((questionId) => assemblyKeys.vote(questionId, userId)),
      true,
    );
    return new Set(found.map((item) => String(item.questionId)));
  }

  async report(question: QuestionRecord, userId: string, reason: string | null, at: string): Promise<number | null> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.TableName,
                Item: {
                  ...assemblyKeys.report(question.assemblyId, question.id, userId),
                  ...assemblyKeys.personReport(userId, question.id),
                  type: 'ASSEMBLY_REPORT',
                  questionId: question.id,
                  userId,
                  reason,
                  at,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: this.TableName,
                Key: assemblyKeys.question(question.assemblyId, question.id),
                UpdateExpression: 'ADD reportCount :one',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return null;
      throw err;
    }
    return (await this.question(question.id))?.reportCount ?? 0;
  }

  async hideForReview(question: QuestionRecord, at: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.TableName,
          Key: assemblyKeys.question(question.assemblyId, question.id),
          UpdateExpression: 'SET #hidden = :true, GSI2PK = :pk, GSI2SK = :sk',
          ConditionExpression: '#hidden = :false AND #restored = :false AND #removed = :false',
          ExpressionAttributeNames: { '#hidden': 'hidden', '#restored': 'restored', '#removed': 'removed' },
          ExpressionAttributeValues: { ':true': true, ':false': false, ...indexValues(assemblyKeys.reviewIndex(at, question.id)) },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async answer(question: QuestionRecord, answer: Pick<QuestionRecord, 'status' | 'answer' | 'answeredAt' | 'answerLine' | 'answerHeld'>): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.TableName,
          Key: assemblyKeys.question(question.assemblyId, question.id),
          UpdateExpression: `SET #status = :status, answer = :answer, answeredAt = :at, answerLine = :line${answer.answerHeld ? ', answerHeld = :true' : ''}`,
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': answer.status,
            ':answer': answer.answer,
            ':at': answer.answeredAt,
            ':line': answer.answerLine,
            ':open': 'open',
            ...(answer.answerHeld ? { ':true': true } : {}),
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async review(question: QuestionRecord, outcome: Pick<QuestionRecord, 'hidden' | 'removed' | 'restored' | 'held'>, audit: AuditRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.TableName,
                Key: assemblyKeys.question(question.assemblyId, question.id),
                UpdateExpression: 'SET #hidden = :hidden, #removed = :removed, #restored = :restored, #held = :held REMOVE GSI2PK, GSI2SK',
                ExpressionAttributeNames: { '#hidden': 'hidden', '#removed': 'removed', '#restored': 'restored', '#held': 'held' },
                // Only a question waiting in the queue: a second admin's look finds it gone.
                ConditionExpression: 'attribute_exists(GSI2PK)',
                ExpressionAttributeValues: { ':hidden': outcome.hidden, ':removed': outcome.removed, ':restored': outcome.restored, ':held': outcome.held },
              },
            },
            auditEntryWrite(this.TableName, audit),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  async reported(page: { limit: number; cursor?: string }) {
    const after = decodeCursor(page.cursor, '');
    const { Items = [], LastEvaluatedKey } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.TableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': assemblyKeys.reviewPartition },
        ScanIndexForward: true,
        Limit: page.limit,
        ...(after ? { ExclusiveStartKey: { GSI2PK: assemblyKeys.reviewPartition, GSI2SK: after, ...questionKeyOfReviewIndex(after) } } : {}),
      }),
    );
    return { items: Items.map(toQuestion), nextCursor: encodeCursor(LastEvaluatedKey?.GSI2SK as string | undefined) };
  }

  /** Writes `item` only if absent and adds one to `counter` on `shardKey`, in one transaction; false when the item existed. */
  /**
   * Writes `item` only if absent and adds one to `counter` on a random shard, in one transaction;
   * false when the item existed. Two transactions on one shard at once conflict: the loser tries
   * again on another shard (a person's second attempt then finds their item and answers false).
   */
  private async onceWithCount(
    item: Record<string, unknown>,
    shard: { keyOf: (index: number) => { PK: string; SK: string }; count: number },
    counter: string,
    shardFields: Record<string, unknown> = {},
  ): Promise<boolean> {
    const fieldNames = Object.keys(shardFields);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.TableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
              {
                Update: {
                  TableName: this.TableName,
                  Key: shard.keyOf(randomShard(shard.count)),
                  UpdateExpression: `ADD #counter :one${fieldNames.length ? ` SET ${fieldNames.map((_, i) => `#f${i} = :f${i}`).join(', ')}` : ''}`,
                  ExpressionAttributeNames: { '#counter': counter, ...Object.fromEntries(fieldNames.map((name, i) => [`#f${i}`, name])) },
                  ExpressionAttributeValues: { ':one': 1, ...Object.fromEntries(fieldNames.map((name, i) => [`:f${i}`, shardFields[name]])) },
                },
              },
            ],
          }),
        );
        return true;
      } catch (err) {
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
        if (!isRetryableWriteConflict(err)) throw err;
        if (attempt >= MAX_ATTEMPTS) throw new ContentionError({ cause: err });
      }
    }
  }
}

/** Tries of a vote or an attendance whose shard another transaction held at that moment. */
const MAX_ATTEMPTS = 5;

/** Any shard: a person votes once per question, so where their one write lands only needs to spread. */
const randomShard = (shards: number): number => Math.floor(Math.random() * shards);

function indexValues(keys: { GSI2PK: string; GSI2SK: string }) {
  return { ':pk': keys.GSI2PK, ':sk': keys.GSI2SK };
}

function questionKeyOfReviewIndex(indexSortKey: string) {
  const questionId = indexSortKey.slice(indexSortKey.lastIndexOf('#') + 1);
  return assemblyKeys.question(assemblyIdOfQuestion(questionId) ?? '', questionId);
}

function toAssembly(item: Record<string, unknown>): AssemblyRecord {
  return {
    id: item.id as string,
    dreamId: item.dreamId as string,
    charityId: item.charityId as string,
    title: item.title as string,
    startsAt: item.startsAt as string,
    questionsCloseAt: item.questionsCloseAt as string,
    meetingUrl: (item.meetingUrl as string | null) ?? null,
    statementLetterId: (item.statementLetterId as string | null) ?? null,
    status: item.status as AssemblyRecord['status'],
    minutes: (item.minutes as string | null) ?? null,
    createdAt: item.createdAt as string,
    closedAt: (item.closedAt as string | null) ?? null,
    questionCount: (item.questionCount as number) ?? 0,
    attendanceShards: (item.attendanceShards as number) ?? 1,
    ...(item.held === true ? { held: true } : {}),
    ...(item.minutesHeld === true ? { minutesHeld: true } : {}),
  };
}

function toQuestion(item: Record<string, unknown>): QuestionRecord {
  return {
    id: item.id as string,
    assemblyId: item.assemblyId as string,
    dreamId: item.dreamId as string,
    authorId: item.authorId as string,
    text: item.text as string,
    askedAt: item.askedAt as string,
    status: item.status as QuestionRecord['status'],
    answer: (item.answer as string | null) ?? null,
    answeredAt: (item.answeredAt as string | null) ?? null,
    answerLine: (item.answerLine as QuestionRecord['answerLine']) ?? null,
    hidden: item.hidden === true,
    removed: item.removed === true,
    restored: item.restored === true,
    reportCount: (item.reportCount as number) ?? 0,
    held: item.held === true,
    ...(item.answerHeld === true ? { answerHeld: true } : {}),
    voteShards: (item.voteShards as number) ?? 1,
  };
}
