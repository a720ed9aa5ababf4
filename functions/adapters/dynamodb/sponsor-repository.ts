import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Sponsor } from '../../domain/steps';
import { queryAll, type TableContext } from './client';
import type { TransactItem } from './ledger-repository';
import { sponsorKeys } from './sponsor-keys';

export class DynamoSponsorRepository {
  constructor(private readonly table: TableContext) {}

  async create(input: Omit<Sponsor, 'id' | 'remainingFen'> & { id?: string }, createdAt: string): Promise<Sponsor> {
    const sponsor: Sponsor = { ...input, id: input.id ?? ulid(), remainingFen: input.budgetFen };
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...sponsorKeys.profile(sponsor.id), ...sponsorKeys.listing(createdAt, sponsor.id), type: 'SPONSOR', ...sponsor, matchedFen: 0, createdAt },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return sponsor;
  }

  /** Every sponsor, oldest first (the first active one with budget left matches). */
  async list(): Promise<Sponsor[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SPONSORS' },
      }),
    );
    return Items.map(toSponsor);
  }

  /** The current figures of one sponsor, read consistently (used while building a match). */
  async current(): Promise<Sponsor[]> {
    const listed = await this.list();
    const fresh = await Promise.all(
      listed.map(async (s) => {
        const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: sponsorKeys.profile(s.id), ConsistentRead: true }));
        return Item ? toSponsor(Item) : null;
      }),
    );
    return fresh.filter((s): s is Sponsor => s !== null);
  }

  /** Spend from the budget (never below zero) and record the match, inside the donor's move. */
  matchWrites(sponsorId: string, amountFen: number, detail: { userId: string; day: string; steps: number; createdAt: string }): TransactItem[] {
    const TableName = this.table.tableName;
    return [
      {
        Update: {
          TableName,
          Key: sponsorKeys.profile(sponsorId),
          UpdateExpression: 'SET remainingFen = remainingFen - :amount, matchedFen = matchedFen + :amount',
          ConditionExpression: 'remainingFen >= :amount AND #status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':amount': amountFen, ':active': 'active' },
        },
      },
      {
        Put: {
          TableName,
          Item: { ...sponsorKeys.match(sponsorId, ulid()), type: 'SPONSOR_MATCH', sponsorId, amountFen, ...detail },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
  }

  /** Budget reconciliation: budget = remaining + the sum of recorded matches. */
  async reconcile(sponsorId: string): Promise<{ budgetFen: number; remainingFen: number; matchedSum: number }> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: sponsorKeys.profile(sponsorId), ConsistentRead: true }));
    const matches = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :match)',
      ExpressionAttributeValues: { ':pk': sponsorKeys.profile(sponsorId).PK, ':match': 'MATCH#' },
      ConsistentRead: true,
    });
    const matchedSum = matches.reduce((sum, item) => sum + (item.amountFen as number), 0);
    return { budgetFen: Item?.budgetFen as number, remainingFen: Item?.remainingFen as number, matchedSum };
  }
}

function toSponsor(item: Record<string, unknown>): Sponsor {
  return {
    id: item.id as string,
    name: item.name as string,
    logoText: item.logoText as string,
    fenPer10kSteps: item.fenPer10kSteps as number,
    budgetFen: item.budgetFen as number,
    remainingFen: item.remainingFen as number,
    status: item.status as Sponsor['status'],
  };
}
