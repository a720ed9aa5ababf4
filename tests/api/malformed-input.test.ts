import { call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

/** Every route of API.md that exists so far; later features add theirs here. */
const ROUTES: { method: 'GET' | 'POST'; path: string; auth: boolean }[] = [
  { method: 'POST', path: '/auth/wechat', auth: false },
  { method: 'POST', path: '/auth/dev', auth: false },
  { method: 'GET', path: '/me', auth: true },
  { method: 'GET', path: '/me/ledger', auth: true },
  { method: 'POST', path: '/dev/grants', auth: true },
  { method: 'POST', path: '/steps/preview', auth: true },
  { method: 'POST', path: '/steps/donations', auth: true },
  { method: 'GET', path: '/steps/donations', auth: true },
  { method: 'GET', path: '/sponsors', auth: false },
  { method: 'GET', path: '/quiz/today', auth: true },
  { method: 'POST', path: '/quiz/answers', auth: true },
  { method: 'GET', path: '/me/member-code', auth: true },
  { method: 'POST', path: '/lowcarbon/actions', auth: true },
  { method: 'GET', path: '/me/stores', auth: true },
  { method: 'POST', path: '/dreams', auth: true },
  { method: 'GET', path: '/dreams', auth: false },
  { method: 'GET', path: '/dreams/NOSUCHDREAM', auth: false },
  { method: 'POST', path: '/dreams/NOSUCHDREAM/review', auth: true },
  { method: 'POST', path: '/dreams/NOSUCHDREAM/donations', auth: true },
  { method: 'POST', path: '/dreams/NOSUCHDREAM/adopt', auth: true },
  { method: 'POST', path: '/dreams/NOSUCHDREAM/teams', auth: true },
  { method: 'GET', path: '/me/dreams', auth: true },
  { method: 'GET', path: '/admin/dreams', auth: true },
  { method: 'POST', path: '/teams/join', auth: true },
  { method: 'GET', path: '/teams/NOSUCHTEAM', auth: true },
  { method: 'GET', path: '/me/notifications', auth: true },
  { method: 'POST', path: '/stores', auth: true },
  { method: 'POST', path: '/stores/NOSUCHSTORE/review', auth: true },
  { method: 'GET', path: '/admin/stores', auth: true },
  { method: 'GET', path: '/admin/users', auth: true },
  { method: 'POST', path: '/admin/users/NOSUCHUSER/roles', auth: true },
  { method: 'GET', path: '/admin/audit', auth: true },
  { method: 'POST', path: '/admin/sponsors', auth: true },
];

const HUGE = '花'.repeat(100_000);
const BAD_BODIES: [string, string][] = [
  ['not JSON', 'this is not json'],
  ['truncated JSON', '{"code": "abc"'],
  ['a JSON array', '[1,2,3]'],
  ['JSON null', 'null'],
  ['a JSON string', '"hello"'],
  [
    'wrong types',
    JSON.stringify({ code: 12, openid: ['x'], flowers: '5', nickname: { a: 1 }, roles: 'admin', steps: '9000', questionId: 5, choice: 'A', action: 'fly' }),
  ],
  ['wrong WeRun shapes', JSON.stringify({ encryptedData: 5, iv: null, steps: -1 })],
  ['a huge string', JSON.stringify({ code: HUGE, openid: HUGE, flowers: 1, nickname: HUGE })],
  ['__proto__ keys', '{"__proto__": {"admin": true}, "code": "x", "openid": "x", "flowers": 1}'],
  ['constructor.prototype keys', '{"constructor": {"prototype": {"admin": true}}, "openid": "x", "flowers": 1}'],
  // Written out: JSON.stringify would turn 1e309 (Infinity) into null.
  ['out-of-range numbers', '{"flowers": 1e309, "code": "", "openid": ""}'],
  ['negative and fractional numbers', JSON.stringify({ flowers: -1.5, openid: 'a b c', roles: ['king'] })],
  ['empty body', ''],
];

/** /dreams also refuses unknown values of its own filters. */
const BAD_DREAM_QUERIES = ['?sort=cold', '?status=flying', '?category=space', '?sort=hot&cursor=%%%'];
const BAD_QUERIES = ['?limit=0', '?limit=101', '?limit=abc', '?limit=1.5', '?cursor=%%%', '?cursor=bm90LWEtY3Vyc29y', `?cursor=${'x'.repeat(600)}`];

function expectCleanClientError(answer: { status: number; body: any; text: string }, what: string) {
  if (answer.status < 400 || answer.status >= 500) throw new Error(`${what}: expected a 4xx, got ${answer.status} ${answer.text.slice(0, 500)}`);
  expect(typeof answer.body?.error?.code).toBe('string');
  expect(typeof answer.body?.error?.message).toBe('string');
  expect(answer.text).not.toMatch(/\bat .+\.(js|ts):\d+|stack|node_modules/i);
}

/** GET routes that answer one thing, not a list: they take no `limit`/`cursor`. */
const NOT_LISTS = new Set(['/me', '/quiz/today', '/me/member-code', '/dreams/NOSUCHDREAM', '/teams/NOSUCHTEAM', '/admin/users']);

describe('malformed input never gets a 5xx', () => {
  let token: string;
  beforeAll(async () => {
    // Every role, so that a role check never stands in for the validation under test.
    token = (await devSignIn(['merchant', 'charity', 'worker', 'admin'])).token;
  });

  for (const route of ROUTES.filter((r) => r.method === 'POST')) {
    it.each(BAD_BODIES)(`${route.method} ${route.path} with %s → 4xx with a code`, async (name, rawBody) => {
      const answer = await call(route.method, route.path, { token: route.auth ? token : undefined, rawBody, headers: { 'content-type': 'application/json' } });
      expectCleanClientError(answer, `${route.path} ${name}`);
    });
  }

  for (const route of ROUTES.filter((r) => r.method === 'GET')) {
    if (NOT_LISTS.has(route.path)) continue;
    it.each(BAD_QUERIES)(`${route.method} ${route.path}%s → 400 VALIDATION_FAILED (every list takes limit and cursor)`, async (query) => {
      const answer = await call(route.method, `${route.path}${query}`, { token });
      expectCleanClientError(answer, `${route.path}${query}`);
      expect({ route: route.path, query, status: answer.status, code: answer.body.error.code }).toEqual({
        route: route.path,
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    });
  }

  it.each(BAD_DREAM_QUERIES)('GET /dreams%s → 4xx with a code', async (query) => {
    expectCleanClientError(await call('GET', `/dreams${query}`), `/dreams${query}`);
  });

  it.each(['', 'x'.repeat(129), 'clé', 'tab\tkey'])('an Idempotency-Key of %j is refused with 400', async (key) => {
    const answer = await call('POST', '/dev/grants', { token, body: { flowers: 1 }, headers: { 'idempotency-key': key } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a validation error names the fields in details', async () => {
    const answer = await call('POST', '/dev/grants', { token, body: { flowers: 'many' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ in: 'body', path: ['flowers'] })]);
  });

  it('an unknown route is a 404 with the error envelope', async () => {
    const answer = await call('GET', '/no/such/route', { token });
    expect(answer.status).toBe(404);
  });
});
