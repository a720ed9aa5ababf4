import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './log';

/** A stream record as the use cases see it: which change, and the item before and after, as plain objects. */
export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage: Record<string, unknown> | null;
  oldImage: Record<string, unknown> | null;
  sequenceNumber: string;
}

export function tableChange(record: DynamoDBRecord): TableChange {
  const image = (value: unknown) => (value ? unmarshall(value as Record<string, AttributeValue>) : null);
  return {
    eventName: record.eventName as TableChange['eventName'],
    newImage: image(record.dynamodb?.NewImage),
    oldImage: image(record.dynamodb?.OldImage),
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
  };
}

/**
 * The edge of a stream consumer: Powertools' batch processor runs the records (in parallel: each
 * use case is idempotent and reads what it needs), and answers the failed ones as
 * `batchItemFailures`, so Lambda retries from the first failure without losing or skipping a record
 * (`functionResponseTypes: ReportBatchItemFailures` in serverless.yml). One log line per batch.
 */
export function streamHandler(name: string, handleRecord: (change: TableChange) => Promise<unknown>) {
  return async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    const started = Date.now();
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const response = await processPartialResponse(event, (record: DynamoDBRecord) => handleRecord(tableChange(record)), processor, {
      context,
      processInParallel: true,
      // A batch whose every record failed is answered like a partial one (all of them retried), so it
      // is logged below and raises its consumer's failures alarm, instead of ending in a throw.
      throwOnFullBatchFailure: false,
    });
    const failed = response.batchItemFailures.length;
    const line = { consumer: name, records: event.Records.length, failed, durationMs: Date.now() - started, requestId: context?.awsRequestId };
    // Whole errors, so the logger writes each one's cause (the SDK's or WeChat Pay's error) too.
    if (failed) logger.error('stream batch had failures', { ...line, errors: processor.errors.slice(0, 5) });
    else logger.info('stream batch', line);
    return response;
  };
}
