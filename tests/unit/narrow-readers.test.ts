import type { TableContext } from '../../functions/adapters/dynamodb/client';
import { DynamoDistributionFacts } from '../../functions/adapters/dynamodb/distribution-facts';
import { DynamoDistributionStore } from '../../functions/adapters/dynamodb/distribution-store';
import { DynamoLogCheckpoint } from '../../functions/adapters/dynamodb/log-checkpoint';
import { DynamoLogStore } from '../../functions/adapters/dynamodb/log-store';
import { DynamoUserReads } from '../../functions/adapters/dynamodb/user-reads';
import { DynamoUserRepository } from '../../functions/adapters/dynamodb/user-repository';
import { systemClock } from '../../functions/domain/ports';

/** A table whose every Get answers the same stored item, recording the keys and options it was asked for. */
function tableAnswering(item: Record<string, unknown>): { table: TableContext; asked: unknown[] } {
  const asked: unknown[] = [];
  const send = async (command: { input: unknown }) => {
    asked.push(command.input);
    return { Item: item };
  };
  return { table: { doc: { send } as unknown as TableContext['doc'], tableName: 'flowers' }, asked };
}

/** The small readers some functions carry instead of a whole store must read exactly what the store reads. */
describe('narrow readers', () => {
  it('reads a distribution as the distribution store does', async () => {
    // Arrange
    const item = {
      id: 'd1',
      dreamId: 'dream1',
      charityId: 'c1',
      title: '冬衣',
      item: '棉衣',
      unit: '件',
      recipientCount: 3,
      totalQuantity: 6,
      status: 'closed',
      createdAt: '2026-11-01T00:00:00.000Z',
      closedAt: '2026-11-02T00:00:00.000Z',
      disputed: false,
      counterShards: 2,
      held: true,
    };
    const store = tableAnswering(item);
    const facts = tableAnswering(item);

    // Act
    const read = await new DynamoDistributionFacts(facts.table).get('d1');

    // Assert
    expect(read).toEqual(await new DynamoDistributionStore(store.table).get('d1'));
    expect(facts.asked).toEqual(store.asked);
  });

  it("reads the log's state as the log store does", async () => {
    // Arrange
    const item = { size: 4, hashes: ['AAEC', 'AwQF'], latestNote: 'latest', publishedSize: 3, publishedNote: 'served', witnessed: { w1: 3 } };
    const store = tableAnswering(item);
    const checkpoint = tableAnswering(item);

    // Act
    const read = await new DynamoLogCheckpoint(checkpoint.table).state();

    // Assert
    expect(read).toEqual(await new DynamoLogStore(store.table).state());
    expect(checkpoint.asked).toEqual(store.asked);
  });

  it('reads a person as the user repository does', async () => {
    // Arrange
    const item = {
      id: 'u1',
      openid: 'o1',
      nickname: '小红',
      roles: ['donor', 'charity'],
      createdAt: '2026-11-01T00:00:00.000Z',
      closedAt: '2026-11-03T00:00:00.000Z',
    };
    const repository = tableAnswering(item);
    const reads = tableAnswering(item);

    // Act
    const read = await new DynamoUserReads(reads.table).findById('u1');

    // Assert
    expect(read).toEqual(await new DynamoUserRepository(repository.table, systemClock).findById('u1'));
    expect(reads.asked).toEqual(repository.asked);
  });
});
