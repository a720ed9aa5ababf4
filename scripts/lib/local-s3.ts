import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startS3Front } from './s3-front';

/**
 * The uploads bucket locally: fauxqs (a maintained S3/SQS/SNS emulator in Node) in a process of its
 * own (scripts/lib/s3-emulator.mjs: it is ESM-only and needs Node ≥ 22.5, which the `node@22`
 * devDependency gives npm scripts), behind a proxy that plays the bucket's CORS rule. fauxqs checks
 * no POST policy and no signature, so a front in this process (scripts/lib/s3-front.ts) does, as S3
 * does: the endpoint handed out is the front's, the emulator listens on an internal port.
 */
export interface LocalS3 {
  /** The S3 endpoint the functions and the app use (path-style). */
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export async function startLocalS3(options: {
  port?: number;
  bucket: string;
  dataDir?: string;
  /** The keys the front takes signatures from (by access key id); the local functions' by default. */
  credentials?: Record<string, string>;
}): Promise<LocalS3> {
  const child = spawn(process.execPath, ['--no-warnings', resolve(__dirname, 's3-emulator.mjs')], {
    env: {
      ...process.env,
      S3_EMULATOR_PORT: '0',
      S3_EMULATOR_BUCKET: options.bucket,
      ...(options.dataDir ? { S3_EMULATOR_DIR: options.dataDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const endpoint = await new Promise<string>((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the S3 emulator did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"endpoint"'));
      if (line) {
        clearTimeout(timer);
        done((JSON.parse(line) as { endpoint: string }).endpoint);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the S3 emulator exited with ${code}:\n${output}`));
    });
  });
  const stopEmulator = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const front = await startS3Front({
    port: options.port,
    emulator: endpoint,
    bucket: options.bucket,
    credentials: options.credentials ?? localCredentials(),
  }).catch(async (err: unknown) => {
    await stopEmulator();
    throw err;
  });
  return {
    endpoint: front.url,
    bucket: options.bucket,
    stop: async () => {
      await front.close();
      await stopEmulator();
    },
  };
}

/** The keys the local functions sign with (scripts/api.ts and the wiring fall back to `local`). */
function localCredentials(): Record<string, string> {
  const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret } = process.env;
  return { local: 'local', ...(id && secret ? { [id]: secret } : {}) };
}
