/**
 * `npm start`: the whole product locally on embedded defaults — DynamoDB Local (files under
 * .data/), the fake WeChat server, the API, demo data, and the H5 app — then prints the URLs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apiOptionsFromEnv, startApi } from './api';
import { DEMO_USERS } from './seed';
import { serveH5 } from './lib/static-server';
import { parseScriptArgs } from './lib/usage';
import { checkPorts, serversToStart } from './lib/port-check';
import { isLeftoverOfThisData } from './lib/leftover-dynamodb';
import { acquireStartLock } from './lib/start-lock';
import { progressReporter } from './lib/start-progress';
import { StartRefused } from './lib/start-refused';

const ROOT = resolve(__dirname, '..');

/** The newest modification time of the files the H5 build is made from. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) readdirSync(path).forEach((name) => visit(join(path, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((path) => visit(resolve(ROOT, path)));
  return newest;
}

/** No build yet, or the app's sources changed since the last one (or REBUILD_H5=1). */
function h5BuildIsStale(index: string): boolean {
  if (process.env.REBUILD_H5 === '1' || !existsSync(index)) return true;
  return newestSource(['app', 'config', 'types', 'babel.config.js', 'package-lock.json']) > statSync(index).mtimeMs;
}

const USAGE = `
Usage: npm start [-- --help]

Starts the whole product locally on its documented ports: DynamoDB Local (8765, data in .data/),
the S3 emulator (4569), the fake WeChat (3100) and WeChat Pay (3200), the API (3000) with demo
data, and the H5 app (10086), building it first when its sources changed (or REBUILD_H5=1).
Every port and folder can be given in the environment (see npm run api -- --help; H5_PORT here).
It stops at once, with one line, when one of those ports is taken or another npm start uses the
same data folder.
`;

/** The H5 build, with its output shown as it comes (it is the longest step). */
function buildH5(): Promise<void> {
  return new Promise((done, fail) => {
    const build = spawn('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    build.once('error', fail);
    build.once('exit', (code) => (code === 0 ? done() : fail(new StartRefused(`The H5 build failed (exit ${code}): see its output above.`))));
  });
}

async function main() {
  parseScriptArgs(USAGE);
  const options = apiOptionsFromEnv();
  const h5Port = options.h5Port;
  const h5Root = resolve(ROOT, 'dist/h5');
  const step = progressReporter();
  // Before anything starts: a second start on the same data, or a port already answering, would
  // otherwise wait on a server that never comes up, or seed into someone else's database.
  mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireStartLock(options.dataDir);
  process.once('exit', () => lock.release());
  const leftover = (port: number) => isLeftoverOfThisData(options.dataDir, port);
  await step('Checking the ports', 'Ports ready', () => checkPorts(serversToStart(options, process.env, leftover)));
  if (h5BuildIsStale(resolve(h5Root, 'index.html'))) {
    await step('Building the H5 app (npm run build:h5; a minute or more on two cores)', 'H5 app built', buildH5);
  }
  const api = await step('Starting DynamoDB Local, the S3 emulator, the fake WeChat and WeChat Pay, the API and the demo data', 'API ready with its data', () =>
    startApi(options),
  );
  const { seeded } = api;
  const h5 = await step('Serving the H5 app', 'H5 app served', () => serveH5({ root: h5Root, port: h5Port, apiBase: api.url }));

  console.log(`
小红花 is running:
  H5 app        ${h5.url}
  API           ${api.url}
  Fake WeChat   ${api.wechat?.url ?? '(outside WeChat API)'}
  Uploads (S3)  ${api.s3Endpoint}
  WeChat Pay    ${api.wechatpayUrl ?? '(outside WeChat Pay)'}
  Log witness   ${api.witnessUrl ?? '(witnesses from LOG_WITNESSES)'}
  DynamoDB      ${api.dynamo.endpoint}   data in ${options.dataDir}
  Stream        eventDispatcher + fanoutWorker read the table's stream (checkpoints in ${options.dataDir}/stream-checkpoints.json)
Demo accounts (one tap each on the H5 sign-in screen; demo dreams are on the 梦想 tab): ${DEMO_USERS.map((u) => `${u.openid} (${u.roles.join('+')})`).join(', ')}
${seeded.length ? `Seeded: ${seeded.join(', ')}` : 'Demo data already present: kept.'}
Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await h5.close();
    await api.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof StartRefused ? `✗ ${err.message}` : err);
  process.exit(1);
});
