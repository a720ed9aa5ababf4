import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

/** A dream with a match fund (1 fen a flower) filled with 1,000 flowers and adopted by a charity. */
async function adoptedDream() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '来信测试的梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, {
    token: admin.token,
    body: { decision: 'approve', matchFund: { sponsorName: '爱心企业', fenPerFlower: 1, budgetFen: 100_000 } },
  });
  const donor = await devSignIn();
  await grant(donor.token, 1_000);
  await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 1_000 } });
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  return { dreamId, admin, charity, donor };
}

const october = {
  title: '十月的来信',
  body: '图书室的书架已经装好，孩子们第一次借书。',
  happenedAt: '2026-10-31T08:00:00.000Z',
  statement: {
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    openingFen: 1_000,
    closingFen: 700,
    lineItems: [
      { description: '书架两组', amountFen: 800, kind: 'spend' },
      { description: '企业追加', amountFen: 500, kind: 'income' },
    ],
  },
};

describe('letters over HTTP (API.md "Letters")', () => {
  it('only the adopting charity writes; a statement that does not add up is refused with details; an admin publishes; the timeline shows it', async () => {
    // Arrange
    const { dreamId, admin, charity, donor } = await adoptedDream();
    const otherCharity = await devSignIn(['charity']);
    // Act + Assert: the role rules
    expect((await call('POST', `/dreams/${dreamId}/letters`, { token: donor.token, body: october })).status).toBe(403);
    expect((await call('POST', `/dreams/${dreamId}/letters`, { token: otherCharity.token, body: october })).status).toBe(403);
    const wrong = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { ...october, statement: { ...october.statement, closingFen: 900 } },
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([409, 'LETTER_DOES_NOT_RECONCILE']);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ field: 'closingFen', expected: 700, given: 900 })]);
    const photo = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: { ...october, photos: ['someone-elses-upload'] } });
    expect([photo.status, photo.body.error.code]).toEqual([400, 'INVALID_PHOTO']);
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: october });
    expect(created.status).toBe(201);
    expect(created.body.letter).toMatchObject({
      dreamId,
      status: 'in_review',
      publishedAt: null,
      kind: 'letter',
      photos: [],
      statement: { openingFen: 1_000, closingFen: 700, incomeFen: 500, spendFen: 800 },
    });
    const letterId = created.body.letter.id as string;
    // Not public yet; only admins review, and only once.
    expect((await call('GET', `/dreams/${dreamId}/letters`)).body.items).toEqual([]);
    expect((await call('POST', `/letters/${letterId}/review`, { token: charity.token, body: { decision: 'approve' } })).status).toBe(403);
    const queue = await call('GET', '/admin/letters?limit=100', { token: admin.token });
    expect(queue.body.items.some((l: { id: string }) => l.id === letterId)).toBe(true);
    const published = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    expect(published.body.letter).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const again = await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'reject' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'NOT_IN_REVIEW']);
    const timeline = await call('GET', `/dreams/${dreamId}/letters`);
    expect(timeline.body.items.map((l: { id: string }) => l.id)).toEqual([letterId]);
    expect(timeline.body.items[0].reviewNote).toBeUndefined();
    // The next period must start after October.
    const overlap = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { ...october, statement: { ...october.statement, periodStart: '2026-10-20', openingFen: 700, closingFen: 400 } },
    });
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'PERIOD_OVERLAPS']);
  });

  it('a field update has no money; a letter for a dream nobody adopted is refused', async () => {
    const { dreamId, charity } = await adoptedDream();
    const update = await call('POST', `/dreams/${dreamId}/letters`, {
      token: charity.token,
      body: { title: '书到了', body: '第一批图书已经送到学校。', happenedAt: '2026-10-05T03:00:00Z' },
    });
    expect(update.status).toBe(201);
    expect(update.body.letter).toMatchObject({ kind: 'update', statement: null });
    const missing = await call('POST', '/dreams/no-such-dream/letters', { token: charity.token, body: october });
    expect(missing.status).toBe(404);
  });

  it('a published letter reaches the donor’s letterbox with the unread count; reading it is a 204 and clears the count', async () => {
    // Arrange: a donor of an adopted dream, and a published letter
    const { dreamId, admin, charity, donor } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: october });
    const letterId = created.body.letter.id as string;
    expect((await call('GET', '/me/letters', { token: donor.token })).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    // Act: the stream delivers it
    const box = await eventually(
      () => call('GET', '/me/letters', { token: donor.token }),
      (answer) => answer.body.items.length > 0,
    );
    // Assert
    expect(box.body).toMatchObject({
      unread: 1,
      nextCursor: null,
      items: [{ dreamTitle: '来信测试的梦想', read: false, letter: { id: letterId, status: 'published' } }],
    });
    expect((await call('GET', '/me', { token: donor.token })).body.unreadLetters).toBe(1);
    const stranger = await devSignIn();
    expect((await call('POST', `/me/letters/${letterId}/read`, { token: stranger.token })).status).toBe(404);
    expect((await call('POST', `/me/letters/${letterId}/read`)).status).toBe(401);
    const read = await call('POST', `/me/letters/${letterId}/read`, { token: donor.token });
    expect([read.status, read.text]).toEqual([204, '']);
    expect((await call('POST', `/me/letters/${letterId}/read`, { token: donor.token })).status).toBe(204);
    const after = await call('GET', '/me/letters', { token: donor.token });
    expect(after.body).toMatchObject({ unread: 0, items: [{ read: true }] });
    expect((await call('GET', '/me', { token: donor.token })).body.unreadLetters).toBe(0);
  });
});
