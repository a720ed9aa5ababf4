import { call, devSignIn } from '../support/http-client';

jest.setTimeout(90_000);

const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';

describe('GET /admin/dreams names who proposed each dream', () => {
  it('answers the nickname of every proposer on the page, in the queue and in one proposer’s view', async () => {
    // Arrange: a proposer with a nickname of their own, and a dream of theirs in review
    const admin = await devSignIn(['admin']);
    const openid = `queue-proposer-${process.pid}-${Date.now()}`;
    const proposer = (await call('POST', '/auth/dev', { body: { openid, nickname: '山里的李老师' } })).body;
    const body = { title: '给山里孩子一间图书角', story: STORY, category: 'elderly', targetFlowers: 1_000 };
    const dream = (await call('POST', '/dreams', { token: proposer.token, body })).body.dream;

    // Act
    const queue = await call('GET', '/admin/dreams?limit=100', { token: admin.token });
    const theirs = await call('GET', `/admin/dreams?proposerId=${proposer.user.id}`, { token: admin.token });

    // Assert
    expect(queue.body.items.map((d: { id: string }) => d.id)).toContain(dream.id);
    expect(queue.body.proposers).toContainEqual({ id: proposer.user.id, nickname: '山里的李老师' });
    expect(theirs.body.proposers).toEqual([{ id: proposer.user.id, nickname: '山里的李老师' }]);
  });
});
