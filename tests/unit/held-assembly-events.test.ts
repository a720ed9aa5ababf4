import { marshall } from '@aws-sdk/util-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { classifyChange } from '../../functions/events/classify';
import type { TableChange } from '../../functions/shared/stream';
import { readStreamConsumers } from '../../scripts/lib/stream-consumers';
import { matchesFilters } from '../../scripts/lib/stream-filters';
import { lambdaRecord } from '../../scripts/lib/stream-records';

const STREAM = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-02T00:00:00.000';
const ASSEMBLY = { type: 'ASSEMBLY', id: 'a1', dreamId: 'd1', title: '第一次股东大会', startsAt: '2026-12-05T01:00:00.000Z' };
const CLOSED = { ...ASSEMBLY, status: 'closed', closedAt: '2026-12-05T03:00:00.000Z' };
/** What the held-text store writes when an admin clears an assembly's title or minutes. */
const notice = (releasedKind: string, fields: Record<string, unknown>) => ({
  ...ASSEMBLY,
  type: 'HELD_RELEASE',
  objectType: 'ASSEMBLY',
  releasedKind,
  ...fields,
});

const inserted = (item: Record<string, unknown>): TableChange => ({ eventName: 'INSERT', newImage: item, oldImage: null, sequenceNumber: '1' });
const modified = (after: Record<string, unknown>, before: Record<string, unknown>): TableChange => ({
  eventName: 'MODIFY',
  newImage: after,
  oldImage: before,
  sequenceNumber: '1',
});

function insertRecord(item: object): StreamRecord {
  return {
    eventID: 'e1',
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: { Keys: marshall({ PK: 'k', SK: 's' }) as never, NewImage: marshall(item) as never, SequenceNumber: '1', StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

describe('a held assembly title or minutes tell the donors only once an admin clears them', () => {
  it('invites nobody for a held assembly, and everybody when its title is cleared', () => {
    expect(classifyChange(inserted({ ...ASSEMBLY, status: 'scheduled', held: true }))).toBeNull();
    expect(classifyChange(inserted({ ...ASSEMBLY, status: 'scheduled' }))).toMatchObject({ kind: 'assembly_scheduled' });
    expect(classifyChange(inserted(notice('assembly', { status: 'scheduled', held: false })))).toMatchObject({
      kind: 'assembly_scheduled',
      assembly: { id: 'a1', dreamId: 'd1', title: '第一次股东大会' },
    });
  });

  it('tells nobody of held minutes (or minutes of a held assembly), and everybody when they are cleared', () => {
    expect(classifyChange(modified({ ...CLOSED, minutesHeld: true }, { ...ASSEMBLY, status: 'scheduled' }))).toBeNull();
    expect(classifyChange(modified({ ...CLOSED, held: true }, { ...ASSEMBLY, status: 'scheduled', held: true }))).toBeNull();
    expect(classifyChange(inserted(notice('minutes', { ...CLOSED, type: 'HELD_RELEASE', minutesHeld: false })))).toMatchObject({ kind: 'assembly_minutes' });
    // Minutes cleared while the title still waits: the title's clearing tells the donors.
    expect(classifyChange(inserted(notice('minutes', { ...CLOSED, type: 'HELD_RELEASE', held: true, minutesHeld: false })))).toBeNull();
    expect(classifyChange(inserted(notice('assembly', { ...CLOSED, type: 'HELD_RELEASE', held: false })))).toMatchObject({ kind: 'assembly_minutes' });
    expect(classifyChange(inserted(notice('assembly', { ...CLOSED, type: 'HELD_RELEASE', held: false, minutesHeld: true })))).toBeNull();
  });

  it('ignores the clearing of other kinds', () => {
    const distribution = { type: 'HELD_RELEASE', objectType: 'DISTRIBUTION', releasedKind: 'distribution', id: 'x1', dreamId: 'd1', title: '冬衣发放' };
    expect(classifyChange(inserted({ ...distribution, status: 'closed', closedAt: CLOSED.closedAt, held: false }))).toBeNull();
  });

  it('lets a release notice through the dispatcher’s stream filters', () => {
    const dispatcher = readStreamConsumers().find((c) => c.name === 'eventDispatcher')!;
    expect(dispatcher.filterPatterns.length).toBeLessThanOrEqual(5);
    expect(matchesFilters(lambdaRecord(insertRecord(notice('assembly', { status: 'scheduled' })), STREAM), dispatcher.filterPatterns)).toBe(true);
  });
});
