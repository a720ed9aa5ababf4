import { ALL_ROUTES } from '../../functions/contract/routes';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(90_000);

/** An employer name no other test uses. */
const freshEmployer = (label: string) => `${label}${process.pid % 1000}${Date.now() % 100_000}`;

/** An admin registers `employer` to `charityId`. */
async function registerEmployer(admin: { token: string }, employer: string, charityId: string) {
  return call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId } });
}

/** An active store with one funded meal, opened by `owner` and approved by another admin. */
async function fundedStoreOf(owner: { token: string }, name = '自家面馆') {
  const reviewer = await devSignIn(['admin']);
  const opened = await call('POST', '/stores', { token: owner.token, body: { name, city: '深圳', address: '南山区科技园 2 号' } });
  const storeId = opened.body.store.id as string;
  await call('POST', `/stores/${storeId}/review`, { token: reviewer.token, body: { decision: 'approve' } });
  const donor = await devSignIn();
  await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': `fund-${storeId}` } });
  return { storeId, reviewer };
}

describe('a roster row belongs to the charity its employer is registered to', () => {
  it('only that charity imports or revokes its rows, a charity cannot claim a worker row, and the admin sees every change in the audit trail', async () => {
    // Arrange: employer registered to charity A; charity B is another charity
    const admin = await devSignIn(['admin']);
    const charityA = await devSignIn(['charity']);
    const charityB = await devSignIn(['charity']);
    const employer = freshEmployer('环卫一队');
    const unregistered = freshEmployer('无主环卫');
    const registered = await registerEmployer(admin, employer, charityA.user.id);
    const worker = await devSignIn();
    // Act
    const byB = await call('POST', '/workers/roster', { token: charityB.token, body: { employer, rows: [{ employeeNumber: 'E900', name: '张三' }] } });
    const orphan = await call('POST', '/workers/roster', {
      token: charityA.token,
      body: { employer: unregistered, rows: [{ employeeNumber: 'E1', name: '李四' }] },
    });
    const byA = await call('POST', '/workers/roster', {
      token: charityA.token,
      body: {
        employer,
        rows: [
          { employeeNumber: 'E010', name: '王五' },
          { employeeNumber: 'E011', name: '赵六' },
        ],
      },
    });
    const charityClaims = await call('POST', '/me/worker', { token: charityA.token, body: { employer, employeeNumber: 'E011', name: '赵六' } });
    const claimed = await call('POST', '/me/worker', { token: worker.token, body: { employer, employeeNumber: 'E010', name: '王五' } });
    const revokedByB = await call('POST', '/workers/roster/revoke', { token: charityB.token, body: { employer, employeeNumber: 'E010' } });
    const revokedByA = await call('POST', '/workers/roster/revoke', { token: charityA.token, body: { employer, employeeNumber: 'E010' } });
    const listedA = await call('GET', '/workers/employers?limit=100', { token: charityA.token });
    const listedB = await call('GET', '/workers/employers?limit=100', { token: charityB.token });
    const trail = await call('GET', `/admin/audit?targetId=${encodeURIComponent(employer)}&limit=100`, { token: admin.token });
    // Assert
    expect(registered.status).toBe(201);
    expect(registered.body.employer).toMatchObject({ name: employer, charityId: charityA.user.id });
    expect([byB.status, orphan.status]).toEqual([403, 403]);
    expect([byA.status, byA.body]).toEqual([201, { imported: 2, skipped: 0 }]);
    expect(charityClaims.status).toBe(403);
    expect([claimed.status, revokedByB.status]).toEqual([200, 403]);
    expect([revokedByA.status, revokedByA.body.workerId]).toEqual([200, worker.user.id]);
    expect(listedA.body.items.map((e: { name: string }) => e.name)).toContain(employer);
    expect(listedB.body.items.map((e: { name: string }) => e.name)).not.toContain(employer);
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['employer.register', 'roster.claim', 'roster.import', 'roster.revoke']);
  });

  it('only an admin registers an employer, once, to a person who holds the charity role; the registry lists it', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const charity = await devSignIn(['charity']);
    const other = await devSignIn(['charity']);
    const donor = await devSignIn();
    const employer = freshEmployer('环卫二队');
    // Act
    const byCharity = await call('POST', '/admin/employers', { token: charity.token, body: { employer, charityId: charity.user.id } });
    const notCharity = await registerEmployer(admin, employer, donor.user.id);
    const first = await registerEmployer(admin, employer, charity.user.id);
    const again = await registerEmployer(admin, employer, charity.user.id);
    const taken = await registerEmployer(admin, employer, other.user.id);
    const listed = await call('GET', '/admin/employers?limit=100', { token: admin.token });
    // Assert
    expect(byCharity.status).toBe(403);
    expect([notCharity.status, notCharity.body.error.code]).toEqual([409, 'NOT_A_CHARITY']);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect([taken.status, taken.body.error.code]).toEqual([409, 'EMPLOYER_REGISTERED']);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ name: employer, charityId: charity.user.id }));
  });
});

describe('a pass dies with the role', () => {
  it('a pass shown before the worker role was revoked redeems nothing afterwards: 403', async () => {
    // Arrange: a funded store, a worker's pass, then the role revoked
    const merchant = await devSignIn(['merchant']);
    const { storeId, reviewer } = await fundedStoreOf(merchant, '爱心面馆');
    const worker = await devSignIn(['worker']);
    const pass = (await call('GET', '/me/meal-pass', { token: worker.token })).body.pass as string;
    await call('POST', `/admin/users/${worker.user.id}/roles`, { token: reviewer.token, body: { role: 'worker', action: 'revoke', reason: '已离职' } });
    // Act
    const scan = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass } });
    const left = await call('GET', `/me/stores/${storeId}/meals`, { token: merchant.token });
    // Assert
    expect([scan.status, scan.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(left.body.mealsAvailable).toBe(1);
  });
});

describe('four eyes: an admin never acts on a store they own', () => {
  /** A valid body for each admin route acting on a store; a new such route must add one here. */
  const bodyFor = (path: string, otherStoreId: string): unknown =>
    ({
      '/stores/{id}/review': { decision: 'approve' },
      '/admin/stores/{id}/suspend': { reason: '自查' },
      '/admin/stores/{id}/resume': undefined,
      '/admin/stores/{id}/unredeemed': { action: 'move', toStoreId: otherStoreId },
      '/admin/stores/{id}/payouts': { amountFen: 1, reference: '银行回单 9' },
    })[path];
  const ownedStoreRoutes = ALL_ROUTES.filter((r) => r.method !== 'GET' && r.roles?.includes('admin') && /\/stores\/\{id\}\//.test(r.path));

  it('covers every admin route that acts on a store', () => {
    expect(ownedStoreRoutes.map((r) => r.path).sort()).toEqual([
      '/admin/stores/{id}/payouts',
      '/admin/stores/{id}/resume',
      '/admin/stores/{id}/suspend',
      '/admin/stores/{id}/unredeemed',
      '/stores/{id}/review',
    ]);
    for (const r of ownedStoreRoutes) expect(r.errors).toContainEqual(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
  });

  it('answers 403 to an admin who owns the store, on each of them, and moves no money', async () => {
    // Arrange: a store owned by a merchant who is also an admin, suspended by another admin (so every route's state allows it)
    const owner = await devSignIn(['merchant', 'admin']);
    const { storeId, reviewer } = await fundedStoreOf(owner);
    const { storeId: otherStoreId } = await fundedStoreOf(await devSignIn(['merchant']), '别家面馆');
    await call('POST', `/admin/stores/${storeId}/suspend`, { token: reviewer.token, body: { reason: '抽查' } });
    // Act
    const answers: Record<string, number> = {};
    for (const r of ownedStoreRoutes) {
      const path = r.path.replace('{id}', storeId);
      answers[`${r.method} ${r.path}`] = (await call(r.method, path, { token: owner.token, body: bodyFor(r.path, otherStoreId) })).status;
    }
    const windup = await call('GET', `/admin/stores/${storeId}/unredeemed`, { token: reviewer.token });
    // Assert
    expect(Object.values(answers)).toEqual(ownedStoreRoutes.map(() => 403));
    expect(windup.body).toMatchObject({ windup: null, funds: { mealsAvailable: 1, movedOutFen: 0 } });
  });
});

describe('a donation needs its Idempotency-Key', () => {
  it('answers 400 VALIDATION_FAILED naming the header, and creates nothing', async () => {
    // Arrange
    const merchant = await devSignIn(['merchant']);
    const { storeId } = await fundedStoreOf(merchant, '要钥匙的店');
    const donor = await devSignIn();
    // Act
    const keyless = await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals: 1 } });
    const mine = await call('GET', '/me/meals', { token: donor.token });
    // Assert
    expect([keyless.status, keyless.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(keyless.body.error.details).toEqual([expect.objectContaining({ in: 'header', path: ['Idempotency-Key'] })]);
    expect(mine.body.items).toEqual([]);
  });
});
