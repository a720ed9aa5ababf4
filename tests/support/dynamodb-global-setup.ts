import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';
import { freePort } from '../../scripts/lib/ports';

/** One in-memory DynamoDB Local for the integration tier; each test file creates its own table. */
export default async function setup(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as Record<string, unknown>).__DYNAMODB__ = dynamo;
}
