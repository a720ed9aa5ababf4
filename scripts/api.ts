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
import { functionEnvironment, loadLauncherSettings, type LauncherSettings } from '../functions/shared/config';

const ROOT = resolve(__dirname, '..');

/** The launcher settings (functions/shared/config.ts), with the data folder made absolute. */
export type ApiOptions = LauncherSettings;

export interface RunningApi {
  url: string;
  dynamo: Pick<RunningDynamoDb, 'endpoint' | 'stop'>;
  wechat?: FakeWechatServer;
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
    : await startFakeWechatServer({ port: options.wechatPort, appId: options.wechat.appId, appSecret: options.wechat.appSecret });
  const functionEnv = functionEnvironment(options, dynamo.endpoint, options.wechat.apiBase ?? wechat!.url);
  const seedTarget = containerFor(functionEnv);
  await seedReferenceData(seedTarget);
  const seeded = await seedDemoData(seedTarget);
  const [lambdaPort, websocketPort] = [await freePort(), await freePort()];
  const offline = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/osls/bin/serverless.js'),
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
        ...functionEnv,
        LRF_TABLE_NAME: options.tableName,
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
