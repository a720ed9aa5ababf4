import { marshall } from '@aws-sdk/util-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { classifyChange } from '../../functions/events/classify';
import type { TableChange } from '../../functions/shared/stream';
import { readStreamConsumers } from '../../scripts/lib/stream-consumers';
import { matchesFilters } from '../../scripts/lib/stream-filters';
import { lambdaRecord } from '../../scripts/lib/stream-records';

const STREAM = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-02T00:00:00.000';

const PROMISE = { type: 'PROMISE', id: 'p1', dreamId: 'd1', text: '公开发票', doneAt: '2026-12-03T01:00:00.000Z' };
const ASSEMBLY = { type: 'ASSEMBLY', id: 'a1', dreamId: 'd1', title: '第一次股东大会', closedAt: '2026-12-03T01:00:00.000Z' };

const change = (after: Record<string, unknown>, before: Record<string, unknown>): TableChange => ({
  eventName: 'MODIFY',
  newImage: after,
  oldImage: before,
  sequenceNumber: '1',
});

function streamRecord(after: object, before: object): StreamRecord {
  return {
    eventID: 'e1',
    eventName: 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      Keys: marshall({ PK: 'k', SK: 's' }) as never,
      NewImage: marshall(after) as never,
      OldImage: marshall(before) as never,
      SequenceNumber: '000000000000000000042',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('what tells the donors: a promise done, minutes published', () => {
  it('classifies in_progress → done as promise_done, and nothing else of a promise', () => {
    expect(classifyChange(change({ ...PROMISE, status: 'done' }, { ...PROMISE, status: 'in_progress' }))).toEqual({
      kind: 'promise_done',
      promise: { id: 'p1', dreamId: 'd1', text: '公开发票', doneAt: '2026-12-03T01:00:00.000Z' },
    });
    expect(classifyChange(change({ ...PROMISE, status: 'unmet' }, { ...PROMISE, status: 'in_progress' }))).toBeNull();
    expect(classifyChange(change({ ...PROMISE, status: 'done' }, { ...PROMISE, status: 'done' }))).toBeNull();
  });

  it('classifies scheduled → closed as assembly_minutes, once', () => {
    expect(classifyChange(change({ ...ASSEMBLY, status: 'closed' }, { ...ASSEMBLY, status: 'scheduled' }))).toMatchObject({
      kind: 'assembly_minutes',
      assembly: { id: 'a1', dreamId: 'd1', title: '第一次股东大会' },
    });
    expect(classifyChange(change({ ...ASSEMBLY, status: 'closed' }, { ...ASSEMBLY, status: 'closed' }))).toBeNull();
  });

  it('lets both through the dispatcher’s stream filters, and not the changes that tell nobody', () => {
    // Arrange
    const dispatcher = readStreamConsumers().find((c) => c.name === 'eventDispatcher')!;
    const passes = (after: object, before: object) => matchesFilters(lambdaRecord(streamRecord(after, before), STREAM), dispatcher.filterPatterns);
    // Act + Assert
    expect(passes({ ...PROMISE, status: 'done' }, { ...PROMISE, status: 'in_progress' })).toBe(true);
    expect(passes({ ...ASSEMBLY, status: 'closed' }, { ...ASSEMBLY, status: 'scheduled' })).toBe(true);
    expect(passes({ ...PROMISE, status: 'unmet' }, { ...PROMISE, status: 'in_progress' })).toBe(false);
    expect(passes({ ...ASSEMBLY, status: 'scheduled', questionCount: 2 }, { ...ASSEMBLY, status: 'scheduled' })).toBe(false);
  });
});
