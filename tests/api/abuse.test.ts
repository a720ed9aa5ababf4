import { SignJWT } from 'jose';
import type { ZodTypeAny } from 'zod';
import { isTextSchema } from '../../functions/contract/schema-kit';
import { ALL_ROUTES } from '../../functions/contract/routes';
import { LOCAL_JWT_SECRET } from '../../functions/shared/config';
import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const dream = (title: string, story = STORY) => ({ title, story, category: 'education', targetFlowers: 1_000 });

/** Each spoof the text rule refuses, at the start, middle or end of an otherwise fine text. */
const ABUSIVE: [string, string][] = [
  ['a right-to-left override', '梦想\u202E标题'],
  ['a left-to-right isolate', '梦想\u2066标题'],
  ['a zero-width space', '梦想\u200B标题'],
  ['a NUL', '梦想\u0000标题'],
  ['a C1 control', '梦想\u0085标题'],
  ['a lone surrogate', '梦想\uD800标题'],
  ['a stray zero-width joiner', '梦想\u200D标题'],
];

/** The paths of every text field in a body schema (nested objects too, e.g. matchFund.sponsorName). */
function textPaths(schema: ZodTypeAny | undefined, prefix: string[] = []): string[][] {
  if (!schema) return [];
  if (isTextSchema(schema)) return [prefix];
  const def = schema._def as {
    typeName: string;
    innerType?: ZodTypeAny;
    schema?: ZodTypeAny;
    options?: ZodTypeAny[];
    shape?: () => Record<string, ZodTypeAny>;
  };
  if (def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable' || def.typeName === 'ZodDefault') return textPaths(def.innerType, prefix);
  if (def.typeName === 'ZodEffects') return textPaths(def.schema, prefix);
  if (def.typeName === 'ZodObject') return Object.entries(def.shape!()).flatMap(([key, child]) => textPaths(child, [...prefix, key]));
  return [];
}

const bodyWith = (path: string[], value: string): unknown => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

describe('text that cannot spoof or vanish', () => {
  let token: string;
  beforeAll(async () => {
    token = (await devSignIn(['merchant', 'charity', 'worker', 'admin'])).token;
  });

  it.each([
    ['spaces', '    '],
    ['ideographic spaces and tabs', '\u3000\u3000 \u3000'],
    ['a short title padded with spaces', '  ab  '],
  ])('a title of %s is refused (it is trimmed before it is counted)', async (_name, title) => {
    const answer = await call('POST', '/dreams', { token, body: dream(title) });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(answer.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path: ['title'] })]));
  });

  it('a story of spaces is refused, and stored text is exactly what was validated', async () => {
    expect((await call('POST', '/dreams', { token, body: dream('一间图书角', ' '.repeat(40)) })).status).toBe(400);
    const answer = await call('POST', '/dreams', { token, body: dream('\u3000\u3000一间图书角\u3000', `  ${STORY}\r\n第二段。  `) });
    expect(answer.status).toBe(201);
    expect(answer.body.dream.title).toBe('一间图书角');
    expect(answer.body.dream.story).toBe(`${STORY}\n第二段。`);
  });

  it('normalizes to NFC: a decomposed é is stored composed', async () => {
    const answer = await call('POST', '/dreams', { token, body: dream('Cafe\u0301 的梦想') });
    expect(answer.body.dream.title).toBe('Café 的梦想');
  });

  it('keeps emoji sequences whole', async () => {
    const answer = await call('POST', '/dreams', { token, body: dream('👨‍👩‍👧 一家人的梦想') });
    expect([answer.status, answer.body.dream?.title]).toEqual([201, '👨‍👩‍👧 一家人的梦想']);
  });

  const fields = ALL_ROUTES.flatMap((route) => textPaths(route.body).map((path) => ({ route, path })));

  it('the sweep reaches the text fields of every route that takes text', () => {
    expect(fields.map((f) => `${f.route.method} ${f.route.path} ${f.path.join('.')}`)).toEqual(
      expect.arrayContaining([
        'POST /dreams title',
        'POST /dreams story',
        'POST /dreams/{id}/review matchFund.sponsorName',
        'POST /stores address',
        'POST /admin/sponsors logoText',
      ]),
    );
  });

  for (const { route, path } of fields) {
    it.each(ABUSIVE)(`${route.method} ${route.path} refuses ${path.join('.')} with %s, naming the field`, async (_name, value) => {
      // Act: only this field; the others are missing and refused too, each with its own entry.
      const answer = await call(route.method, route.path.replace(/\{[^}]+\}/g, 'NOSUCHTHING'), { token, body: bodyWith(path, value) });

      // Assert
      expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const mine = (answer.body.error.details as { path: string[]; message: string }[]).filter((d) => d.path.join('.') === path.join('.'));
      expect(mine).toEqual([expect.objectContaining({ message: expect.stringMatching(/contains/) })]);
    });
  }
});

describe('no self-dealing (four eyes)', () => {
  it('a merchant cannot record a low-carbon action on their own member code', async () => {
    const merchant = await call('POST', '/auth/dev', { body: { openid: 'demo-merchant', roles: ['merchant'] } });
    const { body: own } = await call('GET', '/me/member-code', { token: merchant.body.token });
    const before = (await call('GET', '/me', { token: merchant.body.token })).body.flowers.balance;
    const answer = await call('POST', '/lowcarbon/actions', { token: merchant.body.token, body: { code: own.code, action: 'own_cup' } });
    expect([answer.status, answer.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('GET', '/me', { token: merchant.body.token })).body.flowers.balance).toBe(before);
  });

  it('an admin cannot approve their own dream; another admin can', async () => {
    const author = await devSignIn(['admin']);
    const { body } = await call('POST', '/dreams', { token: author.token, body: dream('我自己提的梦想') });
    const own = await call('POST', `/dreams/${body.dream.id}/review`, { token: author.token, body: { decision: 'approve' } });
    expect([own.status, own.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const other = await devSignIn(['admin']);
    expect((await call('POST', `/dreams/${body.dream.id}/review`, { token: other.token, body: { decision: 'approve' } })).status).toBe(200);
  });

  it('an admin who is also a merchant cannot approve their own store', async () => {
    const both = await devSignIn(['admin', 'merchant']);
    const { body } = await call('POST', '/stores', { token: both.token, body: { name: '自家小店', city: '深圳', address: '南山区 1 号' } });
    const own = await call('POST', `/stores/${body.store.id}/review`, { token: both.token, body: { decision: 'approve' } });
    expect([own.status, own.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('quotas', () => {
  it('a person proposes 5 dreams a day; the 6th gets 429 RATE_LIMITED with Retry-After', async () => {
    const { token } = await devSignIn();
    for (let i = 1; i <= 5; i++) expect((await call('POST', '/dreams', { token, body: dream(`第${i}个小梦想`) })).status).toBe(201);
    const sixth = await call('POST', '/dreams', { token, body: dream('第六个小梦想') });
    expect([sixth.status, sixth.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect((await call('GET', '/me/dreams', { token })).body.items).toHaveLength(5);
  });

  it('team codes cannot be guessed in bulk: the 11th attempt in a minute gets 429', async () => {
    const { token } = await devSignIn();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await call('POST', '/teams/join', { token, body: { code: `ZZZZ${String(i).padStart(2, '0')}` } })).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(answers[10]).toBe(429);
  });

  it('failed WeChat logins from one address: 10 a minute get 401, then 429, and others are not affected', async () => {
    // Arrange: this test's own loopback address, so no other test shares its count.
    const fromAddress = `127.0.${(process.pid % 200) + 10}.${Math.floor(Math.random() * 200) + 20}`;
    // The quota counts in minute windows (Asia/Shanghai): start early in one, so the 11 attempts share it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call('POST', '/auth/wechat', { body: { code: `never-issued-${i}` }, fromAddress })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect((await call('POST', '/auth/wechat', { body: { code: 'never-issued-x' } })).status).toBe(401);
  });
});

describe('idempotency compares the request as sent', () => {
  it('the same key with an extra field is a different request: 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const { token } = await devSignIn();
    const key = `extra-${Date.now()}`;
    expect((await call('POST', '/dev/grants', { token, body: { flowers: 1 }, headers: { 'idempotency-key': key } })).status).toBe(201);
    const changed = await call('POST', '/dev/grants', { token, body: { flowers: 1, extra: 'zzz' }, headers: { 'idempotency-key': key } });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    // Key order and whitespace are not the request: a repeat written differently replays.
    const respaced = await call('POST', '/dev/grants', {
      token,
      rawBody: '{ "flowers" : 1 }',
      headers: { 'idempotency-key': key, 'content-type': 'application/json' },
    });
    expect([respaced.status, respaced.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect((await call('GET', '/me', { token })).body.flowers.balance).toBe(1);
  });
});

describe('refusal order (the contract: 401, 400, 403/404, then the 409s)', () => {
  const signedIn = ALL_ROUTES.filter((r) => r.auth === 'required');
  const withInput = ALL_ROUTES.filter((r) => r.body);

  it.each(signedIn.map((r) => [r.method, r.path]))('%s %s without a token and with broken input: 401 first', async (method, path) => {
    const where = path.replace(/\{[^}]+\}/g, 'NOSUCHTHING');
    const answer =
      method === 'GET'
        ? await call(method, `${where}?limit=abc&cursor=%25%25`)
        : await call(method, where, { rawBody: '{"broken', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(401);
  });

  it.each(withInput.map((r) => [r.method, r.path]))('%s %s as a plain donor with a broken body: 400 before any 403 or 404', async (method, path) => {
    const { token } = await devSignIn();
    const answer = await call(method, path.replace(/\{[^}]+\}/g, 'NOSUCHTHING'), { token, rawBody: '[1]', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
  });

  it('a gift through a team the giver is not in, to an adopted dream, with no flowers: 403, not 409', async () => {
    // Arrange: a dream that reached its target and was adopted, and a team of someone else's.
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', { token: proposer.token, body: dream('被认领的梦想') });
    await call('POST', `/dreams/${body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
    const captain = await devSignIn();
    const { body: team } = await call('POST', `/dreams/${body.dream.id}/teams`, { token: captain.token, body: { name: '别人的队伍' } });
    const rich = await devSignIn();
    await grant(rich.token, 1_000);
    await call('POST', `/dreams/${body.dream.id}/donations`, {
      token: rich.token,
      body: { flowers: 1_000 },
      headers: { 'idempotency-key': `fill-${Date.now()}` },
    });
    const charity = await devSignIn(['charity']);
    expect((await call('POST', `/dreams/${body.dream.id}/adopt`, { token: charity.token })).status).toBe(200);
    const stranger = await devSignIn();

    // Act
    const answer = await call('POST', `/dreams/${body.dream.id}/donations`, {
      token: stranger.token,
      body: { flowers: 5, teamId: team.team.id },
      headers: { 'idempotency-key': `order-${Date.now()}` },
    });

    // Assert
    expect([answer.status, answer.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // Without the team: the 409s in their order, DREAM_NOT_ACCEPTING before INSUFFICIENT_FLOWERS.
    const plain = await call('POST', `/dreams/${body.dream.id}/donations`, {
      token: stranger.token,
      body: { flowers: 5 },
      headers: { 'idempotency-key': `order2-${Date.now()}` },
    });
    expect([plain.status, plain.body.error.code]).toEqual([409, 'DREAM_NOT_ACCEPTING']);
  });
});

describe('tokens', () => {
  const secret = new TextEncoder().encode(LOCAL_JWT_SECRET);
  const sign = (claims: { sub?: string; exp?: boolean }) => {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('little-red-flower')
      .setAudience('little-red-flower-app')
      .setIssuedAt();
    if (claims.sub) jwt.setSubject(claims.sub);
    if (claims.exp) jwt.setExpirationTime('1h');
    return jwt.sign(secret);
  };

  it('a token without exp is refused: it would never expire', async () => {
    const { user } = await devSignIn();
    const answer = await call('GET', '/me', { token: await sign({ sub: user.id }) });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a token whose sub names nobody is refused, also where no role is needed', async () => {
    const token = await sign({ sub: '01JNOBODYNOBODYNOBODYNOBOD', exp: true });
    const answer = await call('POST', '/dreams', { token, body: dream('没有这个人的梦想') });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('the scheme is case-insensitive (RFC 7235)', async () => {
    const { token } = await devSignIn();
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      expect((await call('GET', '/me', { headers: { authorization: `${scheme} ${token}` } })).status).toBe(200);
    }
  });
});
