import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { route } from '../../functions/contract/route';
import { AppError, PaymentUnavailableError, RuleViolation, ValidationError } from '../../functions/domain/errors';
import { storeNotActive } from '../../functions/domain/store';
import { httpRoute, logger } from '../../functions/shared/http';

const failingRoute = route({
  method: 'GET',
  path: '/failing',
  summary: 'a test route',
  source: 'added',
  tag: 'test',
  auth: 'none',
  status: 200,
  response: z.object({}).passthrough(),
});

const event = { rawPath: '/failing', requestContext: { http: { method: 'GET' } }, headers: {} } as unknown as APIGatewayProxyEventV2;
const context = { awsRequestId: 'req-cause-1' } as unknown as Context;

/** Every line the logger writes during a test, whatever its level. */
function captureLogs() {
  const lines: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  for (const level of ['error', 'warn', 'info', 'debug'] as const) {
    jest.spyOn(logger, level).mockImplementation(((message: string, attributes: Record<string, unknown>) => {
      lines.push({ level, message, attributes });
    }) as never);
  }
  return lines;
}

afterEach(() => jest.restoreAllMocks());

describe('a typed error keeps its cause', () => {
  it('AppError and its subclasses pass the cause through', () => {
    // Arrange
    const sdkError = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

    // Act
    const errors = [
      new AppError(500, 'X', 'x', undefined, { cause: sdkError }),
      new ValidationError('bad', undefined, { cause: sdkError }),
      new RuleViolation('SOME_RULE', 'no', undefined, { cause: sdkError }),
      new PaymentUnavailableError({ cause: sdkError }),
      storeNotActive(undefined, { cause: sdkError }),
    ];

    // Assert
    for (const error of errors) expect(error.cause).toBe(sdkError);
    expect(storeNotActive()).toMatchObject({ status: 409, code: 'STORE_NOT_ACTIVE', message: '该门店暂未营业' });
    expect('cause' in storeNotActive()).toBe(false);
  });
});

describe('the edge logs a cause once, with the request id, and never answers with it', () => {
  it('a 5xx typed error: the body is the envelope alone, the one log line carries the cause', async () => {
    // Arrange
    const logs = captureLogs();
    const upstream = new Error('connect ECONNREFUSED api.mch.weixin.qq.com:443');
    const handler = httpRoute(failingRoute, {
      handle: async () => {
        throw new PaymentUnavailableError({ cause: upstream });
      },
    });

    // Act
    const answer = await handler(event, context);

    // Assert
    expect(answer.statusCode).toBe(503);
    expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'PAYMENT_UNAVAILABLE', message: expect.any(String) } });
    expect(answer.body).not.toContain('ECONNREFUSED');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'error', attributes: { requestId: 'req-cause-1', status: 503 } });
    expect((logs[0].attributes.error as Error).cause).toBe(upstream);
  });

  it('an unknown error is a bare 500 INTERNAL; its cause is in the log only', async () => {
    // Arrange
    const logs = captureLogs();
    const sdkError = new Error('ProvisionedThroughputExceededException at /var/task/index.js:12');
    const handler = httpRoute(failingRoute, {
      handle: async () => {
        throw new Error('the write failed', { cause: sdkError });
      },
    });

    // Act
    const answer = await handler(event, context);

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(answer.body).not.toMatch(/write failed|Provisioned|var\/task/);
    expect(logs).toHaveLength(1);
    expect(logs[0].attributes).toMatchObject({ requestId: 'req-cause-1', status: 500 });
    expect((logs[0].attributes.error as Error).cause).toBe(sdkError);
  });

  it('a refusal with a cause: the body has the refusal, the one log line has the cause', async () => {
    // Arrange
    const logs = captureLogs();
    const conflict = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException' });
    const handler = httpRoute(failingRoute, {
      handle: async () => {
        throw storeNotActive('门店状态已变化，请刷新', { cause: conflict });
      },
    });

    // Act
    const answer = await handler(event, context);

    // Assert
    expect(answer.statusCode).toBe(409);
    expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'STORE_NOT_ACTIVE', message: '门店状态已变化，请刷新' } });
    expect(logs).toEqual([{ level: 'info', message: 'request refused', attributes: expect.objectContaining({ requestId: 'req-cause-1', cause: conflict }) }]);
  });
});
