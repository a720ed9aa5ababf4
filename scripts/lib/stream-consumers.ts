/**
 * The stream consumers serverless.yml declares: each function with a `stream` event, its event
 * source mapping's settings (with Lambda's defaults where none is given) and, loaded on demand,
 * its handler.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import yaml from 'js-yaml';

const ROOT = resolve(__dirname, '../..');

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamConsumerSpec {
  name: string;
  batchSize: number;
  parallelizationFactor: number;
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  reportsBatchItemFailures: boolean;
  filterPatterns: Record<string, unknown>[];
  timeoutSeconds: number;
  handlerFile: string;
  handlerExport: string;
}

export interface StreamConsumer extends StreamConsumerSpec {
  handler: StreamHandler;
}

interface ServerlessDoc {
  provider: { timeout?: number };
  functions: Record<
    string,
    {
      handler: string;
      timeout?: number;
      events?: {
        stream?: {
          batchSize?: number;
          parallelizationFactor?: number;
          maximumRetryAttempts?: number;
          bisectBatchOnFunctionError?: boolean;
          functionResponseType?: string;
          filterPatterns?: Record<string, unknown>[];
        };
      }[];
    }
  >;
}

/** The stream consumers serverless.yml declares, with their mapping settings. */
export function readStreamConsumers(file = resolve(ROOT, 'serverless.yml')): StreamConsumerSpec[] {
  const doc = yaml.load(readFileSync(file, 'utf8')) as ServerlessDoc;
  const specs: StreamConsumerSpec[] = [];
  for (const [name, fn] of Object.entries(doc.functions)) {
    for (const event of fn.events ?? []) {
      const stream = event.stream;
      if (!stream) continue;
      const dot = fn.handler.lastIndexOf('.');
      specs.push({
        name,
        batchSize: stream.batchSize ?? 100,
        parallelizationFactor: stream.parallelizationFactor ?? 1,
        maximumRetryAttempts: stream.maximumRetryAttempts ?? 3,
        bisectBatchOnFunctionError: stream.bisectBatchOnFunctionError ?? false,
        reportsBatchItemFailures: stream.functionResponseType === 'ReportBatchItemFailures',
        filterPatterns: stream.filterPatterns ?? [],
        timeoutSeconds: fn.timeout ?? doc.provider.timeout ?? 6,
        handlerFile: resolve(ROOT, fn.handler.slice(0, dot)),
        handlerExport: fn.handler.slice(dot + 1),
      });
    }
  }
  return specs;
}

/** Loads each consumer's handler the way the local gateway loads an HTTP function. */
export async function loadStreamConsumers(specs: StreamConsumerSpec[] = readStreamConsumers()): Promise<StreamConsumer[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const module = (await import(spec.handlerFile)) as Record<string, unknown>;
      const handler = (module[spec.handlerExport] ?? (module.default as Record<string, unknown> | undefined)?.[spec.handlerExport]) as
        StreamHandler | undefined;
      if (typeof handler !== 'function') throw new Error(`${spec.name}: ${spec.handlerFile} exports no ${spec.handlerExport}`);
      return { ...spec, handler };
    }),
  );
}
