import { randomUUID } from 'node:crypto';
import { call, devSignIn, eventually } from '../support/http-client';
import { adoptedDream as arrangeAdoptedDream, type SignedIn } from '../support/adopted-dream';
import { OCTOBER_LETTER } from '../support/letters';

jest.setTimeout(120_000);

const adoptedDream = (admin: SignedIn) => arrangeAdoptedDream({ title: '抽查测试的梦想', admin });

/** Five recipients, four of them signed now; then closed. */
async function closedDistribution(dreamId: string, charity: { token: string }) {
  const created = await call('POST', `/dreams/${dreamId}/distributions`, {
    token: charity.token,
    body: {
      title: '冬衣发放',
      item: '冬衣',
      unit: '件',
      recipients: ['张三丰', '李四', '王五', '赵六', '钱七'].map((name) => ({ name, quantity: 1, village: '石门村' })),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.distribution.id as string;
  const codes = created.body.codes as { recipientId: string; code: string }[];
  for (const { code } of codes.slice(0, 4)) {
    const signed = await call('POST', `/distributions/${id}/signoffs`, {
      token: charity.token,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { code, signedAt: new Date().toISOString() },
    });
    expect(signed.status).toBe(201);
  }
  const beforeClose = await call('GET', `/distributions/${id}/spot-check`);
  expect((await call('POST', `/distributions/${id}/close`, { token: charity.token })).status).toBe(200);
  return { id, unsigned: codes[4].recipientId, beforeClose };
}

describe('spot checks over HTTP', () => {
  it('draws on close; only an admin records call-backs; a dispute shows publicly until resolved', async () => {
    // Arrange
    const admin = await devSignIn(['admin']);
    const { dreamId, charity, donor } = await adoptedDream(admin);
    const { id, unsigned, beforeClose } = await closedDistribution(dreamId, charity);
    const drawn = await eventually(
      () => call('GET', `/distributions/${id}/spot-check`),
      (answer) => answer.status === 200,
    );
    const sampled = drawn.body.calls[0].recipientId as string;
    const callBack = (token: string, body: object) => call('POST', `/admin/spot-checks/${id}/calls`, { token, body });

    // Act
    const byCharity = await callBack(charity.token, { recipientId: sampled, outcome: 'confirmed' });
    const byDonor = await callBack(donor.token, { recipientId: sampled, outcome: 'confirmed' });
    const notSampled = await callBack(admin.token, { recipientId: unsigned, outcome: 'confirmed' });
    const disputed = await callBack(admin.token, { recipientId: sampled, outcome: 'disputed', note: '本人说没有收到' });
    const publicWhileDisputed = await call('GET', `/distributions/${id}`);
    const spotCheckWhileDisputed = await call('GET', `/distributions/${id}/spot-check`);
    const listed = await call('GET', '/admin/spot-checks?limit=100', { token: admin.token });
    const resolved = await call('POST', `/admin/spot-checks/${id}/resolve`, { token: admin.token, body: { note: '核实后已补发' } });
    const resolvedAgain = await call('POST', `/admin/spot-checks/${id}/resolve`, { token: admin.token, body: { note: '再来一次' } });
    const publicAfter = await call('GET', `/distributions/${id}`);

    // Assert
    expect(beforeClose.status).toBe(404);
    // Four signed: max(3, ceil(0.05 × 4)) = 3, named as the public sees names (张**).
    expect(drawn.body.sampleSize).toBe(3);
    expect(drawn.body.seed).toEqual({ treeSize: expect.any(Number), rootHash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(drawn.body.calls.every((c: { maskedName: string }) => /^\p{Script=Han}\*+$/u.test(c.maskedName))).toBe(true);
    expect([byCharity.status, byDonor.status]).toEqual([403, 403]);
    expect([notSampled.status, notSampled.body.error.code]).toEqual([400, 'NOT_SAMPLED']);
    expect(disputed.status).toBe(200);
    expect(publicWhileDisputed.body.distribution.disputed).toBe(true);
    expect(spotCheckWhileDisputed.body.disputed).toBe(true);
    expect(spotCheckWhileDisputed.body.calls.find((c: { recipientId: string }) => c.recipientId === sampled).outcome).toBe('disputed');
    expect(listed.body.items.some((c: { distributionId: string }) => c.distributionId === id)).toBe(true);
    expect(resolved.status).toBe(200);
    expect([resolvedAgain.status, resolvedAgain.body.error.code]).toEqual([409, 'NOT_DISPUTED']);
    expect(publicAfter.body.distribution.disputed).toBe(false);
    const trail = await call('GET', `/admin/audit?targetId=${id}`, { token: admin.token });
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['spotcheck.call', 'spotcheck.resolve']);
  });

  it('a statement line may cite a distribution of its own dream only (400 for another dream’s)', async () => {
    // Arrange: two adopted dreams, each with a distribution
    const admin = await devSignIn(['admin']);
    const mine = await adoptedDream(admin);
    const other = await adoptedDream(admin);
    const own = await closedDistribution(mine.dreamId, mine.charity);
    const foreign = await closedDistribution(other.dreamId, other.charity);
    const citing = (distributionId: string) => ({
      ...OCTOBER_LETTER,
      statement: {
        ...OCTOBER_LETTER.statement,
        lineItems: [{ ...OCTOBER_LETTER.statement.lineItems[0], distributionId }, OCTOBER_LETTER.statement.lineItems[1]],
      },
    });

    // Act
    const refused = await call('POST', `/dreams/${mine.dreamId}/letters`, { token: mine.charity.token, body: citing(foreign.id) });
    const accepted = await call('POST', `/dreams/${mine.dreamId}/letters`, { token: mine.charity.token, body: citing(own.id) });

    // Assert
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: ['statement', 'lineItems', 0, 'distributionId'] })]);
    expect(accepted.status).toBe(201);
    expect(accepted.body.letter.statement.lineItems[0].distributionId).toBe(own.id);
  });
});
