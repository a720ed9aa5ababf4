import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../scripts/lib/ports';

const ROOT = resolve(__dirname, '../..');

export interface ApiProcess {
  url: string;
  wechatUrl: string;
  wechatpayUrl: string;
  child: ChildProcess;
  env: Record<string, string>;
}

/**
 * Starts `npm run api` exactly as a developer would (through npm), in its own process group so a
 * test can kill -9 the whole tree, and resolves when it prints "API ready at".
 */
export async function startApiProcess(
  dataDir: string,
  ports?: { api: number; dynamo: number; wechat: number },
  extraEnv: Record<string, string> = {},
): Promise<ApiProcess> {
  const api = ports?.api ?? (await freePort());
  const dynamo = ports?.dynamo ?? (await freePort());
  const wechat = ports?.wechat ?? (await freePort());
  const s3 = await freePort();
  const wechatpay = await freePort();
  const env = {
    API_PORT: String(api),
    DYNAMODB_PORT: String(dynamo),
    FAKE_WECHAT_PORT: String(wechat),
    S3_PORT: String(s3),
    FAKE_WECHATPAY_PORT: String(wechatpay),
    DATA_DIR: dataDir,
    STAGE: 'test',
    ...extraEnv,
  };
  const child = spawn('npm', ['run', '--silent', 'api'], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`npm run api did not get ready:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('API ready at')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run api exited with ${code}:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${api}`, wechatUrl: `http://127.0.0.1:${wechat}`, wechatpayUrl: `http://127.0.0.1:${wechatpay}`, child, env };
}

export function killTree(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    try {
      process.kill(-child.pid!, signal);
    } catch {
      done();
    }
  });
}
