import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './ports';

const ROOT = resolve(__dirname, '../..');

export interface HttpBenchResult {
  gifts: number;
  seconds: number;
  giftsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  nonContract: number;
  flowersGiven: number;
  flowersRaised: number;
}

async function post(base: string, path: string, body: unknown, token?: string, key?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { token?: string; dream?: { id: string } } & Record<string, unknown> };
}

/**
 * The hot-dream workload through the running API: `npm run api` (its own process, as a client
 * meets it) on the bench's DynamoDB Local; `donors` people each give `giftsEach` gifts in turn.
 */
export async function runHttpBench(dynamodbEndpoint: string, donors: number, giftsEach: number): Promise<HttpBenchResult> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/api.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      API_PORT: String(port),
      STAGE: 'test',
      LRF_DYNAMODB_ENDPOINT: dynamodbEndpoint,
      LRF_TABLE_NAME: 'bench-http',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lrf-bench-')),
      FAKE_WECHAT_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((done, fail) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('API ready at')) done();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => fail(new Error(`npm run api exited (${code}):\n${output.slice(-2000)}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const admin = (await post(base, '/auth/dev', { openid: 'bench-http-admin', roles: ['admin'] })).body.token as string;
    const proposer = (await post(base, '/auth/dev', { openid: 'bench-http-proposer' })).body.token as string;
    const story = '这是一个通过 HTTP 测量热点梦想吞吐的基准测试梦想，许多人同时为它送小红花。';
    const dream = (await post(base, '/dreams', { title: '九九公益日的大梦想', story, category: 'education', targetFlowers: 100_000_000 }, proposer)).body
      .dream!;
    await post(base, `/dreams/${dream.id}/review`, { decision: 'approve' }, admin);
    const tokens = await Promise.all(
      Array.from({ length: donors }, async (_, i) => {
        const token = (await post(base, '/auth/dev', { openid: `bench-http-donor-${i}` })).body.token as string;
        await post(base, '/dev/grants', { flowers: 1_000_000 }, token);
        return token;
      }),
    );

    const latencies: number[] = [];
    let nonContract = 0;
    let flowersGiven = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      tokens.map(async (token, d) => {
        for (let g = 0; g < giftsEach; g++) {
          const flowers = 1 + (g % 5);
          const t = performance.now();
          const answer = await post(base, `/dreams/${dream.id}/donations`, { flowers }, token, `bench-${d}-${g}`);
          latencies.push(performance.now() - t);
          if (answer.status === 200) flowersGiven += flowers;
          else nonContract++;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    const shown = await (await fetch(`${base}/dreams/${dream.id}`)).json();
    return {
      gifts: latencies.length,
      seconds,
      giftsPerSecond: latencies.length / seconds,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Math.round(latencies[latencies.length - 1]),
      nonContract,
      flowersGiven,
      flowersRaised: shown.dream.flowersRaised,
    };
  } finally {
    child.kill('SIGTERM');
  }
}
