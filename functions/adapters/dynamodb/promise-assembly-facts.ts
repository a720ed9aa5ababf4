import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AssemblyFacts, AssemblyFactsReader, DreamFacts } from '../../domain/promise-ports';
import { assemblyIdOfQuestion, assemblyKeys } from './assembly-keys';
import type { TableContext } from './client';
import { dreamKeys } from './dream-keys';

/**
 * What promises and polls read of the items the assembly core and the dreams own: the assembly's
 * dream, title and status; the dream's adopter; whether a question exists; whether a person gave
 * to the dream (their donor item, the same one the assembly's questions and votes check). Read
 * only, each with one consistent get of the few attributes needed.
 */
export class DynamoPromiseAssemblyFacts implements AssemblyFactsReader {
  constructor(private readonly table: TableContext) {}

  async assembly(assemblyId: string): Promise<AssemblyFacts | null> {
    const item = await this.read(assemblyKeys.profile(assemblyId), 'id, dreamId, title, #status');
    if (!item) return null;
    return { id: item.id as string, dreamId: item.dreamId as string, title: item.title as string, status: item.status === 'closed' ? 'closed' : 'scheduled' };
  }

  async dream(dreamId: string): Promise<DreamFacts | null> {
    const item = await this.read(dreamKeys.profile(dreamId), 'id, title, charityId, shardCount');
    if (!item) return null;
    return { id: item.id as string, title: item.title as string, charityId: (item.charityId as string | null) ?? null, shardCount: item.shardCount as number };
  }

  async questionAssemblyId(questionId: string): Promise<string | null> {
    const assemblyId = assemblyIdOfQuestion(questionId);
    if (!assemblyId) return null;
    const item = await this.read(assemblyKeys.question(assemblyId, questionId), 'assemblyId');
    return item ? (item.assemblyId as string) : null;
  }

  async isDonor(dream: DreamFacts, userId: string): Promise<boolean> {
    return (await this.read(dreamKeys.donor(dream.id, userId, dream.shardCount), 'PK')) !== null;
  }

  private async read(key: Record<string, unknown>, projection: string): Promise<Record<string, unknown> | null> {
    const names = projection.includes('#status') ? { ExpressionAttributeNames: { '#status': 'status' } } : {};
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true, ProjectionExpression: projection, ...names }),
    );
    return Item ?? null;
  }
}
