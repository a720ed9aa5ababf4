import { randomUUID } from 'node:crypto';
import { ensureTable } from '../../scripts/lib/dynamodb-local';
import { buildContainer, type Container } from '../../functions/shared/container';
import { loadConfig } from '../../functions/shared/config';
import type { Clock } from '../../functions/domain/ports';

/** A fresh table on the tier's DynamoDB Local and a container wired to it. */
export async function freshContainer(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<Container> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run this through the integration project');
  const tableName = `lrf-test-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  const appConfig = loadConfig({ STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'ap-east-1', ...options.env });
  return buildContainer(appConfig, options.clock);
}

/** A signed-up user with the given flowers, credited through the ledger's own move. */
export async function userWithFlowers(app: Container, flowers: number, openid = `it-${randomUUID()}`) {
  const { user } = await app.users.findOrCreateByOpenid(openid, { nickname: 'tester', roles: ['donor'] });
  if (flowers > 0) await app.ledger.move({ userId: user.id, delta: flowers, reason: 'dev_grant', refId: null });
  return user;
}
