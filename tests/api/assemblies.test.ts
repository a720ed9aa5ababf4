import { call, devSignIn, grant, type ApiAnswer } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
// The fake WeChat server judges a text with this word risky (docs/local-fakes.md).
const RISKY = 'FAKE_RISKY';

type Person = Awaited<ReturnType<typeof devSignIn>>;

/** An adopted dream with three donors (one gave a single flower), its charity and a stranger. */
async function adoptedDream() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '股东大会测试的梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donors: Person[] = [];
  for (const flowers of [500, 1, 499]) {
    const donor = await devSignIn();
    await grant(donor.token, flowers);
    expect((await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers } })).status).toBe(200);
    donors.push(donor);
  }
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  const stranger = await devSignIn();
  return { dreamId, admin, charity, donors, stranger };
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function schedule(dreamId: string, charity: Person, window: { startsAt: string; questionsCloseAt: string }) {
  const answer = await call('POST', `/dreams/${dreamId}/assemblies`, {
    token: charity.token,
    body: { title: '第一次公益股东大会', meetingUrl: 'https://meeting.tencent.com/dm/abc123', ...window },
  });
  expect(answer.status).toBe(201);
  return answer.body.assembly.id as string;
}

const refusal = (answer: ApiAnswer) => [answer.status, answer.body.error?.code];

describe('donor assemblies over HTTP', () => {
  it('schedules only with an https link and a question window that closes by the start', async () => {
    // Arrange
    const { dreamId, charity, donors } = await adoptedDream();
    const window = { startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) };
    const post = (token: string, body: object) => call('POST', `/dreams/${dreamId}/assemblies`, { token, body: { title: '公益股东大会', ...window, ...body } });
    // Act + Assert
    expect(refusal(await post(charity.token, { meetingUrl: 'http://meeting.tencent.com/dm/1' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(refusal(await post(charity.token, { questionsCloseAt: hoursFromNow(49) }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(refusal(await post(donors[0].token, {}))).toEqual([403, 'FORBIDDEN']);
    const created = await post(charity.token, { meetingUrl: 'https://meeting.tencent.com/dm/1' });
    expect(created.status).toBe(201);
    // The link is the charity's to see; others get it by joining, which is not open two days ahead.
    const read = await call('GET', `/assemblies/${created.body.assembly.id}`, { token: donors[0].token });
    expect(read.body.assembly).toMatchObject({ status: 'scheduled', meetingUrl: null, attendance: 0, questionCount: 0 });
    expect(refusal(await call('POST', `/assemblies/${created.body.assembly.id}/join`, { token: donors[0].token }))).toEqual([409, 'NOT_STARTED']);
    expect((await call('GET', `/dreams/${dreamId}/assemblies`)).body.items.map((a: { id: string }) => a.id)).toEqual([created.body.assembly.id]);
  });

  it('only donors ask and vote, once each and never on their own question; a risky question is refused', async () => {
    // Arrange
    const { dreamId, charity, donors, stranger } = await adoptedDream();
    const assemblyId = await schedule(dreamId, charity, { startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) });
    const ask = (person: Person, text: string) => call('POST', `/assemblies/${assemblyId}/questions`, { token: person.token, body: { text } });
    // Act + Assert: the stranger may not ask; a risky text is refused and not stored
    expect(refusal(await ask(stranger, '善款花在了哪里？'))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await ask(donors[1], `善款花在了哪里？${RISKY}`))).toEqual([409, 'CONTENT_UNSAFE']);
    const asked = await ask(donors[1], '善款花在了哪里？');
    expect(asked.status).toBe(201);
    const questionId = asked.body.question.id as string;
    const vote = (person: Person) => call('POST', `/questions/${questionId}/votes`, { token: person.token });
    expect(refusal(await vote(stranger))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await vote(donors[1]))).toEqual([403, 'FORBIDDEN']);
    const voted = await vote(donors[0]);
    expect(voted.status).toBe(200);
    expect(voted.body.question).toMatchObject({ votes: 1, voted: true, mine: false });
    expect(refusal(await vote(donors[0]))).toEqual([409, 'ALREADY_VOTED']);
    // Anyone reads it, with the count
    const read = await call('GET', `/assemblies/${assemblyId}`);
    expect(read.body.questions).toEqual([expect.objectContaining({ id: questionId, votes: 1, status: 'open', hidden: false })]);
    expect(read.body.assembly.questionCount).toBe(1);
    // Each person's own question and vote are in their export, under keys of their own
    const asker = await call('GET', '/me/export', { token: donors[1].token });
    expect(asker.body.assembly_question).toEqual([expect.objectContaining({ id: questionId, text: '善款花在了哪里？' })]);
    const voter = await call('GET', '/me/export', { token: donors[0].token });
    expect(voter.body.assembly_vote).toEqual([expect.objectContaining({ questionId })]);
  });

  it('after questionsCloseAt questions and votes are 409 QUESTIONS_CLOSED', async () => {
    // Arrange: a window that closed an hour ago, and a question asked while it was open elsewhere is not possible
    const { dreamId, charity, donors } = await adoptedDream();
    const assemblyId = await schedule(dreamId, charity, { startsAt: hoursFromNow(1), questionsCloseAt: hoursFromNow(-1) });
    // Act
    const asked = await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text: '账目什么时候公开？' } });
    // Assert
    expect(refusal(asked)).toEqual([409, 'QUESTIONS_CLOSED']);
  });

  it('the minutes wait for the most-voted open question, then close the assembly once', async () => {
    // Arrange: two questions; only the first has a vote
    const { dreamId, charity, donors } = await adoptedDream();
    const assemblyId = await schedule(dreamId, charity, { startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) });
    const first = await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text: '图书采购的明细能公开吗？' } });
    await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[1].token, body: { text: '还需要志愿者吗？我想帮忙。' } });
    await call('POST', `/questions/${first.body.question.id}/votes`, { token: donors[2].token });
    const minutes = () => call('POST', `/assemblies/${assemblyId}/minutes`, { token: charity.token, body: { minutes: '本次大会介绍了图书角的进展和账目。' } });
    // Act + Assert: blocked while the voted one is open
    const blocked = await minutes();
    expect(refusal(blocked)).toEqual([409, 'UNANSWERED_QUESTIONS']);
    expect(blocked.body.error.details).toEqual({ questionIds: [first.body.question.id] });
    const answered = await call('POST', `/questions/${first.body.question.id}/answer`, { token: charity.token, body: { answer: '明细见十月来信的账目。' } });
    expect(answered.body.question).toMatchObject({ status: 'answered', answer: '明细见十月来信的账目。' });
    const closed = await minutes();
    expect(closed.status).toBe(200);
    expect(closed.body.assembly).toMatchObject({ status: 'closed', minutes: '本次大会介绍了图书角的进展和账目。' });
    expect(refusal(await minutes())).toEqual([409, 'ASSEMBLY_CLOSED']);
    // The closed assembly shows its minutes and the final list; a vote now is too late
    const read = await call('GET', `/assemblies/${assemblyId}`);
    expect(read.body.assembly.status).toBe('closed');
    expect(read.body.questions.map((q: { status: string }) => q.status)).toEqual(['answered', 'open']);
    expect(refusal(await call('POST', `/questions/${first.body.question.id}/votes`, { token: donors[1].token }))).toEqual([409, 'QUESTIONS_CLOSED']);
  });

  it('three reports hide a question until an admin looks; the admin restores it, audited', async () => {
    // Arrange
    const { dreamId, admin, charity, donors } = await adoptedDream();
    const assemblyId = await schedule(dreamId, charity, { startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) });
    const asked = await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text: '这个机构靠谱吗？' } });
    const questionId = asked.body.question.id as string;
    const reporters = [donors[1], donors[2], charity];
    // Act: two donors report (the charity is not a donor), one twice
    expect((await call('POST', `/questions/${questionId}/reports`, { token: donors[1].token, body: { reason: '人身攻击' } })).status).toBe(200);
    expect(refusal(await call('POST', `/questions/${questionId}/reports`, { token: donors[1].token, body: {} }))).toEqual([409, 'ALREADY_REPORTED']);
    expect(refusal(await call('POST', `/questions/${questionId}/reports`, { token: reporters[2].token, body: {} }))).toEqual([403, 'FORBIDDEN']);
    await call('POST', `/questions/${questionId}/reports`, { token: donors[2].token, body: {} });
    expect((await call('GET', `/assemblies/${assemblyId}`)).body.questions).toHaveLength(1);
    await call('POST', `/questions/${questionId}/reports`, { token: donors[0].token, body: {} });
    // Assert: hidden for others, shown to its author and admins; in the admins' queue
    expect((await call('GET', `/assemblies/${assemblyId}`)).body.questions).toEqual([]);
    expect((await call('GET', `/assemblies/${assemblyId}`, { token: donors[0].token })).body.questions[0]).toMatchObject({ hidden: true, mine: true });
    const queue = await call('GET', '/admin/questions/reported', { token: admin.token });
    expect(queue.body.items.map((item: { question: { id: string } }) => item.question.id)).toContain(questionId);
    const restored = await call('POST', `/admin/questions/${questionId}/review`, { token: admin.token, body: { decision: 'restore' } });
    expect(restored.body.question).toMatchObject({ hidden: false, reportCount: 3 });
    expect((await call('GET', `/assemblies/${assemblyId}`)).body.questions).toHaveLength(1);
    const audit = await call('GET', `/admin/audit?targetId=${encodeURIComponent(questionId)}`, { token: admin.token });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(['question.restore']);
  });
});
