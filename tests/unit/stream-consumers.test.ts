import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readStreamConsumers } from '../../scripts/lib/stream-consumers';

const ROOT = resolve(__dirname, '../..');

/** A serverless.yml of our own, so the test pins how it is read rather than what the real one says. */
function serverlessYml(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lrf-sls-')), 'serverless.yml');
  writeFileSync(file, text);
  return file;
}

describe('reading the stream consumers from serverless.yml', () => {
  it('takes each stream event with its mapping settings, and Lambda’s defaults where none is given', () => {
    // Arrange
    const file = serverlessYml(`
provider:
  timeout: 9
functions:
  api:
    handler: functions/api/handler.main
    events:
      - httpApi: { path: /x, method: get }
  dispatcher:
    handler: functions/events/dispatcher-handler.handler
    timeout: 30
    events:
      - stream:
          type: dynamodb
          batchSize: 50
          parallelizationFactor: 4
          maximumRetryAttempts: 7
          bisectBatchOnFunctionError: true
          functionResponseType: ReportBatchItemFailures
          filterPatterns:
            - dynamodb: { NewImage: { type: { S: [DREAM] } } }
  quiet:
    handler: functions/quiet/handler.run
    events:
      - stream: { type: dynamodb }
`);

    // Act
    const consumers = readStreamConsumers(file);

    // Assert
    expect(consumers).toEqual([
      {
        name: 'dispatcher',
        batchSize: 50,
        parallelizationFactor: 4,
        maximumRetryAttempts: 7,
        bisectBatchOnFunctionError: true,
        reportsBatchItemFailures: true,
        filterPatterns: [{ dynamodb: { NewImage: { type: { S: ['DREAM'] } } } }],
        timeoutSeconds: 30,
        handlerFile: resolve(ROOT, 'functions/events/dispatcher-handler'),
        handlerExport: 'handler',
      },
      {
        name: 'quiet',
        batchSize: 100,
        parallelizationFactor: 1,
        maximumRetryAttempts: 3,
        bisectBatchOnFunctionError: false,
        reportsBatchItemFailures: false,
        filterPatterns: [],
        timeoutSeconds: 9,
        handlerFile: resolve(ROOT, 'functions/quiet/handler'),
        handlerExport: 'run',
      },
    ]);
  });

  it('finds every stream consumer of the real serverless.yml, each with a handler file and export', () => {
    // Act
    const consumers = readStreamConsumers();

    // Assert
    expect(consumers.map((c) => c.name)).toEqual(expect.arrayContaining(['eventDispatcher', 'fanoutWorker', 'photoChecker']));
    for (const consumer of consumers) expect(consumer.handlerExport).toMatch(/^\w+$/);
  });
});
