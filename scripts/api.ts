/**
 * `npm run api`: DynamoDB Local (files under DATA_DIR), the fake WeChat server and the Lambda
 * functions under serverless-offline, on http://localhost:${API_PORT:-3000} with no stage prefix.
 * SIGTERM / Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from './lib/dynamodb-local';
import { freePort } from './lib/ports';
import { containerFor, seedDemoData, seedReferenceData } from './seed';
import { startFakeWechatServer, type FakeWechatServer } from './fake-wechat-server';

const ROOT = resolve(__dirname, '..');

export interface ApiOptions {
  apiPort: number;
  dataDir: string;
  dynamoPort: number;
  wechatPort: number;
  stage: 'local' | 'test';
  tableName: string;
  /** An outside WeChat base URL; when absent the fake is started. */
  wechatApiBase?: string;
  /**
   * An already running DynamoDB (Local) to use instead of starting one: the API then owns only
   * its own processes, as in AWS, where the database does not die with a function.
   */
  dynamodbEndpoint?: string;
}

export interface RunningApi {
  url: string;
  dynamo: Pick<RunningDynamoDb, 'endpoint' | 'stop'>;
  wechat?: FakeWechatServer;
  /** What this start seeded (empty when the data was already there). */
  seeded: string[];
  stop(): Promise<void>;
}

export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiOptions {
  return {
    apiPort: Number(env.API_PORT ?? 3000),
    dataDir: resolve(ROOT, env.DATA_DIR ?? '.data'),
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8765),
    wechatPort: Number(env.FAKE_WECHAT_PORT ?? 3100),
    stage: env.STAGE === 'test' ? 'test' : 'local',
    tableName: env.LRF_TABLE_NAME ?? 'little-red-flower-local',
    wechatApiBase: env.WECHAT_API_BASE || undefined,
    dynamodbEndpoint: env.LRF_DYNAMODB_ENDPOINT || undefined,
  };
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
  const wechat = options.wechatApiBase ? undefined : await startFakeWechatServer({ port: options.wechatPort });
  const seedTarget = containerFor(dynamo.endpoint, options.tableName, options.stage, options.wechatApiBase ?? wechat!.url);
  await seedReferenceData(seedTarget);
  const seeded = await seedDemoData(seedTarget);
  const [lambdaPort, websocketPort] = [await freePort(), await freePort()];
  const offline = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/serverless/bin/serverless.js'),
      'offline',
      'start',
      '--stage',
      options.stage,
      '--httpPort',
      String(options.apiPort),
      '--lambdaPort',
      String(lambdaPort),
      '--websocketPort',
      String(websocketPort),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        STAGE: options.stage,
        LRF_TABLE_NAME: options.tableName,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        WECHAT_API_BASE: options.wechatApiBase ?? wechat!.url,
        AWS_REGION: 'ap-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      },
    },
  );
  await waitForReady(offline, log);
  const stop = async () => {
    await stopChild(offline);
    await wechat?.close();
    await dynamo.stop();
  };
  return { url: `http://localhost:${options.apiPort}`, dynamo, wechat, seeded, stop };
}

function waitForReady(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      text.split('\n').filter(Boolean).forEach(log);
      if (/Server ready:/.test(output)) resolvePromise();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serverless offline exited (${code}):\n${output.slice(-4000)}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

async function main() {
  const options = apiOptionsFromEnv();
  const verbose = process.env.API_VERBOSE === '1';
  const api = await startApi(options, verbose ? (line) => console.log(`[offline] ${line}`) : undefined);
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
  console.log(`API ready at ${api.url}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
