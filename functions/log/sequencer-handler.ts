import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../shared/log';
import { tableChange } from '../shared/stream';
import { logDeps } from '../wiring';
import { sequenceChanges } from './sequence';

/**
 * The table's stream, filtered (serverless.yml) to what the public log records: the batch is
 * integrated as one, so a failure retries it whole, and a retry adds nothing already in the log.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const started = Date.now();
  const { integrated, published } = await sequenceChanges(await logDeps(), event.Records.map(tableChange));
  logger.info('log batch sequenced', { records: event.Records.length, integrated, published, ms: Date.now() - started });
};
