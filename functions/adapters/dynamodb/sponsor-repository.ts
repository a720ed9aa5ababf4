import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { drawDown, splitEvenly } from '../../domain/draw-down';
import type { Sponsor, SponsorFigures, SponsorRepository } from '../../domain/steps';
import type { AuditRecord } from '../../domain/audit';
import { auditEntryWrite } from './audit-repository';
import type { Page } from '../../domain/ports';
import { batchGetAll, queryAll, type TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import type { TransactItem } from './ledger-repository';
import { sponsorKeys } from './sponsor-keys';

/** A sponsor's budget is split over this many shards, so matching spreads its writes. */
export const SPONSOR_SHARDS = 8;

export class DynamoSponsorRepository implements SponsorRepository {
  constructor(private readonly table: TableContext) {}

  /** A sponsor and its budget shards; `audit` (an admin creating it) is written in the same transaction. */
  async create(input: Omit<Sponsor, 'id' | 'remainingFen'> & { id?: string }, createdAt: string, audit?: (sponsorId: string) => AuditRecord): Promise<Sponsor> {
    const id = input.id ?? ulid();
    const { remainingFen: _unused, ...profile } = { ...input, id, remainingFen: 0 };
    const TableName = this.table.tableName;
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: { ...sponsorKeys.profile(id), ...sponsorKeys.listing(createdAt, id), type: 'SPONSOR', ...profile, shardCount: SPONSOR_SHARDS, createdAt },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...splitEvenly(input.budgetFen, SPONSOR_SHARDS).map((remainingFen, index): TransactItem => ({
            Put: { TableName, Item: { ...sponsorKeys.shard(id, index), type: 'SPONSOR_BUDGET', sponsorId: id, index, remainingFen, matchedFen: 0 } },
          })),
          ...(audit ? [auditEntryWrite(TableName, audit(id))] : []),
        ],
      }),
    );
    return { ...input, id, remainingFen: input.budgetFen };
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
   * Spends `amountFen` (planned from `sponsor`'s figures) inside the donor's move: from one random
   * shard that holds it, else gathered from the shards with the most, each found exactly as read.
   * A stale read fails its condition and the move re-plans; no shard ever goes below zero.
   */
  matchWrites(sponsor: SponsorFigures, amountFen: number, detail: { userId: string; day: string; steps: number; createdAt: string }): TransactItem[] {
    const TableName = this.table.tableName;
    const whole = sponsor.shards.filter((s) => s.remainingFen >= amountFen);
    const updates: TransactItem[] = [];
    let entryShard: number;
    if (whole.length > 0) {
      entryShard = whole[randomInt(whole.length)].index;
      updates.push({
        Update: {
          TableName,
          Key: sponsorKeys.shard(sponsor.id, entryShard),
          UpdateExpression: 'SET remainingFen = remainingFen - :amount, matchedFen = matchedFen + :amount',
          ConditionExpression: 'remainingFen >= :amount',
          ExpressionAttributeValues: { ':amount': amountFen },
        },
      });
    } else {
      const takes = drawDown(sponsor.shards, (s) => s.remainingFen, amountFen);
      entryShard = takes[0].index;
      for (const take of takes) {
        updates.push({
          Update: {
            TableName,
            Key: sponsorKeys.shard(sponsor.id, take.index),
            UpdateExpression: 'SET remainingFen = :after, matchedFen = matchedFen + :taken',
            ConditionExpression: 'remainingFen = :before',
            ExpressionAttributeValues: { ':after': take.after, ':before': take.before, ':taken': take.before - take.after },
          },
        });
      }
    }
    return [
      ...updates,
      {
        Put: {
          TableName,
          Item: { ...sponsorKeys.match(sponsor.id, entryShard, ulid()), type: 'SPONSOR_MATCH', sponsorId: sponsor.id, amountFen, ...detail },
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
