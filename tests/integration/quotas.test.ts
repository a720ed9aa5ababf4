import { proposeDream } from '../../functions/dreams/dreams';
import type { Container } from '../../functions/wiring/container';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(60_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

describe('quotas against DynamoDB Local', () => {
  let app: Container;
  beforeAll(async () => {
    app = await freshContainer();
  });

  it('20 parallel proposals against a quota of 5 a day give exactly 5 dreams', async () => {
    // Arrange
    const proposer = await userWithFlowers(app, 0);
    expect(app.config.rules.quotas.dreamsPerDay).toBe(5);

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        proposeDream(app, proposer.id, { title: `并发的梦想${i}`, story: STORY, category: 'education', targetFlowers: 1_000 }),
      ),
    );

    // Assert: 5 created, 15 refused with 429, and 5 dreams stored.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => [r.reason.status, r.reason.code]);
    expect(refusals).toEqual(Array(15).fill([429, 'RATE_LIMITED']));
    expect((await app.dreams.listProposedBy(proposer.id, { limit: 100 })).items).toHaveLength(5);
  });

  it('each person has their own quota', async () => {
    const other = await userWithFlowers(app, 0);
    await expect(proposeDream(app, other.id, { title: '另一个人的梦想', story: STORY, category: 'education', targetFlowers: 1_000 })).resolves.toBeTruthy();
  });
});
