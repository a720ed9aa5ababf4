import { ALL_ROUTES } from '../../functions/contract/routes';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

/** Answers about one person: no cache may keep them. */
const PERSONAL = /^\/(me|admin|charity)(\/|$)/;

describe('every answer says what it is, and no cache keeps a personal one', () => {
  it('each route, whatever it answers, carries nosniff; /me*, /admin/* and /charity/* carry no-store', async () => {
    // Arrange: a signed-in person holding every role, so each route answers past its role check
    const person = await devSignIn(['donor', 'admin', 'charity', 'merchant', 'worker']);
    // Closing the account goes last, so every other route still answers this person.
    const closing = (route: { method: string; path: string }) => route.method === 'DELETE' && route.path === '/me';
    const routes = ALL_ROUTES.filter((route) => !route.path.includes('/dev')).sort((a, b) => Number(closing(a)) - Number(closing(b)));
    // Act: every route with its path parameters filled in and no body (a refusal is an answer too)
    const answers = [];
    for (const route of routes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'no-such-id');
      const answer = await call(route.method, path, { token: person.token, skipContractCheck: true });
      answers.push({
        route: `${route.method} ${route.path}`,
        nosniff: answer.headers.get('x-content-type-options'),
        cache: PERSONAL.test(route.path) ? answer.headers.get('cache-control') : 'no-store',
      });
    }
    // Assert
    expect(answers.filter((answer) => answer.nosniff !== 'nosniff' || answer.cache !== 'no-store')).toEqual([]);
    expect(answers.length).toBeGreaterThan(50);
  });

  it('a personal route refusing a caller without a token (401) is not cached either', async () => {
    // Act
    const refused = await call('GET', '/me', {});
    // Assert
    expect([refused.status, refused.headers.get('cache-control'), refused.headers.get('x-content-type-options')]).toEqual([401, 'no-store', 'nosniff']);
  });

  it('GET /openapi.json with an invalid token is 401, like every other public route; without one it is the document', async () => {
    // Act
    const forged = await call('GET', '/openapi.json', { headers: { authorization: 'Bearer not-a-token' } });
    const open = await call('GET', '/openapi.json', {});
    // Assert
    expect([forged.status, forged.body?.error?.code, forged.headers.get('x-content-type-options')]).toEqual([401, 'UNAUTHENTICATED', 'nosniff']);
    expect([open.status, open.body.openapi, open.headers.get('x-content-type-options')]).toEqual([200, '3.1.0', 'nosniff']);
  });
});
