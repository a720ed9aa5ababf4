import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';

async function signIn(roles: string[]) {
  return (await devSignIn(roles)).token;
}

describe('dreams over HTTP', () => {
  let admin: string;
  let charity: string;
  beforeAll(async () => {
    admin = await signIn(['admin']);
    charity = await signIn(['charity']);
  });

  async function proposed(token: string, targetFlowers = 1_000) {
    const answer = await call('POST', '/dreams', { token, body: { title: '给独居老人送冬衣', story: STORY, category: 'elderly', targetFlowers } });
    expect(answer.status).toBe(201);
    return answer.body.dream;
  }

  it('propose → only an admin reviews → public → gifts → executable → only a charity adopts', async () => {
    // Arrange
    const proposer = await signIn([]);
    const dream = await proposed(proposer);
    expect(dream).toMatchObject({ status: 'in_review', flowersRaised: 0, donorCount: 0, charityId: null });
    // Act + Assert: the review is the admin's alone
    expect((await call('POST', `/dreams/${dream.id}/review`, { token: proposer, body: { decision: 'approve' } })).status).toBe(403);
    expect((await call('GET', `/dreams/${dream.id}`)).status).toBe(404);
    expect((await call('GET', `/dreams/${dream.id}`, { token: proposer })).status).toBe(200);
    const queue = await call('GET', '/admin/dreams?limit=100', { token: admin });
    expect(queue.body.items.map((d: { id: string }) => d.id)).toContain(dream.id);
    const approved = await call('POST', `/dreams/${dream.id}/review`, { token: admin, body: { decision: 'approve', note: '资料齐全' } });
    expect(approved.body.dream.status).toBe('open');
    expect(dream.openedAt).toBeNull();
    expect(Date.parse(approved.body.dream.openedAt)).toBeGreaterThanOrEqual(Date.parse(dream.createdAt));
    expect((await call('POST', `/dreams/${dream.id}/review`, { token: admin, body: { decision: 'approve' } })).body.error.code).toBe('NOT_IN_REVIEW');
    // Gifts
    const donor = await devSignIn();
    await grant(donor.token, 1_200);
    const first = await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 400 }, headers: { 'idempotency-key': 'g1' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ donation: { flowers: 400 }, dream: { flowersRaised: 400, donorCount: 1 }, balance: 800 });
    const repeat = await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 400 }, headers: { 'idempotency-key': 'g1' } });
    expect(repeat.text).toBe(first.text);
    expect((await call('POST', `/dreams/${dream.id}/adopt`, { token: charity })).body.error.code).toBe('NOT_EXECUTABLE');
    const crossing = await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 600 } });
    expect(crossing.body.dream).toMatchObject({ status: 'executable', flowersRaised: 1_000 });
    // Donors are told from the table's stream, once the gift has answered.
    const notices = await eventually(
      () => call('GET', '/me/notifications', { token: donor.token }),
      (answer) => answer.body.items.length > 0,
    );
    expect(notices.body.items[0]).toMatchObject({ type: 'dream_executable', refId: dream.id, read: false });
    expect((await call('GET', '/me/ledger', { token: donor.token })).body.items[0]).toMatchObject({
      reason: 'dream_donation',
      delta: -600,
      refId: dream.id,
      note: '给独居老人送冬衣',
    });
    // Adoption
    expect((await call('POST', `/dreams/${dream.id}/adopt`, { token: donor.token })).status).toBe(403);
    const adopted = await call('POST', `/dreams/${dream.id}/adopt`, { token: charity });
    expect(adopted.body.dream).toMatchObject({ status: 'adopted' });
    const late = await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 1 } });
    expect([late.status, late.body.error.code]).toEqual([409, 'DREAM_NOT_ACCEPTING']);
    const detail = await call('GET', `/dreams/${dream.id}`, { token: donor.token });
    expect(detail.body).toMatchObject({
      dream: { status: 'adopted', flowersRaised: 1_000, donorCount: 1 },
      viewer: { hasGiven: true },
      charity: { id: adopted.body.dream.charityId },
    });
    expect(detail.body.recentDonors).toHaveLength(1);
  });

  it('refuses gifts beyond the balance with 409 INSUFFICIENT_FLOWERS and moves nothing', async () => {
    const dream = await proposed(await signIn([]));
    await call('POST', `/dreams/${dream.id}/review`, { token: admin, body: { decision: 'approve' } });
    const donor = await devSignIn();
    await grant(donor.token, 10);
    const answer = await call('POST', `/dreams/${dream.id}/donations`, { token: donor.token, body: { flowers: 11 } });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'INSUFFICIENT_FLOWERS']);
    expect((await call('GET', '/me', { token: donor.token })).body.flowers.balance).toBe(10);
  });

  it('unsafe text is refused when proposed (content safety through WeChat msgSecCheck)', async () => {
    const proposer = await signIn([]);
    const answer = await call('POST', '/dreams', {
      token: proposer,
      body: { title: '网络赌博也是梦想', story: STORY, category: 'other', targetFlowers: 1_000 },
    });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
  });

  it('lists only public dreams; another status asks for an empty list', async () => {
    const list = await call('GET', '/dreams?sort=new&limit=100');
    expect(list.status).toBe(200);
    for (const d of list.body.items) expect(['open', 'executable', 'adopted', 'completed']).toContain(d.status);
    expect((await call('GET', '/dreams?status=in_review')).body).toEqual({ items: [], nextCursor: null });
    const hot = await call('GET', '/dreams?sort=hot&limit=5');
    expect(hot.status).toBe(200);
    const last24 = hot.body.items.map((d: { flowersLast24h: number }) => d.flowersLast24h);
    expect([...last24].sort((a: number, b: number) => b - a)).toEqual(last24);
  });

  it('a team: started, joined by code, members give through it and are ranked', async () => {
    const dream = await proposed(await signIn([]), 100_000);
    await call('POST', `/dreams/${dream.id}/review`, { token: admin, body: { decision: 'approve' } });
    const captain = await devSignIn();
    const friend = await devSignIn();
    const outsider = await devSignIn();
    await Promise.all([grant(captain.token, 50), grant(friend.token, 50), grant(outsider.token, 50)]);
    const { body } = await call('POST', `/dreams/${dream.id}/teams`, { token: captain.token, body: { name: '周末徒步队' } });
    const team = body.team;
    expect(team.code).toMatch(/^[A-Z2-9]{6}$/);
    expect((await call('POST', '/teams/join', { token: friend.token, body: { code: team.code.toLowerCase() } })).status).toBe(200);
    await call('POST', `/dreams/${dream.id}/donations`, { token: captain.token, body: { flowers: 10, teamId: team.id } });
    await call('POST', `/dreams/${dream.id}/donations`, { token: friend.token, body: { flowers: 30, teamId: team.id } });
    const sneaky = await call('POST', `/dreams/${dream.id}/donations`, { token: outsider.token, body: { flowers: 5, teamId: team.id } });
    expect(sneaky.status).toBe(403);
    const page = await call('GET', `/teams/${team.id}`);
    expect(page.body.totalFlowers).toBe(40);
    expect(page.body.members.map((m: { rank: number; flowers: number }) => [m.rank, m.flowers])).toEqual([
      [1, 30],
      [2, 10],
    ]);
  });
});

describe('demo data of a started API', () => {
  it('has dreams in every state a person meets, gifts through the ledger, and one waiting for review', async () => {
    // Act
    const list = await call('GET', '/dreams?limit=100');
    const admin = await call('POST', '/auth/dev', { body: { openid: 'demo-admin', roles: ['admin'] } });
    const queue = await call('GET', '/admin/dreams?limit=100', { token: admin.body.token });
    const giver = await call('POST', '/auth/dev', { body: { openid: 'demo-giver-1' } });
    const bill = await call('GET', '/me/ledger?limit=100', { token: giver.body.token });
    // Assert
    const byTitle = new Map(list.body.items.map((d: { title: string }) => [d.title, d]));
    expect(byTitle.get('给大山里的孩子一间图书角')).toMatchObject({ status: 'open', flowersRaised: 595, donorCount: 3, matchedFen: 5_950 });
    expect(byTitle.get('为环卫工人送一件冬衣')).toMatchObject({ status: 'executable', flowersRaised: 600 });
    expect(byTitle.get('独居老人的一顿热乎午饭')).toMatchObject({ status: 'adopted', flowersRaised: 500 });
    expect(queue.body.items.map((d: { title: string }) => d.title)).toContain('让视障朋友走进电影院');
    const gifts = bill.body.items.filter((e: { reason: string }) => e.reason === 'dream_donation');
    expect(gifts.map((e: { delta: number }) => e.delta).sort((a: number, b: number) => a - b)).toEqual([-320, -300, -250]);
  });
});
