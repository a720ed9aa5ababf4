import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnswerRecord, Question, QuizRepository } from '../../domain/quiz';
import { queryAll, type TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { quizKeys } from './quiz-keys';
import { userKeys } from './user-keys';

const BANK_CACHE_MS = 5 * 60_000;

export class DynamoQuizRepository implements QuizRepository {
  private cache: { at: number; questions: Map<string, Question> } | undefined;

  constructor(private readonly table: TableContext) {}

  /** The whole bank, cached for a few minutes per warm function (it changes only by seeding). */
  async bank(): Promise<Map<string, Question>> {
    if (this.cache && Date.now() - this.cache.at < BANK_CACHE_MS) return this.cache.questions;
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': quizKeys.bankPartition } });
    const questions = new Map<string, Question>(
      items.map((item) => [
        item.id as string,
        {
          id: item.id as string,
          topic: item.topic as string,
          prompt: item.prompt as string,
          choices: item.choices as string[],
          answer: item.answer as number,
          explanation: item.explanation as string,
        },
      ]),
    );
    this.cache = { at: Date.now(), questions };
    return questions;
  }

  /** Writes (or overwrites) the bank: the seed script's job. */
  async seed(questions: Question[]): Promise<void> {
    for (let i = 0; i < questions.length; i += 25) {
      await this.table.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.table.tableName]: questions.slice(i, i + 25).map((q) => ({ PutRequest: { Item: { ...quizKeys.question(q.id), type: 'QUESTION', ...q } } })),
          },
        }),
      );
    }
    this.cache = undefined;
  }

  /** This user's answers of one day. */
  async answers(userId: string, day: string): Promise<AnswerRecord[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': userKeys.account(userId).PK, ':prefix': `MARK#quiz#${day}#` },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({ questionId: item.questionId as string, choice: item.choice as number, correct: item.correct as boolean }));
  }

  /** A wrong answer moves no flowers, but still uses up the question: the marker alone, once. */
  async recordWrongAnswer(userId: string, markerId: string, record: AnswerRecord, createdAt: string): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...record, ...userKeys.marker(userId, markerId), type: 'MARKER', createdAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }
}
