import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * The streams client turns an empty map attribute (`{"M":{}}` on the wire) into `{}`, which is no
 * attribute value at all; Lambda hands functions the wire form, so the empty maps are put back.
 */
function wireImage(image: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!image) return image;
  const value = (attribute: unknown): unknown => {
    const object = attribute as Record<string, unknown>;
    if (Object.keys(object).length === 0) return { M: {} };
    if (object.M) return { M: wireImage(object.M as Record<string, unknown>) };
    if (object.L) return { L: (object.L as unknown[]).map(value) };
    return object;
  };
  return Object.fromEntries(Object.entries(image).map(([name, attribute]) => [name, value(attribute)]));
}

/** A record as Lambda hands it to a function (the streams API's shape, with Lambda's own fields). */
export function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
  const dynamodb = {
    ...rest,
    ...(rest.NewImage ? { NewImage: wireImage(rest.NewImage as Record<string, unknown>) } : {}),
    ...(rest.OldImage ? { OldImage: wireImage(rest.OldImage as Record<string, unknown>) } : {}),
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'ap-east-1',
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(new Date(ApproximateCreationDateTime).getTime() / 1000) } : {}),
    },
    eventSourceARN: streamArn,
  } as DynamoDBRecord;
}
