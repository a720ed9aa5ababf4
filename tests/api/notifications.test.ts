import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(60_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

/** A dream the donor alone fills: they get one dream_executable notification. */
async function filledBy(donor: { token: string }, admin: { token: string }) {
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '读书角的梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  await call('POST', `/dreams/${body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  await grant(donor.token, 1_000);
  const gift = await call('POST', `/dreams/${body.dream.id}/donations`, {
    token: donor.token,
    body: { flowers: 1_000 },
    headers: { 'idempotency-key': `fill-${body.dream.id}` },
  });
  expect(gift.body.dream.status).toBe('executable');
  // The telling runs from the table's stream, after the gift answered.
  const told = await eventually(
    async () => (await call('GET', '/me/notifications', { token: donor.token })).body.items,
    (items: { refId: string }[]) => items.some((n) => n.refId === body.dream.id),
  );
  expect(told.some((n: { refId: string }) => n.refId === body.dream.id)).toBe(true);
  return body.dream.id as string;
}

describe('notifications people can read', () => {
  it('the unread count on GET /me, one read, then read again, then someone else’s', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const donor = await devSignIn();
    await filledBy(donor, admin);
    expect((await call('GET', '/me', { token: donor.token })).body.unreadNotifications).toBe(1);
    const [notification] = (await call('GET', '/me/notifications', { token: donor.token })).body.items;
    expect(notification).toMatchObject({ type: 'dream_executable', read: false });

    // Act
    const read = await call('POST', `/me/notifications/${notification.id}/read`, { token: donor.token });
    const again = await call('POST', `/me/notifications/${notification.id}/read`, { token: donor.token });
    const stranger = await devSignIn();
    const theirs = await call('POST', `/me/notifications/${notification.id}/read`, { token: stranger.token });

    // Assert
    expect([read.status, read.body.notification.read, read.body.unread]).toEqual([200, true, 0]);
    expect([again.status, again.body.unread]).toEqual([200, 0]);
    expect(theirs.status).toBe(404);
    expect((await call('GET', '/me', { token: donor.token })).body.unreadNotifications).toBe(0);
    expect((await call('GET', '/me/notifications', { token: donor.token })).body.items[0].read).toBe(true);
  });

  it('read-all marks every notification read at once', async () => {
    const admin = await devSignIn(['admin']);
    const donor = await devSignIn();
    await filledBy(donor, admin);
    await filledBy(donor, admin);
    expect((await call('GET', '/me', { token: donor.token })).body.unreadNotifications).toBe(2);

    const answer = await call('POST', '/me/notifications/read-all', { token: donor.token });

    expect([answer.status, answer.body.unread]).toEqual([200, 0]);
    const items = (await call('GET', '/me/notifications', { token: donor.token })).body.items;
    expect(items.map((n: { read: boolean }) => n.read)).toEqual([true, true]);
    expect((await call('GET', '/me', { token: donor.token })).body.unreadNotifications).toBe(0);
    // A notification after read-all is unread again.
    await filledBy(donor, admin);
    expect((await call('GET', '/me', { token: donor.token })).body.unreadNotifications).toBe(1);
  });
});
