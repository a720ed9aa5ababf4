import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RESULT_PREFIX } from './http-bench-client';
import { arrangeHotDream, runGifts, type GiftRunResult } from './http-bench-workload';
import { freePort } from './ports';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

export type { GiftRunResult };

/**
 * The round each side runs, unmeasured, before its measured gifts: a freshly started DynamoDB
 * Local (a JVM) is several times slower for its first minute, and the API's handlers compile on
 * their first request; the figures are of the running system, as a deployed one is.
 */
export const WARM_UP = { donors: 16, giftsEach: 20 };

export interface HttpBenchResult {
  /** The gifts sent from the bench's own process. */
  inProcess: GiftRunResult;
  /** The same workload from a client process of its own, as an outside client sends it. */
  outside: GiftRunResult;
}

/** Resolves once the child prints `marker`; rejects if it exits first. */
function waitForLine(child: ChildProcess, marker: string, what: string): Promise<string> {
  return new Promise<string>((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const at = output.indexOf(marker);
      if (at >= 0 && output.indexOf('\n', at) >= 0) done(output.slice(at + marker.length, output.indexOf('\n', at)));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${what} exited (${code}):\n${output.slice(-2000)}`)));
  });
}

/** The workload in a `tsx` child process of its own (scripts/lib/http-bench-client.ts). */
async function runOutsideClient(base: string, donors: number, giftsEach: number): Promise<GiftRunResult> {
  const client = spawn(
    process.execPath,
    [TSX, resolve(__dirname, 'http-bench-client.ts'), '--base', base, '--donors', String(donors), '--gifts-each', String(giftsEach), '--label', 'outside'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    return JSON.parse(await waitForLine(client, RESULT_PREFIX, 'the bench client')) as GiftRunResult;
  } finally {
    client.kill('SIGTERM');
  }
}

/**
 * The hot-dream workload through the running API: `npm run api` (its own process, as a client
 * meets it) on the bench's DynamoDB Local; `donors` people each give `giftsEach` gifts in turn,
 * first from a client process of its own, then from this process, each run on a dream of its own,
 * after the same unmeasured warm-up round the domain reference gets.
 */
export async function runHttpBench(dynamodbEndpoint: string, donors: number, giftsEach: number): Promise<HttpBenchResult> {
  const port = await freePort();
  const api = spawn(process.execPath, [TSX, resolve(ROOT, 'scripts/api.ts')], {
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
    await waitForLine(api, 'API ready at', 'npm run api');
    const base = `http://127.0.0.1:${port}`;
    await runGifts(base, await arrangeHotDream(base, WARM_UP.donors, 'warm-up'), WARM_UP.giftsEach, 'warm-up');
    const outside = await runOutsideClient(base, donors, giftsEach);
    const inProcess = await runGifts(base, await arrangeHotDream(base, donors, 'in-process'), giftsEach, 'in-process');
    return { inProcess, outside };
  } finally {
    api.kill('SIGTERM');
  }
}
