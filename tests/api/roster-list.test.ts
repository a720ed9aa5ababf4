import { call, devSignIn } from '../support/http-client';

jest.setTimeout(90_000);

/** An employer name no other test uses. */
const freshEmployer = (label: string) => `${label}${process.pid % 1000}${Date.now() % 100_000}`;

describe('GET /workers/roster: the rows of a roster, for the charity that keeps it', () => {
  it('lists every row, claimed, unclaimed or revoked, with nothing but what the charity imported', async () => {
    // Arrange: an employer registered to a charity, three rows, one claimed and one revoked
    const admin = await devSignIn(['admin']);
    const charity = await devSignIn(['charity']);
    const worker = await devSignIn();
    const employer = freshEmployer('环卫名册');
    await call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId: charity.user.id } });
    const rows = [
      { employeeNumber: 'R001', name: '王五' },
      { employeeNumber: 'R002', name: '赵六' },
      { employeeNumber: 'R003', name: '钱七' },
    ];
    await call('POST', '/workers/roster', { token: charity.token, body: { employer, rows } });
    await call('POST', '/me/worker', { token: worker.token, body: { employer, employeeNumber: 'R001', name: '王五' } });
    await call('POST', '/workers/roster/revoke', { token: charity.token, body: { employer, employeeNumber: 'R003' } });

    // Act
    const listed = await call('GET', `/workers/roster?employer=${encodeURIComponent(employer)}&limit=100`, { token: charity.token });

    // Assert
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        { employeeNumber: 'R001', name: '王五', claimed: true, revoked: false },
        { employeeNumber: 'R002', name: '赵六', claimed: false, revoked: false },
        { employeeNumber: 'R003', name: '钱七', claimed: false, revoked: true },
      ],
      nextCursor: null,
    });
  });

  it('pages through a long roster by its cursor', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const charity = await devSignIn(['charity']);
    const employer = freshEmployer('环卫分页');
    await call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId: charity.user.id } });
    const rows = ['P1', 'P2', 'P3'].map((employeeNumber) => ({ employeeNumber, name: '孙八' }));
    await call('POST', '/workers/roster', { token: charity.token, body: { employer, rows } });
    const path = `/workers/roster?employer=${encodeURIComponent(employer)}&limit=2`;

    // Act
    const first = await call('GET', path, { token: charity.token });
    const second = await call('GET', `${path}&cursor=${first.body.nextCursor}`, { token: charity.token });

    // Assert
    expect(first.body.items.map((r: { employeeNumber: string }) => r.employeeNumber)).toEqual(['P1', 'P2']);
    expect(second.body.items.map((r: { employeeNumber: string }) => r.employeeNumber)).toEqual(['P3']);
  });

  it('answers 403 to another charity, to an unregistered employer, and to a donor', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const owner = await devSignIn(['charity']);
    const other = await devSignIn(['charity']);
    const donor = await devSignIn();
    const employer = freshEmployer('环卫他家');
    await call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId: owner.user.id } });
    await call('POST', '/workers/roster', { token: owner.token, body: { employer, rows: [{ employeeNumber: 'X1', name: '周九' }] } });
    const path = (name: string) => `/workers/roster?employer=${encodeURIComponent(name)}`;

    // Act
    const byOther = await call('GET', path(employer), { token: other.token });
    const unregistered = await call('GET', path(freshEmployer('无主名册')), { token: owner.token });
    const byDonor = await call('GET', path(employer), { token: donor.token });
    const byAdmin = await call('GET', path(employer), { token: admin.token });

    // Assert
    expect([byOther.status, byOther.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(unregistered.status).toBe(403);
    expect(byDonor.status).toBe(403);
    expect(byAdmin.body.items).toEqual([{ employeeNumber: 'X1', name: '周九', claimed: false, revoked: false }]);
  });
});
