/**
 * `npm run api`: DynamoDB Local (files under DATA_DIR), the fake WeChat server and the Lambda
 * functions behind the local API Gateway (scripts/lib/local-gateway.ts), on
 * http://localhost:${API_PORT:-3000} with no stage prefix. With API_PORT set it runs beside
 * `npm start` or another API: what it starts gets free ports (scripts/lib/launcher-ports.ts).
 * SIGTERM / Ctrl-C stops everything it started.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from './lib/dynamodb-local';
import { startLocalGateway } from './lib/local-gateway';
import { startLocalS3 } from './lib/local-s3';
import { startLocalWechatPay } from './lib/local-wechatpay';
import { startLocalWitness } from './lib/witness-server';
import { loadStreamConsumers } from './lib/stream-consumers';
import { startStreamPoller, type RunningStreamPoller } from './lib/stream-poller';
import { containerFor, seedDemoData, seedReferenceData } from './seed';
import { startFakeWechatServer, type FakeWechatServer } from './fake-wechat-server';
import { functionEnvironment, loadLauncherSettings, type LauncherSettings } from './lib/launcher-settings';
import { portsBesideOtherLaunchers } from './lib/launcher-ports';
import { freePort } from './lib/ports';
import { parseScriptArgs } from './lib/usage';

const ROOT = resolve(__dirname, '..');

/** The launcher settings (scripts/lib/launcher-settings.ts), with the data folder made absolute. */
export type ApiOptions = LauncherSettings;

export interface RunningApi {
  url: string;
  dynamo: Pick<RunningDynamoDb, 'endpoint' | 'stop'>;
  /** The fake WeChat Pay's base (unless WECHATPAY_API_BASE was given). */
  wechatpayUrl?: string;
  /** The public log's local witness (unless LOG_WITNESSES was given). */
  witnessUrl?: string;
  /** The uploads bucket's endpoint (the emulator's, unless S3_ENDPOINT was given). */
  s3Endpoint: string;
  wechat?: FakeWechatServer;
  /** The table's stream driving the stream consumers of serverless.yml (the event backbone). */
  streams: RunningStreamPoller;
  /** What this start seeded (empty when the data was already there). */
  seeded: string[];
  stop(): Promise<void>;
}

export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiOptions {
  const settings = loadLauncherSettings(env);
  return { ...settings, dataDir: resolve(ROOT, settings.dataDir) };
}

export async function startApi(options: ApiOptions, log: (line: string) => void = () => undefined): Promise<RunningApi> {
  mkdirSync(options.dataDir, { recursive: true });
  const dynamo = options.dynamodbEndpoint
    ? { endpoint: options.dynamodbEndpoint, stop: async () => undefined }
    : await startDynamoDbLocal({ port: options.dynamoPort, dataDir: options.dataDir });
  await ensureTable(dynamo.endpoint, options.tableName);
  // Local and test stages always carry the quiz bank and the demo accounts (found by openid, so
  // seeding again changes nothing).
  // The demo dreams pass the content check at review, so WeChat (or its fake) runs first.
  // Without an outside WeChat the fake starts, with the app id and secret the API is given, so
  // the two always agree (the fake's own values are only the defaults).
  const wechat = options.wechat.apiBase
    ? undefined
    : await startFakeWechatServer({
        port: options.wechatPort,
        appId: options.wechat.appId,
        appSecret: options.wechat.appSecret,
        // Image-check verdicts are pushed to the API, as WeChat pushes to the URL set in its console.
        pushTo: `http://127.0.0.1:${options.apiPort}/wechat/push`,
      });
  // The uploads bucket: an S3 given in the environment, else the emulator (files under DATA_DIR).
  const s3 = options.s3Endpoint
    ? { endpoint: options.s3Endpoint, stop: async () => undefined }
    : await startLocalS3({ port: options.s3Port, bucket: options.uploadsBucket, dataDir: join(options.dataDir, 's3') });
  // WeChat Pay: one given in the environment (WECHATPAY_API_BASE and its keys), else the fake, with keys made now.
  const payment = process.env.WECHATPAY_API_BASE ? null : await startLocalWechatPay(options);
  // The public log's local witness (scripts/witness.ts), unless LOG_WITNESSES names others; its
  // memory lives beside the data, so it forgets the log exactly when the log is wiped.
  const witness = process.env.LOG_WITNESSES ? null : await startLocalWitness(join(options.dataDir, 'witness-state.json'));
  const functionEnv = {
    ...functionEnvironment(options, dynamo.endpoint, options.wechat.apiBase ?? wechat!.url, s3.endpoint),
    // The sandbox "pay at once" only for the fake started here, whatever the environment says.
    LRF_EMBEDDED_WECHATPAY: '',
    ...(payment?.env ?? {}),
    ...(witness ? { LOG_WITNESSES: witness.logWitnesses } : {}),
  };
  const seedTarget = containerFor(functionEnv);
  await seedReferenceData(seedTarget);
  const seeded = await seedDemoData(seedTarget);
  // The functions run in this process behind the local gateway, with the environment that
  // serverless.yml gives them in AWS (set before their first import: config is read once).
  Object.assign(process.env, {
    ...functionEnv,
    POWERTOOLS_SERVICE_NAME: 'little-red-flower',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const gateway = await startLocalGateway({ port: options.apiPort, host: '127.0.0.1' });
  log(`local gateway on ${gateway.url}`);
  // Checkpoints live beside the data, so a restart (or a kill -9) resumes the stream where it was.
  const streams = await startStreamPoller({
    endpoint: dynamo.endpoint,
    tableName: options.tableName,
    consumers: await loadStreamConsumers(),
    checkpointFile: join(options.dataDir, 'stream-checkpoints.json'),
    deadLetterFile: join(options.dataDir, 'stream-dead-letters.jsonl'),
    log: (line) => log(`[stream] ${line}`),
  });
  const stop = async () => {
    await streams.stop();
    await gateway.close();
    await wechat?.close();
    await s3.stop();
    await payment?.fake.close();
    await witness?.close();
    await dynamo.stop();
  };
  return {
    url: `http://localhost:${options.apiPort}`,
    dynamo,
    s3Endpoint: s3.endpoint,
    wechatpayUrl: payment?.fake.url,
    witnessUrl: witness?.url,
    wechat,
    streams,
    seeded,
    stop,
  };
}

const USAGE = `
Usage: npm run api [-- --help]

Starts DynamoDB Local (data under DATA_DIR), the S3 emulator, the fake WeChat and WeChat Pay
servers, the stream consumers and every function behind the local API Gateway, with demo data.
Ctrl-C or SIGTERM stops all of it.

Environment (each wins over its default):
  API_PORT              the API's port (3000); when set, every server below gets a free port
                        and the data its own folder (DATA_DIR/api-<API_PORT>) unless given
  DYNAMODB_PORT         DynamoDB Local (8765)        LRF_DYNAMODB_ENDPOINT  use one already running
  S3_PORT               the S3 emulator (4569)       S3_ENDPOINT            use an S3 outside
  FAKE_WECHAT_PORT      the fake WeChat (3100)       WECHAT_API_BASE        use a WeChat outside
  FAKE_WECHATPAY_PORT   the fake WeChat Pay (3200)   WECHATPAY_API_BASE     use a WeChat Pay outside
  DATA_DIR              where the data lives (.data)
  STAGE                 local or test (local)
  API_VERBOSE=1         log the gateway and the stream consumers
`;

async function main() {
  parseScriptArgs(USAGE);
  const options = await portsBesideOtherLaunchers(apiOptionsFromEnv(), process.env, freePort);
  const verbose = process.env.API_VERBOSE === '1';
  const api = await startApi(options, verbose ? (line) => console.log(`[api] ${line}`) : undefined);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await api.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(`DynamoDB Local at ${api.dynamo.endpoint} (data in ${options.dataDir})`);
  if (api.wechat) console.log(`Fake WeChat at ${api.wechat.url}`);
  console.log(`Uploads bucket (S3) at ${api.s3Endpoint}`);
  if (api.wechatpayUrl) console.log(`Fake WeChat Pay at ${api.wechatpayUrl}`);
  if (api.witnessUrl) console.log(`Public log witness at ${api.witnessUrl}`);
  console.log("Stream consumers (eventDispatcher, fanoutWorker) reading the table's stream");
  console.log(`API ready at ${api.url}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
