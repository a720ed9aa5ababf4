import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { ShardSpend } from '../../domain/sponsor-budget';
import type { NewSponsor, Sponsor, SponsorFigures, SponsorRepository } from '../../domain/steps';
import type { AuditRecord } from '../../domain/audit';
import { auditEntryWrite } from './audit-repository';
import type { Page } from '../../domain/ports';
import { batchGetAll, queryAll, type TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import type { TransactItem } from './ledger-repository';
import { sponsorKeys } from './sponsor-keys';
import { personKeys } from './person-keys';

export class DynamoSponsorRepository implements SponsorRepository {
  constructor(private readonly table: TableContext) {}

  /** A sponsor and its budget shards; `audit` (an admin creating it) is written in the same transaction. */
  async create(input: NewSponsor, createdAt: string, audit?: (sponsorId: string) => AuditRecord): Promise<Sponsor> {
    const id = input.id ?? ulid();
    const { shardBudgetsFen, ...fields } = input;
    const profile = { ...fields, id };
    const TableName = this.table.tableName;
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: {
                ...sponsorKeys.profile(id),
                ...sponsorKeys.listing(createdAt, id),
                type: 'SPONSOR',
                ...profile,
                shardCount: shardBudgetsFen.length,
                createdAt,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...shardBudgetsFen.map((remainingFen, index): TransactItem => ({
            Put: { TableName, Item: { ...sponsorKeys.shard(id, index), type: 'SPONSOR_BUDGET', sponsorId: id, index, remainingFen, matchedFen: 0 } },
          })),
          ...(audit ? [auditEntryWrite(TableName, audit(id))] : []),
        ],
      }),
    );
    return { ...profile, remainingFen: input.budgetFen };
  }

  /** Every sponsor with what is left of its budget, oldest first (the first active one with budget matches). */
  async list(consistent = false): Promise<SponsorFigures[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SPONSORS' },
      }),
    );
    return this.withFigures(Items, consistent);
  }

  /** GET /sponsors: newest first, a page at a time, with what is left of each budget. */
  async listPage(page: { limit: number; cursor?: string }): Promise<Page<SponsorFigures>> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', 'SPONSORS', page, (sortKey) =>
      sponsorKeys.profile(sortKey.slice(sortKey.lastIndexOf('#') + 1)),
    );
    return { items: await this.withFigures(found.items, false), nextCursor: found.nextCursor };
  }

  private async withFigures(Items: Record<string, unknown>[], consistent: boolean): Promise<SponsorFigures[]> {
    const keys = Items.flatMap((item) => Array.from({ length: item.shardCount as number }, (_, index) => sponsorKeys.shard(item.id as string, index)));
    const shards = new Map<string, { index: number; remainingFen: number }[]>();
    for (const item of await batchGetAll(this.table, keys, consistent)) {
      const list = shards.get(item.sponsorId as string) ?? [];
      list.push({ index: item.index as number, remainingFen: item.remainingFen as number });
      shards.set(item.sponsorId as string, list);
    }
    return Items.map((item) => {
      const own = (shards.get(item.id as string) ?? []).sort((a, b) => a.index - b.index);
      return {
        id: item.id as string,
        name: item.name as string,
        logoText: item.logoText as string,
        fenPer10kSteps: item.fenPer10kSteps as number,
        budgetFen: item.budgetFen as number,
        remainingFen: own.reduce((sum, s) => sum + s.remainingFen, 0),
        status: item.status as Sponsor['status'],
        shards: own,
      };
    });
  }

  /**
   * The writes of one match inside the donor's move, as planned (planShardSpend): each take, on
   * condition its shard still holds what the plan read, and the match's record beside its entry shard.
   */
  matchWrites(
    sponsorId: string,
    amountFen: number,
    spend: ShardSpend,
    detail: { userId: string; day: string; steps: number; createdAt: string },
  ): TransactItem[] {
    const TableName = this.table.tableName;
    const takes = spend.takes.map((take): TransactItem => ({
      Update: {
        TableName,
        Key: sponsorKeys.shard(sponsorId, take.index),
        UpdateExpression: 'SET remainingFen = remainingFen - :amount, matchedFen = matchedFen + :amount',
        ConditionExpression: 'atLeast' in take.holds ? 'remainingFen >= :held' : 'remainingFen = :held',
        ExpressionAttributeValues: { ':amount': take.amountFen, ':held': 'atLeast' in take.holds ? take.holds.atLeast : take.holds.exactly },
      },
    }));
    const matchId = ulid();
    return [
      ...takes,
      {
        Put: {
          TableName,
          Item: {
            ...sponsorKeys.match(sponsorId, spend.entryShard, matchId),
            ...personKeys.sponsorMatch(detail.userId, matchId),
            type: 'SPONSOR_MATCH',
            sponsorId,
            amountFen,
            ...detail,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
  }

  /** Budget reconciliation: budget = Σ remaining + Σ recorded matches. */
  async reconcile(sponsorId: string): Promise<{ budgetFen: number; remainingFen: number; matchedSum: number }> {
    const sponsor = (await this.list(true)).find((s) => s.id === sponsorId);
    if (!sponsor) throw new Error(`no sponsor ${sponsorId}`);
    let matchedSum = 0;
    for (const shard of sponsor.shards) {
      const matches = await queryAll(this.table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :match)',
        ExpressionAttributeValues: { ':pk': sponsorKeys.shard(sponsorId, shard.index).PK, ':match': 'MATCH#' },
        ConsistentRead: true,
      });
      matchedSum += matches.reduce((sum, item) => sum + (item.amountFen as number), 0);
    }
    return { budgetFen: sponsor.budgetFen, remainingFen: sponsor.remainingFen, matchedSum };
  }
}
