import { marshall } from '@aws-sdk/util-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { readStreamConsumers } from '../../scripts/lib/stream-consumers';
import { matchesFilters } from '../../scripts/lib/stream-filters';
import { lambdaRecord } from '../../scripts/lib/stream-records';

const STREAM = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-12-02T00:00:00.000';

function streamRecord(eventName: 'INSERT' | 'MODIFY', newImage: object, oldImage?: object): StreamRecord {
  return {
    eventID: 'e1',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      ApproximateCreationDateTime: new Date('2026-12-02T01:02:03Z'),
      Keys: marshall({ PK: 'k', SK: 's' }) as never,
      NewImage: marshall(newImage) as never,
      ...(oldImage ? { OldImage: marshall(oldImage) as never } : {}),
      SequenceNumber: '000000000000000000042',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('the local stream poller speaks Lambda’s event source mapping', () => {
  const consumers = Object.fromEntries(readStreamConsumers().map((c) => [c.name, c]));

  it('reads both consumers and their mapping settings from serverless.yml', () => {
    expect(consumers.eventDispatcher).toMatchObject({
      batchSize: 100,
      bisectBatchOnFunctionError: true,
      reportsBatchItemFailures: true,
      maximumRetryAttempts: 10,
    });
    expect(consumers.fanoutWorker).toMatchObject({ batchSize: 10, parallelizationFactor: 10, reportsBatchItemFailures: true });
  });

  it('passes the dispatcher a dream reaching its target or adopted, a new donor, a letter published and a meal eaten, and the photo checker a kept photo; nothing else', () => {
    const dispatch = consumers.eventDispatcher.filterPatterns;
    const flip = lambdaRecord(streamRecord('MODIFY', { type: 'DREAM', status: 'executable' }, { type: 'DREAM', status: 'open' }), STREAM);
    const giftOnly = lambdaRecord(streamRecord('MODIFY', { type: 'DREAM', status: 'executable' }, { type: 'DREAM', status: 'executable' }), STREAM);
    const adopted = lambdaRecord(streamRecord('MODIFY', { type: 'DREAM', status: 'adopted' }, { type: 'DREAM', status: 'executable' }), STREAM);
    const completed = lambdaRecord(streamRecord('MODIFY', { type: 'DREAM', status: 'completed' }, { type: 'DREAM', status: 'adopted' }), STREAM);
    const donor = lambdaRecord(streamRecord('INSERT', { type: 'DREAM_DONOR', dreamId: 'd', userId: 'u' }), STREAM);
    const ledger = lambdaRecord(streamRecord('INSERT', { type: 'LEDGER_ENTRY' }), STREAM);
    const photo = lambdaRecord(streamRecord('MODIFY', { type: 'UPLOAD', mediaState: 'to_check' }, { type: 'UPLOAD' }), STREAM);
    const asked = lambdaRecord(streamRecord('MODIFY', { type: 'UPLOAD', mediaState: 'asked' }, { type: 'UPLOAD', mediaState: 'to_check' }), STREAM);
    const published = lambdaRecord(streamRecord('MODIFY', { type: 'LETTER', status: 'published' }, { type: 'LETTER', status: 'in_review' }), STREAM);
    const rejected = lambdaRecord(streamRecord('MODIFY', { type: 'LETTER', status: 'rejected' }, { type: 'LETTER', status: 'in_review' }), STREAM);
    const meal = lambdaRecord(streamRecord('INSERT', { type: 'MEAL_REDEMPTION', donorId: 'u' }), STREAM);
    const records = [flip, giftOnly, adopted, completed, donor, ledger, photo, asked, published, rejected, meal];
    expect(records.map((r) => matchesFilters(r, dispatch))).toEqual([true, false, true, false, true, false, false, false, true, false, true]);
    // A kept photo goes to the photo checker, and only there.
    expect(records.map((r) => matchesFilters(r, consumers.photoChecker.filterPatterns))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    // Lambda takes at most 5 filters per event source mapping (more needs a quota increase).
    for (const consumer of Object.values(consumers)) expect(consumer.filterPatterns.length).toBeLessThanOrEqual(5);
  });

  it('passes the worker chunks that are not done', () => {
    const work = consumers.fanoutWorker.filterPatterns;
    const running = lambdaRecord(streamRecord('MODIFY', { type: 'FANOUT_CHUNK', done: false }), STREAM);
    const finished = lambdaRecord(streamRecord('MODIFY', { type: 'FANOUT_CHUNK', done: true }), STREAM);
    expect([matchesFilters(running, work), matchesFilters(finished, work)]).toEqual([true, false]);
  });

  it('knows prefix, exists and anything-but, and refuses rules it does not know', () => {
    const record = { dynamodb: { NewImage: { type: { S: 'DREAM_DONOR' } } } };
    expect(matchesFilters(record, [{ dynamodb: { NewImage: { type: { S: [{ prefix: 'DREAM' }] } } } }])).toBe(true);
    expect(matchesFilters(record, [{ dynamodb: { NewImage: { gone: [{ exists: false }] } } }])).toBe(true);
    expect(matchesFilters(record, [{ dynamodb: { NewImage: { type: { S: [{ 'anything-but': ['DREAM_DONOR'] }] } } } }])).toBe(false);
    expect(() => matchesFilters(record, [{ dynamodb: { NewImage: { type: { S: [{ numeric: ['>', 1] }] } } } }])).toThrow('unsupported');
  });

  it('hands functions Lambda’s record: epoch seconds, the stream ARN, and empty maps as {"M":{}}', () => {
    const raw = streamRecord('INSERT', { type: 'DREAM', hours: { h1: 2 } });
    // The streams client reads an empty map as {} (no attribute value at all).
    (raw.dynamodb!.NewImage as Record<string, unknown>).empty = {};
    (raw.dynamodb!.NewImage as Record<string, unknown>).nested = { M: { inner: {} } };
    const record = lambdaRecord(raw, STREAM);
    expect(record).toMatchObject({ eventSource: 'aws:dynamodb', eventSourceARN: STREAM, dynamodb: { ApproximateCreationDateTime: 1796173323 } });
    expect(record.dynamodb!.NewImage!.empty).toEqual({ M: {} });
    expect(record.dynamodb!.NewImage!.nested).toEqual({ M: { inner: { M: {} } } });
  });
});
