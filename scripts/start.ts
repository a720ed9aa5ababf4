/**
 * `npm start`: the whole product locally on embedded defaults — DynamoDB Local (files under
 * .data/), the fake WeChat server, the API, demo data, and the H5 app — then prints the URLs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiOptionsFromEnv, startApi } from './api';
import { DEMO_USERS } from './seed';
import { serveH5 } from './lib/static-server';

const ROOT = resolve(__dirname, '..');

async function main() {
  const options = apiOptionsFromEnv();
  const h5Port = Number(process.env.H5_PORT ?? 10086);
  const h5Root = resolve(ROOT, 'dist/h5');
  if (!existsSync(resolve(h5Root, 'index.html')) || process.env.REBUILD_H5 === '1') {
    console.log('Building the H5 app (npm run build:h5)…');
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  console.log('Starting DynamoDB Local, the fake WeChat server and the API…');
  const api = await startApi(options);
  const { seeded } = api;
  const h5 = await serveH5({ root: h5Root, port: h5Port, apiBase: api.url });

  console.log(`
小红花 is running:
  H5 app        ${h5.url}
  API           ${api.url}
  Fake WeChat   ${api.wechat?.url ?? '(outside WeChat API)'}
  DynamoDB      ${api.dynamo.endpoint}   data in ${options.dataDir}
Demo accounts (sign in on the H5 screen with this openid; demo dreams are on the 梦想 tab): ${DEMO_USERS.map((u) => `${u.openid} (${u.roles.join('+')})`).join(', ')}
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
  console.error(err);
  process.exit(1);
});
