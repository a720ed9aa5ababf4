import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/lib/dynamodb-local';
import { freePort } from '../../scripts/lib/ports';
import { killTree, startApiProcess } from '../support/api-process';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(240_000);

/**
 * The database runs as its own process here, as DynamoDB does in AWS: a crash takes down the
 * functions (and everything `npm run api` started), not the service that acknowledged the writes.
 * DynamoDB Local itself is not crash-safe for transactions: killed with -9 it can drop the last
 * TransactWriteItems it already answered (README, "Local data and kill -9").
 */
describe('kill -9 of the whole API keeps every acknowledged ledger entry', () => {
  let dynamo: RunningDynamoDb;
  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), 'lrf-crash-db-')) });
  });
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('entries acknowledged before the crash are all there after a restart, and the books balance', async () => {
    // Arrange: an API of its own, so the kill does not touch the shared one
    const dataDir = mkdtempSync(join(tmpdir(), 'lrf-crash-'));
    const ports = { api: await freePort(), dynamo: dynamo.port, wechat: await freePort() };
    const env = { LRF_DYNAMODB_ENDPOINT: dynamo.endpoint };
    const first = await startApiProcess(dataDir, ports, env);
    const { token } = await devSignIn([], first.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop && i < 400; i++) {
        try {
          const answer = await call('POST', '/dev/grants', { token, body: { flowers: 1 }, headers: { 'idempotency-key': `crash-${i}` } }, first.url);
          if (answer.status === 201) acknowledged.push(answer.body.entry.id);
        } catch {
          return; // the server died mid-request: that one was never acknowledged
        }
      }
    })();
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 20));

    // Act: SIGKILL the whole process tree (npm, the launcher with its gateway and functions)
    // while gifts are still being written
    await killTree(first.child, 'SIGKILL');
    stop = true;
    await writer;
    const second = await startApiProcess(dataDir, ports, env);
    try {
      // Assert
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await call('GET', `/me/ledger?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token }, second.url);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expect.arrayContaining(acknowledged));
      const me = await call('GET', '/me', { token }, second.url);
      expect(me.body.flowers.balance).toBe(seen.length);
      // The token signed before the crash is still valid after the restart.
      expect(me.status).toBe(200);
      // A repeat of an acknowledged request after the restart is answered from its record and moves nothing.
      const repeat = await call('POST', '/dev/grants', { token, body: { flowers: 1 }, headers: { 'idempotency-key': 'crash-0' } }, second.url);
      expect([repeat.status, repeat.body.entry.id]).toEqual([201, acknowledged[0]]);
      expect((await call('GET', '/me', { token }, second.url)).body.flowers.balance).toBe(seen.length);
    } finally {
      await killTree(second.child, 'SIGTERM');
    }
  });
});
