import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { recordLowCarbonAction, issueMemberCode } from '../../functions/lowcarbon/lowcarbon';
import type { Container } from '../../functions/wiring/container';
import { MemberCodeService } from '../../functions/adapters/tokens/member-code';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

describe('low-carbon actions against DynamoDB Local', () => {
  let app: Container;
  let merchantId: string;
  // Shanghai 11:00 on a Wednesday; a test that moves the clock puts it back here, pass or fail.
  const START = '2026-11-25T03:00:00Z';
  const clock = new PinnedClock(new Date(START));
  beforeAll(async () => {
    app = await freshContainer({ clock });
    const merchant = await userWithFlowers(app, 0);
    merchantId = merchant.id;
    await app.stores.create({ name: '绿色咖啡', city: '深圳', address: '福田区 1 号', ownerId: merchantId, status: 'active' }, clock.now().toISOString());
  });

  it('a scanned member code earns the person 1 flower, once', async () => {
    const person = await userWithFlowers(app, 0);
    const { code } = await issueMemberCode(app, person.id);
    const result = await recordLowCarbonAction(app, merchantId, { code, action: 'own_cup' });
    expect(result.action).toMatchObject({ action: 'own_cup', storeName: '绿色咖啡', flowers: 1 });
    await expect(recordLowCarbonAction(app, merchantId, { code, action: 'e_receipt' })).rejects.toMatchObject({ code: 'MEMBER_CODE_USED' });
    const [entry] = (await app.ledger.listEntries(person.id, { limit: 5 })).items;
    expect(entry).toMatchObject({ reason: 'lowcarbon', delta: 1, note: '自带杯 · 绿色咖啡' });
  });

  it('one code scanned 6 times at once is spent once', async () => {
    const person = await userWithFlowers(app, 0);
    const { code } = await issueMemberCode(app, person.id);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => recordLowCarbonAction(app, merchantId, { code, action: 'no_plastic_bag' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await app.ledger.getAccount(person.id))!.balance).toBe(1);
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('at most 5 flowers a day, also when 8 codes are scanned at once; the next day counts anew', async () => {
    const person = await userWithFlowers(app, 0);
    const codes = await Promise.all(Array.from({ length: 8 }, () => issueMemberCode(app, person.id)));
    const results = await Promise.allSettled(codes.map(({ code }) => recordLowCarbonAction(app, merchantId, { code, action: 'no_disposables' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').forEach((r) => expect(r.reason).toMatchObject({ code: 'DAILY_LIMIT_REACHED' }));
    try {
      clock.set('2026-11-25T16:00:01Z');
      const { code } = await issueMemberCode(app, person.id);
      await expect(recordLowCarbonAction(app, merchantId, { code, action: 'own_cup' })).resolves.toBeTruthy();
      expect((await app.ledger.getAccount(person.id))!.balance).toBe(6);
      expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
    } finally {
      clock.set(START);
    }
  });

  it('forged and expired codes are INVALID_MEMBER_CODE', async () => {
    const person = await userWithFlowers(app, 0);
    const forger = new MemberCodeService(async () => 'not-the-server-secret-but-long-enough-0123456789', 300);
    const forged = await forger.issue(person.id, clock.now());
    await expect(recordLowCarbonAction(app, merchantId, { code: forged.code, action: 'own_cup' })).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_MEMBER_CODE',
    });
    const { code } = await issueMemberCode(app, person.id);
    try {
      clock.advanceSeconds(301);
      await expect(recordLowCarbonAction(app, merchantId, { code, action: 'own_cup' })).rejects.toMatchObject({ status: 400, code: 'INVALID_MEMBER_CODE' });
      await expect(recordLowCarbonAction(app, merchantId, { code: 'garbage', action: 'own_cup' })).rejects.toMatchObject({ code: 'INVALID_MEMBER_CODE' });
    } finally {
      clock.set(START);
    }
  });

  it('a session token is not a member code', async () => {
    const person = await userWithFlowers(app, 0);
    const token = await app.tokens.issue({ userId: person.id });
    await expect(recordLowCarbonAction(app, merchantId, { code: token, action: 'own_cup' })).rejects.toMatchObject({ code: 'INVALID_MEMBER_CODE' });
  });

  it('a merchant without an active store is refused with 403', async () => {
    const person = await userWithFlowers(app, 0);
    const pendingMerchant = await userWithFlowers(app, 0);
    await app.stores.create({ name: '待审核小店', city: '深圳', address: '罗湖区', ownerId: pendingMerchant.id, status: 'pending' }, clock.now().toISOString());
    const { code } = await issueMemberCode(app, person.id);
    await expect(recordLowCarbonAction(app, pendingMerchant.id, { code, action: 'own_cup' })).rejects.toMatchObject({ status: 403 });
  });
});
