import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const RISKY = 'FAKE_RISKY';

/** An adopted dream with one donor, and an assembly its charity scheduled. */
async function assemblyOfAdoptedDream() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '股东大会测试梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donor = await devSignIn();
  await grant(donor.token, 1_000);
  await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  const scheduled = await call('POST', `/dreams/${dreamId}/assemblies`, {
    token: charity.token,
    body: { title: '第一次公益股东大会', startsAt: '2030-01-10T12:00:00Z', questionsCloseAt: '2030-01-10T11:00:00Z' },
  });
  expect(scheduled.status).toBe(201);
  const stranger = await devSignIn();
  const otherCharity = await devSignIn(['charity']);
  return { dreamId, assemblyId: scheduled.body.assembly.id as string, charity, donor, stranger, otherCharity };
}

const codeOf = (answer: { status: number; body: any }) => [answer.status, answer.body.error?.code];

describe('promises (承诺) over HTTP', () => {
  it('only the adopting charity records and settles them; anyone reads them; settled is final', async () => {
    // Arrange
    const { dreamId, assemblyId, charity, donor, otherCharity } = await assemblyOfAdoptedDream();
    const body = { text: '一月底前公开图书采购发票', dueDate: '2030-01-31' };
    // Act + Assert: 403 for anyone but the adopter (a donor is not even a charity)
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/promises`, { token: otherCharity.token, body }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/promises`, { token: donor.token, body }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/promises`, { token: charity.token, body: { ...body, text: `发票${RISKY}` } }))).toEqual([
      409,
      'CONTENT_UNSAFE',
    ]);
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/promises`, { token: charity.token, body: { ...body, dueDate: '2020-01-01' } }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    const made = await call('POST', `/assemblies/${assemblyId}/promises`, { token: charity.token, body });
    expect(made.status).toBe(201);
    expect(made.body.promise).toMatchObject({ dreamId, assemblyId, questionId: null, status: 'in_progress', overdue: false, doneAt: null });
    const promiseId = made.body.promise.id as string;
    expect(codeOf(await call('POST', `/promises/${promiseId}/status`, { token: otherCharity.token, body: { status: 'done' } }))).toEqual([403, 'FORBIDDEN']);
    const done = await call('POST', `/promises/${promiseId}/status`, { token: charity.token, body: { status: 'done', note: '发票已公开' } });
    expect(done.status).toBe(200);
    expect(done.body.promise).toMatchObject({ status: 'done', doneAt: expect.any(String), note: '发票已公开' });
    expect(codeOf(await call('POST', `/promises/${promiseId}/status`, { token: charity.token, body: { status: 'unmet' } }))).toEqual([409, 'PROMISE_SETTLED']);
    // Public, with the fields the dream page shows.
    const list = await call('GET', `/dreams/${dreamId}/promises`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: promiseId, status: 'done', overdue: false })]);
    // The donor is told, once.
    const told = await eventually(
      () => call('GET', '/me/notifications', { token: donor.token }),
      (answer) => answer.body.items.some((n: { type: string }) => n.type === 'promise_done'),
    );
    expect(told.body.items.filter((n: { type: string; refId: string }) => n.type === 'promise_done' && n.refId === `${dreamId}/${promiseId}`)).toHaveLength(1);
  });
});

describe('live polls over HTTP', () => {
  it('403 for non-donors and non-adopters, results hidden while open, 409 ALREADY_ANSWERED and POLL_CLOSED', async () => {
    // Arrange
    const { assemblyId, charity, donor, stranger, otherCharity } = await assemblyOfAdoptedDream();
    const body = { question: '先买哪类书？', options: ['绘本', '科普', '历史'] };
    // Act + Assert: only the adopter opens a poll
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/polls`, { token: otherCharity.token, body }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/polls`, { token: charity.token, body: { ...body, options: ['绘本'] } }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(codeOf(await call('POST', `/assemblies/${assemblyId}/polls`, { token: charity.token, body: { ...body, question: `买${RISKY}` } }))).toEqual([
      409,
      'CONTENT_UNSAFE',
    ]);
    const opened = await call('POST', `/assemblies/${assemblyId}/polls`, { token: charity.token, body });
    expect(opened.status).toBe(201);
    const pollId = opened.body.poll.id as string;
    // Only a donor of the dream answers, once.
    expect(codeOf(await call('POST', `/polls/${pollId}/answers`, { token: stranger.token, body: { option: 0 } }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await call('POST', `/polls/${pollId}/answers`, { token: donor.token, body: { option: 3 } }))).toEqual([400, 'VALIDATION_FAILED']);
    const answered = await call('POST', `/polls/${pollId}/answers`, { token: donor.token, body: { option: 1 } });
    expect(answered.status).toBe(200);
    expect(answered.body.poll).toMatchObject({ status: 'open', results: null, answered: true });
    expect(codeOf(await call('POST', `/polls/${pollId}/answers`, { token: donor.token, body: { option: 0 } }))).toEqual([409, 'ALREADY_ANSWERED']);
    // Results are hidden while it is open, for everyone.
    const whileOpen = await call('GET', `/assemblies/${assemblyId}/polls`, { token: donor.token });
    expect(whileOpen.body.items).toEqual([expect.objectContaining({ id: pollId, status: 'open', results: null, answered: true })]);
    expect((await call('GET', `/assemblies/${assemblyId}/polls`)).body.items[0]).toMatchObject({ results: null, answered: false });
    // Only the adopter closes it; then the results show, and answers are refused.
    expect(codeOf(await call('POST', `/polls/${pollId}/close`, { token: otherCharity.token }))).toEqual([403, 'FORBIDDEN']);
    const closed = await call('POST', `/polls/${pollId}/close`, { token: charity.token });
    expect(closed.status).toBe(200);
    expect(closed.body.poll).toMatchObject({ status: 'closed', results: [0, 1, 0] });
    expect(codeOf(await call('POST', `/polls/${pollId}/close`, { token: charity.token }))).toEqual([409, 'POLL_CLOSED']);
    expect(codeOf(await call('POST', `/polls/${pollId}/answers`, { token: donor.token, body: { option: 0 } }))).toEqual([409, 'POLL_CLOSED']);
    expect((await call('GET', `/assemblies/${assemblyId}/polls`)).body.items[0]).toMatchObject({ status: 'closed', results: [0, 1, 0] });
  });

  it('no poll opens once the minutes closed the assembly (409 ASSEMBLY_CLOSED), and the donors are told of the minutes once', async () => {
    // Arrange
    const { assemblyId, charity, donor } = await assemblyOfAdoptedDream();
    const minutes = await call('POST', `/assemblies/${assemblyId}/minutes`, {
      token: charity.token,
      body: { minutes: '本次大会没有收到问题，机构介绍了执行进展。' },
    });
    expect(minutes.status).toBe(200);
    // Act
    const late = await call('POST', `/assemblies/${assemblyId}/polls`, { token: charity.token, body: { question: '还有问题吗？', options: ['有', '没有'] } });
    // Assert
    expect(codeOf(late)).toEqual([409, 'ASSEMBLY_CLOSED']);
    const told = await eventually(
      () => call('GET', '/me/notifications', { token: donor.token }),
      (answer) => answer.body.items.some((n: { type: string }) => n.type === 'assembly_minutes'),
    );
    expect(told.body.items.filter((n: { type: string; refId: string }) => n.type === 'assembly_minutes' && n.refId === assemblyId)).toHaveLength(1);
  });
});
