import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(120_000);

// Words the fake WeChat server answers on (docs/local-fakes.md): risky, review, or no answer at all.
const RISKY = 'FAKE_RISKY';
const REVIEW = 'FAKE_REVIEW';
const UNREACHABLE = 'FAKE_UNREACHABLE';
const STORY = '村里的老人冬天没有暖和的衣服，我们想为六十位独居老人每人送去一件羽绒服。';

async function signIn(roles: string[] = []) {
  return (await devSignIn(roles)).token;
}

async function heldItem(admin: string, targetId: string) {
  const queue = await call('GET', '/admin/held?limit=100', { token: admin });
  expect(queue.status).toBe(200);
  return queue.body.items.find((item: { targetId: string }) => item.targetId === targetId);
}

describe('content safety at write time', () => {
  let admin: string;
  let otherAdmin: string;
  let openDreamId: string;
  beforeAll(async () => {
    admin = await signIn(['admin']);
    otherAdmin = await signIn(['admin']);
    const proposed = await call('POST', '/dreams', {
      token: await signIn(),
      body: { title: '给独居老人送冬衣', story: STORY, category: 'elderly', targetFlowers: 1_000 },
    });
    openDreamId = proposed.body.dream.id;
    await call('POST', `/dreams/${openDreamId}/review`, { token: admin, body: { decision: 'approve' } });
  });

  describe('dreams', () => {
    it('a clean dream is stored and not held', async () => {
      const answer = await call('POST', '/dreams', {
        token: await signIn(),
        body: { title: '给孩子们买书', story: STORY, category: 'education', targetFlowers: 1_000 },
      });

      expect(answer.status).toBe(201);
      expect(answer.body.dream.held).toBeUndefined();
    });

    it('a risky story is refused with 409 CONTENT_UNSAFE and nothing is stored', async () => {
      const proposer = await signIn();

      const answer = await call('POST', '/dreams', {
        token: proposer,
        body: { title: '给孩子们买书', story: `${STORY}${RISKY}`, category: 'education', targetFlowers: 1_000 },
      });

      expect([answer.status, answer.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      expect((await call('GET', '/me/dreams', { token: proposer })).body.items).toEqual([]);
    });

    it('a dream held for review cannot be approved until an admin clears it in the held queue', async () => {
      const proposer = await signIn();
      const answer = await call('POST', '/dreams', {
        token: proposer,
        body: { title: `冬衣 ${REVIEW}`, story: STORY, category: 'elderly', targetFlowers: 1_000 },
      });
      expect([answer.status, answer.body.dream.held]).toEqual([201, true]);
      const dreamId = answer.body.dream.id;

      const early = await call('POST', `/dreams/${dreamId}/review`, { token: admin, body: { decision: 'approve' } });
      const item = await heldItem(admin, dreamId);
      const cleared = await call('POST', `/admin/held/${item.id}/review`, { token: otherAdmin, body: { decision: 'approve' } });
      const approved = await call('POST', `/dreams/${dreamId}/review`, { token: admin, body: { decision: 'approve' } });

      expect([early.status, early.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      expect(item).toMatchObject({ kind: 'dream', text: `冬衣 ${REVIEW}\n${STORY}`, writerId: answer.body.dream.proposerId });
      expect(cleared.status).toBe(200);
      expect(approved.body.dream).toMatchObject({ status: 'open' });
      expect(approved.body.dream.held).toBeUndefined();
      expect((await call('GET', `/dreams/${dreamId}`)).status).toBe(200);
    });
  });

  describe('teams', () => {
    it('a risky team name is refused with 409 CONTENT_UNSAFE', async () => {
      const answer = await call('POST', `/dreams/${openDreamId}/teams`, { token: await signIn(), body: { name: `队 ${RISKY}` } });

      expect([answer.status, answer.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
    });

    it('a held team is seen by its captain and admins only, then by everyone once approved', async () => {
      const captain = await signIn();
      const stranger = await signIn();
      const started = await call('POST', `/dreams/${openDreamId}/teams`, { token: captain, body: { name: `队 ${REVIEW}` } });
      expect([started.status, started.body.team.held]).toEqual([201, true]);
      const team = started.body.team;

      const asStranger = await call('GET', `/teams/${team.id}`, { token: stranger });
      const anonymous = await call('GET', `/teams/${team.id}`);
      const joining = await call('POST', '/teams/join', { token: stranger, body: { code: team.code } });
      const asCaptain = await call('GET', `/teams/${team.id}`, { token: captain });
      const asAdmin = await call('GET', `/teams/${team.id}`, { token: admin });

      expect([asStranger.status, anonymous.status, joining.status]).toEqual([404, 404, 404]);
      expect([asCaptain.status, asAdmin.status]).toEqual([200, 200]);

      const item = await heldItem(admin, team.id);
      expect((await call('POST', `/admin/held/${item.id}/review`, { token: admin, body: { decision: 'approve' } })).status).toBe(200);
      const afterwards = await call('GET', `/teams/${team.id}`);
      expect(afterwards.status).toBe(200);
      expect(afterwards.body.team.held).toBeUndefined();
      expect(await heldItem(admin, team.id)).toBeUndefined();
    });

    it('WeChat unreachable: the team is held; a rejected one stays hidden and the decision is audited', async () => {
      const captain = await signIn();
      const started = await call('POST', `/dreams/${openDreamId}/teams`, { token: captain, body: { name: `队 ${UNREACHABLE}` } });
      expect([started.status, started.body.team.held]).toEqual([201, true]);

      const item = await heldItem(admin, started.body.team.id);
      const rejected = await call('POST', `/admin/held/${item.id}/review`, { token: admin, body: { decision: 'reject' } });
      const again = await call('POST', `/admin/held/${item.id}/review`, { token: admin, body: { decision: 'approve' } });

      expect(rejected.status).toBe(200);
      expect(again.status).toBe(404);
      expect((await call('GET', `/teams/${started.body.team.id}`)).status).toBe(404);
      const audit = await call('GET', `/admin/audit?targetId=${started.body.team.id}`, { token: admin });
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['held.reject']);
    });
  });

  describe('stores', () => {
    it('a risky address is refused; a held store cannot open until cleared', async () => {
      const merchant = await signIn(['merchant']);

      const risky = await call('POST', '/stores', { token: merchant, body: { name: '爱心小馆', city: '杭州', address: `西湖区文三路 ${RISKY}` } });
      const held = await call('POST', '/stores', { token: merchant, body: { name: `爱心小馆 ${REVIEW}`, city: '杭州', address: '西湖区文三路 1 号' } });
      const early = await call('POST', `/stores/${held.body.store.id}/review`, { token: admin, body: { decision: 'approve' } });

      expect([risky.status, risky.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      expect((await call('GET', '/me/stores', { token: merchant })).body.items.map((s: { id: string }) => s.id)).toEqual([held.body.store.id]);
      expect([held.status, held.body.store.held]).toEqual([201, true]);
      expect([early.status, early.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      const item = await heldItem(admin, held.body.store.id);
      await call('POST', `/admin/held/${item.id}/review`, { token: admin, body: { decision: 'approve' } });
      expect((await call('POST', `/stores/${held.body.store.id}/review`, { token: admin, body: { decision: 'approve' } })).body.store.status).toBe('active');
    });
  });

  describe('letters', () => {
    it('a risky letter is refused after the 403; a held one cannot be published until cleared', async () => {
      const charity = await devSignIn(['charity']);
      const proposed = await call('POST', '/dreams', {
        token: await signIn(),
        body: { title: '给孩子们的图书室', story: STORY, category: 'education', targetFlowers: 1_000 },
      });
      const dreamId = proposed.body.dream.id;
      await call('POST', `/dreams/${dreamId}/review`, { token: admin, body: { decision: 'approve' } });
      const donor = await signIn();
      await grant(donor, 1_000);
      await call('POST', `/dreams/${dreamId}/donations`, { token: donor, body: { flowers: 1_000 } });
      expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
      const letter = (body: string) => ({ title: '十一月的消息', body, happenedAt: '2026-11-20T08:00:00.000Z' });

      const forbidden = await call('POST', `/dreams/${dreamId}/letters`, { token: await signIn(['charity']), body: letter(`书架 ${RISKY}`) });
      const risky = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: letter(`书架 ${RISKY}`) });
      const held = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: letter(`书架 ${REVIEW}`) });
      const early = await call('POST', `/letters/${held.body.letter.id}/review`, { token: admin, body: { decision: 'approve' } });

      expect(forbidden.status).toBe(403);
      expect([risky.status, risky.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      expect([held.status, held.body.letter.held]).toEqual([201, true]);
      expect([early.status, early.body.error.code]).toEqual([409, 'CONTENT_UNSAFE']);
      const item = await heldItem(admin, held.body.letter.id);
      await call('POST', `/admin/held/${item.id}/review`, { token: admin, body: { decision: 'approve' } });
      expect((await call('POST', `/letters/${held.body.letter.id}/review`, { token: admin, body: { decision: 'approve' } })).body.letter.status).toBe(
        'published',
      );
    });
  });
});
