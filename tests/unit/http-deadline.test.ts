import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { route } from '../../functions/contract/route';
import { httpRoute } from '../../functions/shared/http';

const slowRoute = route({
  method: 'GET',
  path: '/slow',
  summary: 'a test route',
  source: 'added',
  tag: 'test',
  auth: 'none',
  status: 200,
  response: z.object({}).passthrough(),
});

const event = { rawPath: '/slow', requestContext: { http: { method: 'GET' } }, headers: {} } as unknown as APIGatewayProxyEventV2;
const contextWith = (remainingMs: number) => ({ awsRequestId: 'test', getRemainingTimeInMillis: () => remainingMs }) as unknown as Context;

/** A use case that answers after `ms` of (fake) time. */
const takingMs = (ms: number) => () => new Promise<Record<string, unknown>>((done) => setTimeout(() => done({ late: true }), ms));

// Time is Jest's fake clock: the test moves it, so a slow machine cannot make it pass or fail.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('the edge answers before the function times out', () => {
  it('a use case that outlasts the time left answers 503 BUSY_TRY_AGAIN with Retry-After, in the envelope, at the deadline', async () => {
    // Arrange: 4.3 s left and a 4 s margin, so the edge has 0.3 s; the use case needs 5 s.
    const slow = httpRoute(slowRoute, { handle: takingMs(5_000) });
    let answer: APIGatewayProxyStructuredResultV2 | undefined;

    // Act: the clock runs to just before the deadline, then to it.
    void slow(event, contextWith(4_300)).then((result) => (answer = result));
    await jest.advanceTimersByTimeAsync(299);
    const answerBeforeDeadline = answer;
    await jest.advanceTimersByTimeAsync(1);

    // Assert
    expect(answerBeforeDeadline).toBeUndefined();
    expect(answer?.statusCode).toBe(503);
    expect(answer?.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(answer!.body!)).toEqual({ error: { code: 'BUSY_TRY_AGAIN', message: expect.any(String) } });
  });

  it('a use case that finishes in time answers as usual', async () => {
    // Arrange: 10 s left; the use case needs 0.2 s.
    const quick = httpRoute(slowRoute, { handle: takingMs(200) });

    // Act
    const answering = quick(event, contextWith(10_000));
    await jest.advanceTimersByTimeAsync(200);
    const answer = await answering;

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body!)).toEqual({ late: true });
  });
});
