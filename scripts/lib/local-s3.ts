import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The uploads bucket locally: fauxqs (a maintained S3/SQS/SNS emulator in Node) in a process of its
 * own (scripts/lib/s3-emulator.mjs: it is ESM-only and needs Node ≥ 22.5, which the `node@22`
 * devDependency gives npm scripts), behind a proxy that plays the bucket's CORS rule. fauxqs does
 * not enforce POST policies, which is why the server checks every object itself.
 */
export interface LocalS3 {
  /** The S3 endpoint the functions and the app use (path-style). */
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export async function startLocalS3(options: { port?: number; bucket: string; dataDir?: string }): Promise<LocalS3> {
  const child = spawn(process.execPath, ['--no-warnings', resolve(__dirname, 's3-emulator.mjs')], {
    env: {
      ...process.env,
      S3_EMULATOR_PORT: String(options.port ?? 0),
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
  return {
    endpoint,
    bucket: options.bucket,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
