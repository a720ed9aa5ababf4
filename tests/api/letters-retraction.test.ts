import { call, eventually } from '../support/http-client';
import { adoptedDream as arrangeAdoptedDream } from '../support/adopted-dream';
import { OCTOBER_LETTER } from '../support/letters';

jest.setTimeout(120_000);

const adoptedDream = () => arrangeAdoptedDream({ title: '撤回测试的梦想' });

const withPeriod = (periodStart: string, periodEnd: string) => ({ ...OCTOBER_LETTER, statement: { ...OCTOBER_LETTER.statement, periodStart, periodEnd } });

describe('letters over HTTP: dates are dates, and a wrong letter can be retracted', () => {
  it('a date that is no calendar day, a period ending after today and a happenedAt in the future are 400 VALIDATION_FAILED', async () => {
    // Arrange
    const { dreamId, charity } = await adoptedDream();
    const refusals = [
      withPeriod('2026-02-30', '9999-99-99'),
      withPeriod('0000-00-00', '2026-10-31'),
      withPeriod('2026-10-01', '2026-13-45'),
      // Real days, but the period ends far after today (Asia/Shanghai).
      withPeriod('2026-10-01', '9999-12-31'),
      { ...OCTOBER_LETTER, happenedAt: '9999-12-31T23:59:59+14:00' },
      { ...OCTOBER_LETTER, happenedAt: '2026-02-30T08:00:00Z' },
    ];
    for (const body of refusals) {
      // Act
      const answer = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body });
      // Assert
      expect([answer.status, answer.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // The real October still goes through: nothing was published that blocks it.
    expect((await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: OCTOBER_LETTER })).status).toBe(201);
  });

  it('an admin retracts a published letter with a reason: it shows 已撤回 with the reason, the period opens again, its donor is told once', async () => {
    // Arrange: October published and delivered
    const { dreamId, admin, charity, donor } = await adoptedDream();
    const created = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: OCTOBER_LETTER });
    const letterId = created.body.letter.id as string;
    await call('POST', `/letters/${letterId}/review`, { token: admin.token, body: { decision: 'approve' } });
    await eventually(
      () => call('GET', '/me/letters', { token: donor.token }),
      (answer) => answer.body.items.length > 0,
    );
    // Act: only an admin retracts, with a reason
    expect((await call('POST', `/letters/${letterId}/retract`, { token: charity.token, body: { reason: '金额填错了' } })).status).toBe(403);
    expect((await call('POST', `/letters/${letterId}/retract`, { token: admin.token, body: {} })).status).toBe(400);
    const retracted = await call('POST', `/letters/${letterId}/retract`, { token: admin.token, body: { reason: '金额填错了' } });
    // Assert: still there, marked, with the reason, for anyone who reads it
    expect(retracted.status).toBe(200);
    expect(retracted.body.letter).toMatchObject({ id: letterId, retraction: { reason: '金额填错了', at: expect.any(String) } });
    const again = await call('POST', `/letters/${letterId}/retract`, { token: admin.token, body: { reason: '再撤一次' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_RETRACTED']);
    expect((await call('GET', `/letters/${letterId}`)).body.letter.retraction).toMatchObject({ reason: '金额填错了' });
    expect((await call('GET', '/me/letters', { token: donor.token })).body.items[0].letter.retraction).toMatchObject({ reason: '金额填错了' });
    // The corrected October opens again from the matched money and can be published.
    const corrected = await call('POST', `/dreams/${dreamId}/letters`, { token: charity.token, body: { ...OCTOBER_LETTER, corrects: letterId } });
    expect(corrected.status).toBe(201);
    expect((await call('POST', `/letters/${corrected.body.letter.id}/review`, { token: admin.token, body: { decision: 'approve' } })).status).toBe(200);
    // The donor is told, once.
    const told = await eventually(
      () => call('GET', '/me/notifications?limit=100', { token: donor.token }),
      (answer) => answer.body.items.some((n: { type: string }) => n.type === 'letter_retracted'),
    );
    expect(told.body.items.filter((n: { type: string; refId: string }) => n.type === 'letter_retracted' && n.refId === letterId)).toHaveLength(1);
    // The audit trail has it.
    const trail = await call('GET', `/admin/audit?targetId=${letterId}`, { token: admin.token });
    expect(trail.body.items).toEqual([expect.objectContaining({ action: 'letter.retract', reason: '金额填错了' })]);
  });
});
