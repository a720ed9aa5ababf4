import { randomUUID } from 'node:crypto';
import { proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { setContainerForTests } from '../../functions/wiring/container';
import { startFakeWechatServer, type FakeWechatServer } from '../../scripts/fake-wechat-server';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/lib/dynamodb-local';
import { freePort } from '../../scripts/lib/ports';
import { startLocalS3, type LocalS3 } from '../../scripts/lib/local-s3';
import { receiveWechatPush } from '../../functions/uploads/uploads';
import { buildContainer, type Container } from '../../functions/wiring/container';
import { FAKE_WECHAT_APP, loadConfig } from '../../functions/shared/config';
import { startLocalWechatPay } from '../../scripts/lib/local-wechatpay';
import type { Clock } from '../../functions/domain/ports';

/** A fresh table on the tier's DynamoDB Local and a container wired to it. */
export async function freshContainer(options: { clock?: Clock; env?: Record<string, string>; endpoint?: string } = {}): Promise<Container> {
  const endpoint = options.endpoint ?? process.env.DYNAMODB_ENDPOINT;
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

/**
 * For a whole test file: a fresh container whose WeChat is a fake of its own, handed to the
 * functions (handlers, stream consumers) too. Read `app` and `wechat` inside the tests.
 */
export function useAppWithFakeWechat(options: { ownDatabase?: boolean; s3?: boolean; payments?: boolean | { notifyPort: () => number } } = {}): {
  readonly app: Container;
  readonly wechat: FakeWechatServer;
  readonly s3: LocalS3;
  readonly wechatpay: { url: string; env: Record<string, string> };
} {
  const state = {} as {
    app: Container;
    wechat: FakeWechatServer;
    database?: RunningDynamoDb;
    s3: LocalS3;
    wechatpay: { url: string; env: Record<string, string>; close(): Promise<void> };
  };
  beforeAll(async () => {
    // A file that fills a stream with thousands of records gets a DynamoDB Local of its own: that
    // one slows every write as its stream records pile up, and the other files share the tier's.
    if (options.ownDatabase) state.database = await startDynamoDbLocal({ port: await freePort() });
    // The uploads bucket on the S3 emulator, when the file handles photos.
    if (options.s3) state.s3 = await startLocalS3({ bucket: `lrf-test-${randomUUID().slice(0, 8)}` });
    // The fake pushes its image-check verdicts straight to the push use case (no HTTP API here).
    state.wechat = await startFakeWechatServer({ port: 0, pushTo: (query, body) => receiveWechatPush(state.app, query as never, body) });
    const env: Record<string, string> = { WECHAT_API_BASE: state.wechat.url };
    if (options.s3) Object.assign(env, { S3_ENDPOINT: state.s3.endpoint, UPLOADS_BUCKET: state.s3.bucket });
    if (options.payments) {
      // The fake WeChat Pay; its notifications go to an address nothing answers (tests hand them over themselves).
      // Notifications go to PUBLIC_API_BASE: a test's own receiver when it names its port.
      const notifyPort = typeof options.payments === 'object' ? options.payments.notifyPort() : await freePort();
      const local = await startLocalWechatPay({ apiPort: notifyPort, wechat: { appId: FAKE_WECHAT_APP.appId } });
      state.wechatpay = { url: local.fake.url, env: local.env, close: () => local.fake.close() };
      Object.assign(env, local.env);
    }
    state.app = await freshContainer({ env, endpoint: state.database?.endpoint });
    setContainerForTests(state.app);
  });
  afterAll(async () => {
    setContainerForTests(undefined);
    await state.wechat.close();
    await state.s3?.stop();
    await state.wechatpay?.close();
    await state.database?.stop();
  });
  return state;
}

export const TEST_STORY = '山区小学的孩子们每天要走很远的路上学，我们希望为他们建一间温暖的图书室。';

/** A dream proposed by a new person and approved: open, taking flowers. */
export async function openDream(
  app: Container,
  target: number,
  extra: { matchFund?: { sponsorName: string; fenPerFlower: number; budgetFen: number } } = {},
): Promise<string> {
  const proposer = await userWithFlowers(app, 0);
  const { dream } = await proposeDream(app, proposer.id, { title: '山区图书室', story: TEST_STORY, category: 'education', targetFlowers: target });
  await reviewDream(app, dream.id, { decision: 'approve', ...extra });
  return dream.id;
}
