import { planShardSpend, SPONSOR_SHARDS, sponsorShardBudgets, withShardSpend } from '../../functions/domain/sponsor-budget';
import type { PlannedMatch, Sponsor, SponsorFigures } from '../../functions/domain/steps';

const shards = (...remaining: number[]) => remaining.map((remainingFen, index) => ({ index, remainingFen }));
const firstOne = () => 0;
const lastOne = (count: number) => count - 1;

describe('a sponsor budget over shards', () => {
  it('a new budget is split over the shards as evenly as integers allow', () => {
    // Act
    const budgets = sponsorShardBudgets(100_003);
    // Assert
    expect(budgets).toHaveLength(SPONSOR_SHARDS);
    expect(budgets.reduce((sum, fen) => sum + fen, 0)).toBe(100_003);
    expect(budgets).toEqual([12_501, 12_501, 12_501, 12_500, 12_500, 12_500, 12_500, 12_500]);
  });

  it('one shard that holds the whole match pays it, picked among those that do, on condition it still holds that much', () => {
    // Arrange: shards 1 and 3 hold 300 or more
    const read = shards(100, 500, 200, 300);
    // Act
    const first = planShardSpend(read, 300, firstOne);
    const last = planShardSpend(read, 300, lastOne);
    // Assert
    expect(first).toEqual({ entryShard: 1, takes: [{ index: 1, amountFen: 300, holds: { atLeast: 300 } }] });
    expect(last).toEqual({ entryShard: 3, takes: [{ index: 3, amountFen: 300, holds: { atLeast: 300 } }] });
  });

  it('when no shard holds it all, it is gathered from the fullest shards, each on condition it is exactly as read', () => {
    // Arrange
    const read = shards(100, 250, 0, 200);
    // Act
    const spend = planShardSpend(read, 500, firstOne);
    // Assert: 250 from shard 1, 200 from shard 3, the last 50 from shard 0; recorded beside shard 1
    expect(spend).toEqual({
      entryShard: 1,
      takes: [
        { index: 1, amountFen: 250, holds: { exactly: 250 } },
        { index: 3, amountFen: 200, holds: { exactly: 200 } },
        { index: 0, amountFen: 50, holds: { exactly: 100 } },
      ],
    });
  });

  it('the match planner is extended with how the chosen sponsor’s shards pay it', () => {
    // Arrange
    const sponsor = (id: string, remaining: number[]): SponsorFigures => ({
      id,
      name: id,
      logoText: id,
      fenPer10kSteps: 100,
      budgetFen: 1_000,
      remainingFen: remaining.reduce((a, b) => a + b, 0),
      status: 'active',
      shards: shards(...remaining),
    });
    const secondSponsor = (list: Sponsor[]): PlannedMatch => ({ sponsor: list[1], amountFen: 120 });
    // Act
    const planned = withShardSpend(secondSponsor, firstOne)([sponsor('a', [500]), sponsor('b', [100, 100])]);
    // Assert
    expect(planned).toMatchObject({ sponsor: { id: 'b' }, amountFen: 120 });
    expect(planned?.spend.takes).toEqual([
      { index: 0, amountFen: 100, holds: { exactly: 100 } },
      { index: 1, amountFen: 20, holds: { exactly: 100 } },
    ]);
    expect(withShardSpend(() => null)([sponsor('a', [500])])).toBeNull();
  });
});
