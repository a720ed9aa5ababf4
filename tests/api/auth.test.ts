import { SignJWT } from 'jose';
import { LOCAL_JWT_SECRET } from '../../functions/shared/config';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(60_000);

const sign = (secret: string, claims: { sub: string; exp: number }) =>
  new SignJWT({ roles: ['donor'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer('little-red-flower')
    .setAudience('little-red-flower-app')
    .setIssuedAt(claims.exp - 3600)
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));

async function wechatCode(openid: string): Promise<{ code: string; sessionKey: string }> {
  const response = await fetch(`${process.env.FAKE_WECHAT_URL}/__fake__/login-codes`, { method: 'POST', body: JSON.stringify({ openid }) });
  return response.json() as Promise<{ code: string; sessionKey: string }>;
}

describe('auth over HTTP', () => {
  it('a dev sign-in gives a token that GET /me accepts, and a new user starts with 0 flowers', async () => {
    const { token, user } = await devSignIn(['merchant']);
    expect(user.roles).toEqual(['donor', 'merchant']);
    const me = await call('GET', '/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: { ...user, avatarUrl: null }, flowers: { balance: 0, earned: 0, given: 0 }, unreadNotifications: 0, unreadLetters: 0 });
  });

  it('the same openid is the same user, whose roles become donor plus the given ones', async () => {
    // Arrange
    const openid = `same-${Date.now()}`;
    const first = await call('POST', '/auth/dev', { body: { openid, roles: ['admin', 'charity'] } });

    // Act
    const second = await call('POST', '/auth/dev', { body: { openid, roles: ['merchant'] } });

    // Assert
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(first.body.user.roles).toEqual(['donor', 'charity', 'admin']);
    expect(second.body.user.roles).toEqual(['donor', 'merchant']);
  });

  it('a seeded charity signing in with its roles, as the dev screen sends them, stays a charity, and the audit records no revoke', async () => {
    // Arrange
    const admin = await call('POST', '/auth/dev', { body: { openid: 'demo-admin', roles: ['admin'] } });

    // Act
    const charity = await call('POST', '/auth/dev', { body: { openid: 'demo-charity', roles: ['charity'] } });

    // Assert
    expect(charity.status).toBe(200);
    expect(charity.body.user.roles).toEqual(expect.arrayContaining(['donor', 'charity']));
    expect((await call('GET', '/me', { token: charity.body.token })).body.user.roles).toContain('charity');
    const trail = await call('GET', `/admin/audit?targetId=${charity.body.user.id}`, { token: admin.body.token });
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((entry: { action: string }) => entry.action)).not.toContain('role.revoke');
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'Bearer not-a-token'],
    ['wrong scheme', 'Basic dXNlcjpwYXNz'],
  ])('a %s token gets 401 UNAUTHENTICATED', async (_name, authorization) => {
    const answer = await call('GET', '/me', { headers: authorization ? { authorization } : {} });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('a forged token (signed with another secret) gets 401', async () => {
    const { user } = await devSignIn();
    const forged = await sign('an-attacker-secret-that-is-long-enough-0123456789', { sub: user.id, exp: Math.floor(Date.now() / 1000) + 3600 });
    const answer = await call('GET', '/me', { token: forged });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('an expired token gets 401, also on a route that needs no token', async () => {
    const { user } = await devSignIn();
    const expired = await sign(LOCAL_JWT_SECRET, { sub: user.id, exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await call('GET', '/me/ledger', { token: expired })).status).toBe(401);
    const onPublic = await call('POST', '/auth/dev', { token: expired, body: { openid: 'x1' } });
    expect(onPublic.status).toBe(401);
  });

  it('POST /auth/wechat signs in through code2Session and never returns the session_key', async () => {
    const { code, sessionKey } = await wechatCode(`wx-${Date.now()}`);
    const answer = await call('POST', '/auth/wechat', { body: { code } });
    expect(answer.status).toBe(200);
    expect(answer.body.user.roles).toEqual(['donor']);
    expect(answer.text).not.toContain(sessionKey);
    expect(answer.text).not.toContain('session');
    const me = await call('GET', '/me', { token: answer.body.token });
    expect(me.status).toBe(200);
    expect(me.text).not.toContain(sessionKey);
  });

  it('the same WeChat user signing in twice is one user', async () => {
    const openid = `wx-twice-${Date.now()}`;
    const first = await call('POST', '/auth/wechat', { body: { code: (await wechatCode(openid)).code } });
    const second = await call('POST', '/auth/wechat', { body: { code: (await wechatCode(openid)).code } });
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it.each([
    ['an unknown code (40029)', async () => 'never-issued-code'],
    [
      'a used code (40163)',
      async () => {
        const { code } = await wechatCode(`wx-used-${Date.now()}`);
        await call('POST', '/auth/wechat', { body: { code } });
        return code;
      },
    ],
    ['a rate-limited user (45011)', async () => 'rate-limited-1'],
    ['a high-risk user (40226)', async () => 'high-risk-1'],
  ])('%s gets 401 WECHAT_LOGIN_FAILED', async (_name, makeCode) => {
    const answer = await call('POST', '/auth/wechat', { body: { code: await makeCode() } });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('WECHAT_LOGIN_FAILED');
  });
});
