import { resolve } from 'node:path';
import { readRoutes, startLocalGateway, type RunningGateway } from '../../scripts/lib/local-gateway';

jest.setTimeout(30_000);

describe('the local API Gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startLocalGateway({ port: 0, serverlessFile: resolve(__dirname, '../fixtures/gateway.yml') });
  });
  afterAll(() => gateway.close());

  it('knows every httpApi route of serverless.yml', () => {
    const { routes, timeoutSeconds } = readRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /dreams/{id}/donations', 'GET /me', 'POST /admin/users/{id}/roles']),
    );
    expect(timeoutSeconds).toBe(29);
  });

  it('hands the handler a payload 2.0 event: path parameters, query, lower-case headers, body', async () => {
    const response = await fetch(`${gateway.url}/things/a%20b?x=1&x=2&y=z`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom': 'v' },
      body: '{"n":1}',
    });
    const { event, remainingMs } = await response.json();
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /things/{id}',
      rawPath: '/things/a%20b',
      rawQueryString: 'x=1&x=2&y=z',
      pathParameters: { id: 'a b' },
      queryStringParameters: { x: '1,2', y: 'z' },
      body: '{"n":1}',
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/things/a%20b' }, stage: '$default' },
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-custom': 'v' });
    expect(remainingMs).toBeGreaterThan(0);
    expect(remainingMs).toBeLessThanOrEqual(1_000);
  });

  it('matches a literal path before a parameter, and answers 404 for no route', async () => {
    const mine = await (await fetch(`${gateway.url}/things/mine`)).json();
    expect(mine.event.routeKey).toBe('GET /things/mine');
    expect((await (await fetch(`${gateway.url}/things/1/part`)).json()).event.pathParameters).toEqual({ id: '1', part: 'part' });
    const none = await fetch(`${gateway.url}/nothing-here`);
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ message: 'Not Found' });
  });

  it('answers CORS preflights and exposes the listed headers', async () => {
    const preflight = await fetch(`${gateway.url}/things/1`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const simple = await fetch(`${gateway.url}/things/mine`, { headers: { origin: 'http://127.0.0.1:10086' } });
    expect(simple.headers.get('access-control-expose-headers')).toBe('Idempotent-Replayed');
  });

  it('answers a timeout and a crash as API Gateway does, never with the function’s internals', async () => {
    const slow = await fetch(`${gateway.url}/things/slow`, { method: 'POST' });
    expect(slow.status).toBe(503);
    expect(await slow.json()).toEqual({ message: 'Service Unavailable' });
    const throws = await fetch(`${gateway.url}/things/throws`, { method: 'POST' });
    expect(throws.status).toBe(500);
    const text = await throws.text();
    expect(text).toBe('{"message":"Internal Server Error"}');
  });
});
