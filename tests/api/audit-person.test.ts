import { call, devSignIn } from '../support/http-client';

jest.setTimeout(90_000);

describe('GET /admin/audit?personId=: one person’s entries', () => {
  it('lists only the entries about that person, newest first', async () => {
    // Arrange: two people, each given a role by an admin
    const admin = await devSignIn(['admin']);
    const one = await devSignIn();
    const two = await devSignIn();
    const grant = (userId: string, role: string, reason: string) =>
      call('POST', `/admin/users/${userId}/roles`, { token: admin.token, body: { role, action: 'grant', reason } });
    await grant(one.user.id, 'charity', '机构资质已核验');
    await grant(two.user.id, 'merchant', '营业执照已核验');
    await grant(one.user.id, 'merchant', '开了爱心餐店');

    // Act
    const trail = await call('GET', `/admin/audit?personId=${one.user.id}&limit=100`, { token: admin.token });

    // Assert
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { targetId: string }) => e.targetId)).toEqual([one.user.id, one.user.id]);
    expect(trail.body.items.map((e: { detail: string; reason: string }) => [e.detail, e.reason])).toEqual([
      ['merchant', '开了爱心餐店'],
      ['charity', '机构资质已核验'],
    ]);
  });

  it('refuses a person and a target together, and a non-admin', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const person = await devSignIn();

    // Act
    const both = await call('GET', `/admin/audit?personId=${person.user.id}&targetId=${person.user.id}`, { token: admin.token });
    const byPerson = await call('GET', `/admin/audit?personId=${person.user.id}`, { token: person.token });

    // Assert
    expect([both.status, both.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(byPerson.status).toBe(403);
  });
});
