import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { route } from '../../functions/contract/route';
import { httpRoute } from '../../functions/shared/http';

const slowRoute = route({
  method: 'GET',
  path: '/slow',
  summary: 'a test route',
  source: 'api-additions',
  tag: 'test',
  auth: 'none',
  status: 200,
  response: z.object({}).passthrough(),
});

const event = { rawPath: '/slow', requestContext: { http: { method: 'GET' } }, headers: {} } as unknown as APIGatewayProxyEventV2;
const contextWith = (remainingMs: number) => ({ awsRequestId: 'test', getRemainingTimeInMillis: () => remainingMs }) as unknown as Context;

describe('the edge answers before the function times out', () => {
  it('a use case that outlasts the time left answers 503 BUSY_TRY_AGAIN with Retry-After, in the envelope', async () => {
    // Arrange: 4.3 s left, so the edge has 0.3 s; the use case needs 5 s.
    const route = httpRoute(slowRoute, { handle: () => new Promise((done) => setTimeout(() => done({ late: true }), 5_000).unref()) });
    const started = Date.now();

    // Act
    const answer = await route(event, contextWith(4_300));

    // Assert
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'BUSY_TRY_AGAIN', message: expect.any(String) } });
  });

  it('a use case that finishes in time answers as usual', async () => {
    const route = httpRoute(slowRoute, { handle: async () => ({ ok: true }) });
    const answer = await route(event, contextWith(10_000));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body!)).toEqual({ ok: true });
  });
});
