import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';

describe('admins over HTTP: roles, store review, sponsors, the audit trail', () => {
  let admin: { token: string; user: { id: string } };
  beforeAll(async () => {
    admin = await devSignIn(['admin']);
  });

  const changeRole = (token: string, userId: string, body: object) => call('POST', `/admin/users/${userId}/roles`, { token, body });

  it('an admin grants charity to a person, who can then adopt an executable dream', async () => {
    // Arrange: an executable dream, and a person who is not a charity yet.
    const proposer = await devSignIn();
    const dream = (
      await call('POST', '/dreams', { token: proposer.token, body: { title: '给独居老人送冬衣', story: STORY, category: 'elderly', targetFlowers: 1_000 } })
    ).body.dream;
    await call('POST', `/dreams/${dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
    const donor = await devSignIn();
    await grant(donor.token, 1_000);
    expect((await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 1_000 } })).body.dream.status).toBe('executable');
    const person = await devSignIn();
    expect((await call('POST', `/dreams/${dream.id}/adopt`, { token: person.token })).status).toBe(403);

    // Act
    const found = await call('GET', `/admin/users?userId=${person.user.id}`, { token: admin.token });
    const granted = await changeRole(admin.token, person.user.id, { role: 'charity', action: 'grant', reason: '机构资质已核验' });

    // Assert
    expect(found.status).toBe(200);
    expect(found.body.user).toMatchObject({ id: person.user.id, roles: ['donor'] });
    expect(granted.status).toBe(200);
    expect(granted.body.user.roles).toEqual(['donor', 'charity']);
    expect((await call('GET', '/me', { token: person.token })).body.user.roles).toEqual(['donor', 'charity']);
    const adopted = await call('POST', `/dreams/${dream.id}/adopt`, { token: person.token });
    expect(adopted.status).toBe(200);
    expect(adopted.body.dream).toMatchObject({ status: 'adopted', charityId: person.user.id });
    const trail = await call('GET', `/admin/audit?targetId=${person.user.id}`, { token: admin.token });
    expect(trail.body.items[0]).toMatchObject({
      action: 'role.grant',
      detail: 'charity',
      reason: '机构资质已核验',
      actor: { kind: 'user', id: admin.user.id },
    });
    const dreamTrail = await call('GET', `/admin/audit?targetId=${dream.id}`, { token: admin.token });
    expect(dreamTrail.body.items.map((e: { action: string }) => e.action)).toEqual(['dream.approve']);
  });

  it('finds a person by openid, and answers 404 for nobody and 400 for neither or both', async () => {
    const openid = `admin-find-${Date.now()}`;
    const person = (await call('POST', '/auth/dev', { body: { openid } })).body.user;
    expect((await call('GET', `/admin/users?openid=${openid}`, { token: admin.token })).body.user).toMatchObject({ id: person.id, openid });
    expect((await call('GET', '/admin/users?openid=nobody-has-this', { token: admin.token })).status).toBe(404);
    expect((await call('GET', '/admin/users', { token: admin.token })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await call('GET', `/admin/users?openid=${openid}&userId=${person.id}`, { token: admin.token })).status).toBe(400);
  });

  it('refuses an admin revoking their own admin role, and lets another admin do it', async () => {
    const self = await devSignIn(['admin']);
    const refused = await changeRole(self.token, self.user.id, { role: 'admin', action: 'revoke', reason: '离职' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CANNOT_REVOKE_OWN_ADMIN');
    expect((await call('GET', '/me', { token: self.token })).body.user.roles).toContain('admin');
    const byOther = await changeRole(admin.token, self.user.id, { role: 'admin', action: 'revoke', reason: '离职' });
    expect(byOther.body.user.roles).toEqual(['donor']);
    expect((await call('GET', '/admin/audit', { token: self.token })).status).toBe(403);
  });

  it('answers 403 to a person who is not an admin, on every admin route', async () => {
    const merchant = await devSignIn(['merchant', 'charity', 'worker']);
    const routes: [string, string, object?][] = [
      ['GET', `/admin/users?userId=${merchant.user.id}`],
      ['POST', `/admin/users/${merchant.user.id}/roles`, { role: 'admin', action: 'grant', reason: '自己给自己' }],
      ['GET', '/admin/audit'],
      ['GET', '/admin/stores'],
      ['POST', '/stores/any-store/review', { decision: 'approve' }],
      ['POST', '/admin/sponsors', { name: '假赞助', logoText: '假', fenPer10kSteps: 100, budgetFen: 100 }],
    ];
    for (const [method, path, body] of routes) {
      const answer = await call(method, path, { token: merchant.token, body });
      expect({ path, status: answer.status, code: answer.body.error.code }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
    }
    expect((await call('GET', '/me', { token: merchant.token })).body.user.roles).not.toContain('admin');
  });

  it('validates a role change: an unknown role or action, or no reason, is 400', async () => {
    const person = await devSignIn();
    for (const body of [
      { role: 'donor', action: 'grant', reason: 'x' },
      { role: 'boss', action: 'grant', reason: 'x' },
      { role: 'charity', action: 'give', reason: 'x' },
      { role: 'charity', action: 'grant' },
    ]) {
      expect((await changeRole(admin.token, person.user.id, body)).body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await changeRole(admin.token, 'no-such-user', { role: 'charity', action: 'grant', reason: 'x' })).status).toBe(404);
  });

  it('a merchant opens a store, it waits pending in the admin queue, and an admin approves it once', async () => {
    const merchant = await devSignIn(['merchant']);
    const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '阿婆爱心粥铺', city: '广州', address: '越秀区北京路 12 号' } });
    expect(opened.status).toBe(201);
    expect(opened.body.store).toMatchObject({ name: '阿婆爱心粥铺', city: '广州', ownerId: merchant.user.id, status: 'pending', mealsAvailable: 0 });
    const storeId = opened.body.store.id;
    expect((await call('POST', '/stores', { token: (await devSignIn()).token, body: { name: '无权开店', city: '广州', address: '越秀区 1 号' } })).status).toBe(
      403,
    );
    const other = await devSignIn(['merchant']);
    await call('POST', '/stores', { token: other.token, body: { name: '第二家小店', city: '广州', address: '天河区 3 号' } });
    const firstPage = await call('GET', '/admin/stores?limit=1', { token: admin.token });
    const secondPage = await call('GET', `/admin/stores?limit=1&cursor=${firstPage.body.nextCursor}`, { token: admin.token });
    expect(firstPage.body.items).toHaveLength(1);
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[0].id);
    const queue = await call('GET', '/admin/stores?limit=100', { token: admin.token });
    expect(queue.body.items.find((s: { id: string }) => s.id === storeId)).toMatchObject({ status: 'pending', owner: { id: merchant.user.id } });

    const approved = await call('POST', `/stores/${storeId}/review`, { token: admin.token, body: { decision: 'approve', note: '证照齐全' } });

    expect(approved.status).toBe(200);
    expect(approved.body.store).toMatchObject({ id: storeId, status: 'active', reviewNote: '证照齐全' });
    expect((await call('POST', `/stores/${storeId}/review`, { token: admin.token, body: { decision: 'reject' } })).body.error.code).toBe('NOT_PENDING');
    expect((await call('GET', '/me/stores', { token: merchant.token })).body.items[0]).toMatchObject({ id: storeId, status: 'active' });
    const afterQueue = await call('GET', '/admin/stores?limit=100', { token: admin.token });
    expect(afterQueue.body.items.some((s: { id: string }) => s.id === storeId)).toBe(false);
    expect((await call('POST', '/stores/no-such-store/review', { token: admin.token, body: { decision: 'approve' } })).status).toBe(404);
    const trail = await call('GET', `/admin/audit?targetId=${storeId}`, { token: admin.token });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['store.approve']);
  });

  it('an admin adds a step sponsor, which the public sponsor list shows', async () => {
    const created = await call('POST', '/admin/sponsors', {
      token: admin.token,
      body: { name: '晨光基金', logoText: '晨光', fenPer10kSteps: 200, budgetFen: 50_000, reason: '年度合作' },
    });
    expect(created.status).toBe(201);
    expect(created.body.sponsor).toMatchObject({ name: '晨光基金', budgetFen: 50_000, remainingFen: 50_000, status: 'active' });
    const listed = await call('GET', '/sponsors?limit=100');
    expect(listed.body.items.find((s: { id: string }) => s.id === created.body.sponsor.id)).toMatchObject({ remainingFen: 50_000 });
    const trail = await call('GET', `/admin/audit?targetId=${created.body.sponsor.id}`, { token: admin.token });
    expect(trail.body.items[0]).toMatchObject({ action: 'sponsor.create', reason: '年度合作' });
  });
});
