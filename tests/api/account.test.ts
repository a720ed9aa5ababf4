import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';
const idempotent = (name: string) => ({ 'idempotency-key': `${name}-${process.pid}-${Math.random().toString(36).slice(2)}` });

/** An open dream, proposed by someone and approved by an admin. */
async function openDream(admin: string, targetFlowers = 1_000) {
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '给独居老人送冬衣', story: STORY, category: 'elderly', targetFlowers },
  });
  await call('POST', `/dreams/${body.dream.id}/review`, { token: admin, body: { decision: 'approve' } });
  return body.dream.id as string;
}

describe('the account over HTTP', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await devSignIn(['admin'])).token;
  });

  describe('PUT /me/profile', () => {
    it('sets the nickname, checked and normalized, and GET /me shows it', async () => {
      // Arrange
      const { token, user } = await devSignIn();

      // Act
      const answer = await call('PUT', '/me/profile', { token, body: { nickname: '  小红花志愿者  ' } });

      // Assert
      expect(answer.status).toBe(200);
      expect(answer.body.user).toEqual({ ...user, nickname: '小红花志愿者', avatarUrl: null });
      expect((await call('GET', '/me', { token })).body.user.nickname).toBe('小红花志愿者');
    });

    it('a risky nickname is refused with 409 CONTENT_UNSAFE and nothing is stored', async () => {
      const { token, user } = await devSignIn();
      const answer = await call('PUT', '/me/profile', { token, body: { nickname: '诈骗高手' } });
      expect([answer.status, answer.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      expect((await call('GET', '/me', { token })).body.user.nickname).toBe(user.nickname);
    });

    it.each([
      ['empty', ''],
      ['21 characters', '一'.repeat(21)],
      ['a control character', '小红\u0007花'],
    ])('a nickname that is %s is refused with 400', async (_name, nickname) => {
      const { token } = await devSignIn();
      expect((await call('PUT', '/me/profile', { token, body: { nickname } })).status).toBe(400);
    });

    it('a new account is named 爱心用户 and four digits, nothing of its openid', async () => {
      const openid = `nick-${process.pid}-${Date.now()}-WXYZ`;
      const answer = await call('POST', '/auth/dev', { body: { openid } });
      expect(answer.body.user.nickname).toMatch(/^爱心用户\d{4}$/);
      expect(answer.body.user.nickname).not.toContain('WXYZ');
    });
  });

  describe('GET /me/export', () => {
    it('answers everything kept: the person, flowers, every ledger entry, gifts, teams, notifications', async () => {
      // Arrange: a person with flowers, a gift to a dream and a team of their own.
      const person = await devSignIn();
      await grant(person.token, 30);
      const dreamId = await openDream(admin);
      await call('POST', `/dreams/${dreamId}/donations`, { token: person.token, body: { flowers: 12 }, headers: idempotent('gift') });
      await call('POST', `/dreams/${dreamId}/teams`, { token: person.token, body: { name: '导出的队伍' } });

      // Act
      const answer = await call('GET', '/me/export', { token: person.token });

      // Assert
      expect(answer.status).toBe(200);
      expect(answer.body.user).toMatchObject({ id: person.user.id, openid: person.openid });
      expect(answer.body.flowers).toEqual({ balance: 18, earned: 30, given: 12 });
      expect(answer.body.ledger.map((entry: { delta: number; reason: string }) => [entry.delta, entry.reason])).toEqual([
        [30, 'dev_grant'],
        [-12, 'dream_donation'],
      ]);
      expect(answer.body.dreams.some((record: { dreamId?: string; type?: string }) => record.dreamId === dreamId && record.type === 'DREAM_DONOR')).toBe(true);
      expect(answer.body.teams.some((record: { name?: string }) => record.name === '导出的队伍')).toBe(true);
      for (const key of ['donations', 'meals', 'letters', 'notifications']) expect(Array.isArray(answer.body[key])).toBe(true);
      expect(Date.parse(answer.body.exportedAt)).not.toBeNaN();
      // The table's keys and the WeChat session key are not the person's data.
      expect(answer.text).not.toMatch(/"PK"|"SK"|sessionKey/);
    });
  });

  describe('DELETE /me', () => {
    it('closes the account: tokens die, the balance is forfeited in the books, gifts stay given, a new sign-in is a new account', async () => {
      // Arrange: two tokens of one person, some flowers, a gift to a dream.
      const openid = `closing-${process.pid}-${Date.now()}`;
      const first = await call('POST', '/auth/dev', { body: { openid } });
      const second = await call('POST', '/auth/dev', { body: { openid } });
      const [earlier, later] = [first.body.token as string, second.body.token as string];
      await grant(later, 50);
      const dreamId = await openDream(admin);
      await call('POST', `/dreams/${dreamId}/donations`, { token: later, body: { flowers: 20 }, headers: idempotent('gift') });
      const before = (await call('GET', `/dreams/${dreamId}`)).body.dream;

      // Act
      const closed = await call('DELETE', '/me', { token: later });

      // Assert
      expect(closed.status).toBe(204);
      expect((await call('GET', '/me', { token: later })).status).toBe(401);
      expect((await call('GET', '/me', { token: earlier })).status).toBe(401);
      expect((await call('GET', '/me/export', { token: earlier })).status).toBe(401);
      const after = (await call('GET', `/dreams/${dreamId}`)).body.dream;
      expect([after.flowersRaised, after.donorCount]).toEqual([before.flowersRaised, before.donorCount]);
      const again = await call('POST', '/auth/dev', { body: { openid } });
      expect(again.body.user.id).not.toBe(first.body.user.id);
      expect((await call('GET', '/me', { token: again.body.token })).body.flowers).toEqual({ balance: 0, earned: 0, given: 0 });
    });

    it('409 ACCOUNT_HAS_DUTIES while the person runs an active store', async () => {
      // Arrange
      const merchant = await devSignIn(['merchant']);
      const { body } = await call('POST', '/stores', { token: merchant.token, body: { name: '自家小店', city: '深圳', address: '南山区 1 号' } });
      await call('POST', `/stores/${body.store.id}/review`, { token: admin, body: { decision: 'approve' } });

      // Act
      const answer = await call('DELETE', '/me', { token: merchant.token });

      // Assert
      expect([answer.status, answer.body.error.code]).toEqual([409, 'ACCOUNT_HAS_DUTIES']);
      expect((await call('GET', '/me', { token: merchant.token })).status).toBe(200);
    });

    it('409 ACCOUNT_HAS_DUTIES while the person is the charity of an adopted dream', async () => {
      // Arrange: a dream filled to its target and adopted.
      const dreamId = await openDream(admin);
      const rich = await devSignIn();
      await grant(rich.token, 1_000);
      await call('POST', `/dreams/${dreamId}/donations`, { token: rich.token, body: { flowers: 1_000 }, headers: idempotent('fill') });
      const charity = await devSignIn(['charity']);
      expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);

      // Act
      const answer = await call('DELETE', '/me', { token: charity.token });

      // Assert
      expect([answer.status, answer.body.error.code]).toEqual([409, 'ACCOUNT_HAS_DUTIES']);
    });
  });
});
