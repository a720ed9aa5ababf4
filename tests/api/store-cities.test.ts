import { call, devSignIn } from '../support/http-client';

jest.setTimeout(60_000);

/** A merchant opens a store in `city`; an admin approves it when `approve`. */
async function storeIn(city: string, approve: boolean) {
  const merchant = await devSignIn(['merchant']);
  const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '爱心面馆', city, address: '南山区科技园 1 号' } });
  expect(opened.status).toBe(201);
  if (approve) {
    const admin = await devSignIn(['admin']);
    await call('POST', `/stores/${opened.body.store.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  }
}

describe('GET /stores/cities over HTTP', () => {
  it('lists each city with an active store once, without a sign-in; a city whose only store waits for review is not offered', async () => {
    // Arrange
    const suffix = Date.now() % 100_000;
    const open = `开张城${suffix}`;
    const waiting = `待审城${suffix}`;
    await storeIn(open, true);
    await storeIn(open, true);
    await storeIn(waiting, false);
    // Act
    const answer = await call('GET', '/stores/cities');
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body.cities.filter((city: string) => city === open)).toEqual([open]);
    expect(answer.body.cities).not.toContain(waiting);
  });
});
