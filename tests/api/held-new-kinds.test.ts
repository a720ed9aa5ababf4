import { call, devSignIn, eventually, grant, type ApiAnswer } from '../support/http-client';

jest.setTimeout(180_000);

// The fake WeChat server answers `review` for a text with this word (docs/local-fakes.md).
const REVIEW = 'FAKE_REVIEW';
const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

type Person = Awaited<ReturnType<typeof devSignIn>>;
type Notice = { type: string; refId: string };

/** An adopted dream with two donors, its charity, two admins and a stranger. */
async function adoptedDream() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '待审文字测试的梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donors: Person[] = [];
  for (const flowers of [600, 400]) {
    const donor = await devSignIn();
    await grant(donor.token, flowers);
    expect((await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers } })).status).toBe(200);
    donors.push(donor);
  }
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  return { dreamId, admin, charity, donors, stranger: await devSignIn() };
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const WINDOW = { startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) };

async function heldItem(admin: Person, kind: string, targetId: string) {
  const queue = await call('GET', '/admin/held?limit=100', { token: admin.token });
  expect(queue.status).toBe(200);
  return queue.body.items.find((item: { kind: string; targetId: string }) => item.kind === kind && item.targetId === targetId) as { id: string } | undefined;
}

async function settle(admin: Person, kind: string, targetId: string, decision: 'approve' | 'reject') {
  const item = await heldItem(admin, kind, targetId);
  expect(item).toBeDefined();
  const answer = await call('POST', `/admin/held/${item!.id}/review`, { token: admin.token, body: { decision } });
  expect(answer.status).toBe(200);
}

const notices = async (person: Person) => (await call('GET', '/me/notifications?limit=100', { token: person.token })).body.items as Notice[];
const told = (items: Notice[], type: string, refId: string) => items.some((n) => n.type === type && n.refId === refId);
const ids = (answer: ApiAnswer) => (answer.body.items as { id: string }[]).map((item) => item.id);

describe('texts WeChat wants a person to look at, in distributions and assemblies', () => {
  it.each(['approve', 'reject'] as const)('a held distribution title: stored, shown to its charity and admins only, until an admin %ss', async (decision) => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const body = { title: `冬衣发放${REVIEW}`, item: '冬衣', unit: '件', recipients: [{ name: '张三丰', quantity: 2 }] };
    // Act
    const created = await call('POST', `/dreams/${dreamId}/distributions`, { token: charity.token, body });
    const id = created.body.distribution?.id as string;
    // Assert: the usual answer, held; hidden from a donor and the anonymous, shown to its charity and admins
    expect(created.status).toBe(201);
    expect(created.body.distribution.held).toBe(true);
    expect(created.body.codes).toHaveLength(1);
    expect((await call('GET', `/distributions/${id}`, { token: donors[0].token })).status).toBe(404);
    expect((await call('GET', `/distributions/${id}`)).status).toBe(404);
    expect((await call('GET', `/distributions/${id}/signoffs`)).status).toBe(404);
    expect(ids(await call('GET', `/dreams/${dreamId}/distributions`))).toEqual([]);
    expect((await call('GET', `/distributions/${id}`, { token: charity.token })).body.distribution).toMatchObject({ id, held: true });
    expect((await call('GET', `/distributions/${id}`, { token: admin.token })).body.distribution.held).toBe(true);
    expect(ids(await call('GET', `/dreams/${dreamId}/distributions`, { token: charity.token }))).toEqual([id]);
    // Act: another admin settles it
    await settle(await devSignIn(['admin']), 'distribution', id, decision);
    // Assert
    const after = await call('GET', `/distributions/${id}`, { token: donors[0].token });
    if (decision === 'approve') {
      expect(after.status).toBe(200);
      expect(after.body.distribution.held).toBeUndefined();
      expect(ids(await call('GET', `/dreams/${dreamId}/distributions`))).toEqual([id]);
    } else {
      expect(after.status).toBe(404);
      expect((await call('GET', `/distributions/${id}`, { token: charity.token })).body.distribution.held).toBe(true);
    }
  });

  it('a held assembly title: hidden and nobody invited until an admin approves; then every donor is invited', async () => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const schedule = (title: string) => call('POST', `/dreams/${dreamId}/assemblies`, { token: charity.token, body: { title, ...WINDOW } });
    // Act
    const held = await schedule(`第一次公益股东大会${REVIEW}`);
    const clean = await schedule('第二次公益股东大会');
    const heldId = held.body.assembly?.id as string;
    // Assert: the usual answer, held; hidden from donors, in the queue
    expect(held.status).toBe(201);
    expect(held.body.assembly.held).toBe(true);
    expect((await call('GET', `/assemblies/${heldId}`, { token: donors[0].token })).status).toBe(404);
    expect((await call('POST', `/assemblies/${heldId}/questions`, { token: donors[0].token, body: { text: '善款花在了哪里？' } })).status).toBe(404);
    expect(ids(await call('GET', `/dreams/${dreamId}/assemblies`))).toEqual([clean.body.assembly.id]);
    expect((await call('GET', `/assemblies/${heldId}`, { token: charity.token })).body.assembly.held).toBe(true);
    // The clean assembly's invitation arrives; the held one's does not
    const before = await eventually(
      () => notices(donors[1]),
      (items) => told(items, 'assembly_invited', clean.body.assembly.id),
    );
    expect(told(before, 'assembly_invited', clean.body.assembly.id)).toBe(true);
    expect(told(before, 'assembly_invited', heldId)).toBe(false);
    // Act: an admin approves
    await settle(admin, 'assembly', heldId, 'approve');
    // Assert: visible to all, and the invitations go out now
    const read = await call('GET', `/assemblies/${heldId}`, { token: donors[0].token });
    expect(read.status).toBe(200);
    expect(read.body.assembly.held).toBeUndefined();
    const after = await eventually(
      () => notices(donors[1]),
      (items) => told(items, 'assembly_invited', heldId),
    );
    expect(told(after, 'assembly_invited', heldId)).toBe(true);
  });

  it('a rejected assembly title stays hidden from everyone but its charity and admins', async () => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const held = await call('POST', `/dreams/${dreamId}/assemblies`, { token: charity.token, body: { title: `公益股东大会${REVIEW}`, ...WINDOW } });
    const heldId = held.body.assembly.id as string;
    // Act
    await settle(admin, 'assembly', heldId, 'reject');
    // Assert
    expect((await call('GET', `/assemblies/${heldId}`, { token: donors[0].token })).status).toBe(404);
    expect((await call('GET', `/assemblies/${heldId}`, { token: admin.token })).body.assembly.held).toBe(true);
  });

  it('a held question reaches the held queue; approve shows it, reject keeps it hidden', async () => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const assemblyId = (await call('POST', `/dreams/${dreamId}/assemblies`, { token: charity.token, body: { title: '公益股东大会', ...WINDOW } })).body.assembly
      .id as string;
    const ask = (text: string) => call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text } });
    const questionsSeenBy = async (person: Person) =>
      ((await call('GET', `/assemblies/${assemblyId}`, { token: person.token })).body.questions as { id: string }[]).map((q) => q.id);
    // Act
    const kept = await ask(`善款花在了哪里？${REVIEW}`);
    const dropped = await ask(`图书角什么时候建好？${REVIEW}`);
    // Assert: the usual answer, held; only its author and admins see them
    expect(kept.status).toBe(201);
    expect(kept.body.question.held).toBe(true);
    expect(await questionsSeenBy(donors[1])).toEqual([]);
    expect((await questionsSeenBy(donors[0])).sort()).toEqual([kept.body.question.id, dropped.body.question.id].sort());
    // Act: one approved, one rejected
    await settle(admin, 'question', kept.body.question.id, 'approve');
    await settle(admin, 'question', dropped.body.question.id, 'reject');
    // Assert
    expect(await questionsSeenBy(donors[1])).toEqual([kept.body.question.id]);
    expect(await questionsSeenBy(charity)).toEqual([kept.body.question.id]);
    const reported = await call('GET', '/admin/questions/reported?limit=100', { token: admin.token });
    const waiting = reported.body.items.map((item: { question: { id: string } }) => item.question.id);
    expect(waiting).not.toContain(kept.body.question.id);
    expect(waiting).not.toContain(dropped.body.question.id);
  });

  it('a held answer: the question stays visible, its answer null for others until approved; a rejected one stays null', async () => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const assemblyId = (await call('POST', `/dreams/${dreamId}/assemblies`, { token: charity.token, body: { title: '公益股东大会', ...WINDOW } })).body.assembly
      .id as string;
    const asked = async (text: string) =>
      (await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text } })).body.question.id as string;
    const first = await asked('善款花在了哪里？');
    const second = await asked('图书角什么时候建好？');
    const questionOf = async (person: Person | null, id: string) =>
      (await call('GET', `/assemblies/${assemblyId}`, person ? { token: person.token } : {})).body.questions.find((q: { id: string }) => q.id === id);
    // Act
    const answered = await call('POST', `/questions/${first}/answer`, { token: charity.token, body: { answer: `都买了图书${REVIEW}` } });
    await call('POST', `/questions/${second}/answer`, { token: charity.token, body: { answer: `下个月建好${REVIEW}` } });
    // Assert: the usual answer, held; others see the question without its answer
    expect(answered.status).toBe(200);
    expect(answered.body.question).toMatchObject({ status: 'answered', answer: `都买了图书${REVIEW}`, held: true, answerHeld: true });
    expect(await questionOf(donors[1], first)).toMatchObject({ answer: null, hidden: false });
    expect((await questionOf(donors[1], first)).held).toBeUndefined();
    expect(await questionOf(null, first)).toMatchObject({ answer: null });
    expect(await questionOf(charity, first)).toMatchObject({ answer: `都买了图书${REVIEW}`, held: true });
    // Act
    await settle(admin, 'answer', first, 'approve');
    await settle(admin, 'answer', second, 'reject');
    // Assert
    expect(await questionOf(donors[1], first)).toMatchObject({ answer: `都买了图书${REVIEW}` });
    expect(await questionOf(donors[1], second)).toMatchObject({ answer: null });
    expect(await questionOf(admin, second)).toMatchObject({ answer: `下个月建好${REVIEW}`, answerHeld: true });
  });

  it.each(['approve', 'reject'] as const)(
    'held minutes close the assembly; others see minutes null until an admin %ss (donors are told on approve)',
    async (decision) => {
      // Arrange
      const { dreamId, admin, charity, donors } = await adoptedDream();
      const assemblyId = (await call('POST', `/dreams/${dreamId}/assemblies`, { token: charity.token, body: { title: '公益股东大会', ...WINDOW } })).body
        .assembly.id as string;
      const text = `会议纪要：善款全部用于购买图书。${REVIEW}`;
      // Act
      const closed = await call('POST', `/assemblies/${assemblyId}/minutes`, { token: charity.token, body: { minutes: text } });
      // Assert: the usual answer, held; others see a closed assembly without minutes
      expect(closed.status).toBe(200);
      expect(closed.body.assembly).toMatchObject({ status: 'closed', minutes: text, held: true, minutesHeld: true });
      expect((await call('GET', `/assemblies/${assemblyId}`, { token: donors[0].token })).body.assembly).toMatchObject({ status: 'closed', minutes: null });
      // Act
      await settle(admin, 'minutes', assemblyId, decision);
      // Assert
      const seen = (await call('GET', `/assemblies/${assemblyId}`, { token: donors[0].token })).body.assembly;
      if (decision === 'approve') {
        expect(seen.minutes).toBe(text);
        const after = await eventually(
          () => notices(donors[0]),
          (items) => told(items, 'assembly_minutes', assemblyId),
        );
        expect(told(after, 'assembly_minutes', assemblyId)).toBe(true);
      } else {
        expect(seen.minutes).toBeNull();
        expect((await call('GET', `/assemblies/${assemblyId}`, { token: charity.token })).body.assembly).toMatchObject({ minutes: text, held: true });
      }
    },
  );
});
