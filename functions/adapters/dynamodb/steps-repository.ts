import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerRepository, MoveGuard, MoveResult, Page } from '../../domain/ports';
import type { PlannedMatch, StepDonationCommand, StepDonationRecord, StepsRepository } from '../../domain/steps';
import type { TableContext } from './client';
import { asPendingWrite } from './ledger-repository';
import type { DynamoSponsorRepository } from './sponsor-repository';
import { newestFirstPage } from './cursor';
import { userKeys } from './user-keys';

const STEPS_MARKER = 'steps#';

/** Step donations: the day's marker, the flowers and the sponsor's match in one transaction. */
export class DynamoStepsRepository implements StepsRepository {
  constructor(
    private readonly table: TableContext,
    private readonly ledger: LedgerRepository,
    private readonly sponsors: DynamoSponsorRepository,
  ) {}

  async hasDonated(userId: string, day: string): Promise<boolean> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: userKeys.marker(userId, `${STEPS_MARKER}${day}`), ConsistentRead: true }),
    );
    return !!Item;
  }

  /**
   * `planMatch` (the use case's, with the domain's shard plan) decides the sponsor's share and which
   * shards pay it from fresh figures on every attempt, so a budget spent by someone else meanwhile
   * is re-planned, never overdrawn.
   */
  async donate(input: StepDonationCommand): Promise<{ move: MoveResult; match: PlannedMatch | null }> {
    let match: PlannedMatch | null = null;
    let attempt = 0;
    const guard: MoveGuard = {
      markerId: `${STEPS_MARKER}${input.day}`,
      onConflict: input.onConflict,
      attributes: () => ({
        date: input.day,
        steps: input.steps,
        flowers: input.flowers,
        matchFen: match?.amountFen ?? 0,
        sponsorName: match?.sponsor.name ?? null,
      }),
    };
    const move = await this.ledger.move(
      { userId: input.userId, delta: input.flowers, reason: 'steps', refId: input.day, note: `${input.day} 捐出 ${input.steps} 步` },
      {
        guards: [guard],
        completion: input.completion?.(() => match),
        alsoWrite: async () => {
          // The first attempt plans from eventually consistent figures; a failed budget
          // condition makes the move retry, and retries read consistently.
          attempt += 1;
          const figures = await this.sponsors.list(attempt > 1);
          const planned = input.planMatch(figures);
          match = planned;
          if (!planned) return [];
          return this.sponsors
            .matchWrites(planned.sponsor.id, planned.amountFen, planned.spend, {
              userId: input.userId,
              day: input.day,
              steps: input.steps,
              createdAt: new Date().toISOString(),
            })
            .map(asPendingWrite);
        },
      },
    );
    return { move, match };
  }

  /** A person's step donations (their once-a-day markers), newest first, a page at a time. */
  async list(userId: string, page: { limit: number; cursor?: string }): Promise<Page<StepDonationRecord>> {
    const { items: Items, nextCursor } = await newestFirstPage(this.table, userKeys.account(userId).PK, `MARK#${STEPS_MARKER}`, page);
    const items = Items.map((item) => ({
      date: item.date as string,
      steps: item.steps as number,
      flowers: item.flowers as number,
      matchFen: (item.matchFen as number) ?? 0,
      sponsorName: (item.sponsorName as string | null) ?? null,
      createdAt: item.createdAt as string,
    }));
    return { items, nextCursor };
  }
}
