import { ALL_ROUTES } from '../../functions/contract/routes';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

/** Every route of the contract (functions/contract), with a made-up id where the path takes one. */
const ROUTES = ALL_ROUTES.map((route) => ({
  method: route.method,
  path: route.path.replace(/\{[^}]+\}/g, 'NOSUCHTHING'),
  auth: route.auth !== 'none',
  takesBody: route.body !== undefined,
  // A list takes `limit` and `cursor` (docs/api.md); its query schema says so (inside a refinement too).
  isList: route.method === 'GET' && route.query !== undefined && 'limit' in queryShape(route.query),
}));

/** A query schema's fields, looking through a refinement (`.refine` wraps the object). */
function queryShape(query: unknown): object {
  const schema = query as { shape?: object; _def?: { schema?: { shape?: object } } };
  return schema.shape ?? schema._def?.schema?.shape ?? {};
}

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
  // WeChat Pay's notification URL answers in WeChat Pay's shape, {code: "FAIL", message}.
  const refusal = what.startsWith('/payments/wechatpay/') ? answer.body : answer.body?.error;
  expect(typeof refusal?.code).toBe('string');
  expect(typeof refusal?.message).toBe('string');
  expect(answer.text).not.toMatch(/\bat .+\.(js|ts):\d+|stack|node_modules/i);
}

describe('malformed input never gets a 5xx', () => {
  let token: string;
  beforeAll(async () => {
    // Every role, so that a role check never stands in for the validation under test.
    token = (await devSignIn(['merchant', 'charity', 'worker', 'admin'])).token;
  });

  // A POST that takes neither a body nor a path id (read-all) ignores a body, so it answers 200.
  for (const route of ROUTES.filter((r) => r.method === 'POST' && (r.takesBody || r.path.includes('NOSUCHTHING')))) {
    it.each(BAD_BODIES)(`${route.method} ${route.path} with %s → 4xx with a code`, async (name, rawBody) => {
      const answer = await call(route.method, route.path, { token: route.auth ? token : undefined, rawBody, headers: { 'content-type': 'application/json' } });
      expectCleanClientError(answer, `${route.path} ${name}`);
    });
  }

  it('the sweep covers every list route of the contract', () => {
    expect(ROUTES.filter((r) => r.isList).map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/me/ledger',
        '/me/notifications',
        '/dreams',
        '/me/dreams',
        '/admin/dreams',
        '/steps/donations',
        '/sponsors',
        '/me/stores',
        '/admin/stores',
        '/admin/audit',
      ]),
    );
  });

  for (const route of ROUTES.filter((r) => r.isList)) {
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
    const answer = await call('GET', '/no/such/route', { token, skipContractCheck: true });
    expect(answer.status).toBe(404);
  });
});
