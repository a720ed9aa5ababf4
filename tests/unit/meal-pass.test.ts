import { MEAL_PASS, MEMBER_CODE, MemberCodeService } from '../../functions/adapters/tokens/member-code';

const secret = async () => 'a-test-secret-of-at-least-thirty-two-bytes!!';
const at = (iso: string) => new Date(iso);

describe('meal passes: signed, naming the worker and a unique id, short-lived', () => {
  const passes = new MemberCodeService(secret, 90, MEAL_PASS(60));

  it('a pass verifies as its worker’s until it expires (90 s), then is refused as INVALID_PASS', async () => {
    // Arrange
    const issuedAt = at('2026-12-01T04:00:10.000Z');
    const { code, expiresAt } = await passes.issue('worker-1', issuedAt);
    // Act + Assert
    expect(Date.parse(expiresAt) - issuedAt.getTime()).toBeLessThanOrEqual(90_000);
    await expect(passes.verify(code, at('2026-12-01T04:01:20.000Z'))).resolves.toMatchObject({ userId: 'worker-1', codeId: expect.any(String) });
    await expect(passes.verify(code, new Date(Date.parse(expiresAt) + 1_000))).rejects.toMatchObject({ status: 400, code: 'INVALID_PASS' });
  });

  it('one pass per 60-second window: the same within it, a new id after it', async () => {
    const first = await passes.issue('worker-1', at('2026-12-01T04:00:01.000Z'));
    const same = await passes.issue('worker-1', at('2026-12-01T04:00:59.000Z'));
    const next = await passes.issue('worker-1', at('2026-12-01T04:01:01.000Z'));
    const ids = await Promise.all([first, same, next].map(async (p) => (await passes.verify(p.code, at('2026-12-01T04:01:02.000Z'))).codeId));
    expect(same.code).toBe(first.code);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('refuses a forged, a tampered and a member code passed off as a pass', async () => {
    const now = at('2026-12-01T04:00:00.000Z');
    const forger = new MemberCodeService(async () => 'another-secret-of-at-least-thirty-two-bytes', 90, MEAL_PASS(60));
    const memberCodes = new MemberCodeService(secret, 300, MEMBER_CODE);
    const { code } = await passes.issue('worker-1', now);
    const [header, payload, signature] = code.split('.');
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'worker-2' })).toString('base64url'),
      signature,
    ].join('.');
    for (const bad of [(await forger.issue('worker-1', now)).code, tampered, (await memberCodes.issue('worker-1', now)).code, 'not-a-pass']) {
      await expect(passes.verify(bad, now)).rejects.toMatchObject({ status: 400, code: 'INVALID_PASS' });
    }
  });
});
