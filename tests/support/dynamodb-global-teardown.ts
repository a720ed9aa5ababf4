import type { RunningDynamoDb } from '../../scripts/lib/dynamodb-local';

export default async function teardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__DYNAMODB__ as RunningDynamoDb | undefined)?.stop();
}
