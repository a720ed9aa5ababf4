import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp, fillAndKeep } from '../support/browser';
import { call, devSignIn, eventually } from '../support/http-client';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

describe('H5 app: 爱心餐', () => {
  const app = useBrowserApp();

  it('a donor buys meals at a store and sees them paid; a worker claims their roster row and shows a pass; the merchant redeems it; the donor sees where and when it was eaten', async () => {
    // Arrange: a merchant (on screen) whose store an admin approved, in a city of its own; a charity's roster with the worker's row.
    const city = `爱心城${Date.now() % 100_000}`;
    const { page: merchant, errors: merchantErrors } = await phonePage(app.browser);
    await signInOnScreen(merchant, app.url, '爱心面馆老板', ['merchant']);
    const opened = await call('POST', '/stores', { token: await storedToken(merchant), body: { name: '爱心面馆', city, address: '南山区科技园 1 号' } });
    const admin = await devSignIn(['admin']);
    expect((await call('POST', `/stores/${opened.body.store.id}/review`, { token: admin.token, body: { decision: 'approve' } })).status).toBe(200);
    const charity = await devSignIn(['charity']);
    const employer = `南山环卫${Date.now() % 100_000}`;
    await call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId: charity.user.id } });
    await call('POST', '/workers/roster', { token: charity.token, body: { employer, rows: [{ employeeNumber: 'NS-0007', name: '李秀英' }] } });

    // Act 1: the donor finds the city's stores from 我的 and buys 2 meals.
    const { page: donor, errors: donorErrors } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '爱心餐捐赠人');
    await tapTab(donor, '我的');
    await visible(donor, '.me-meals').click();
    await donor.locator('.meal-city-option:visible', { hasText: city }).first().click();
    const store = donor.locator('.meal-store:visible', { hasText: '爱心面馆' }).first();
    await store.waitFor({ timeout: 30_000 });
    expect(await store.innerText()).toContain('待领 0 份');
    await store.locator('.meal-store-give').click();
    await fillAndKeep(donor, '.meal-buy-count input', '2');
    expect(await visible(donor, '.meal-buy-pay').innerText()).toContain('¥30.00');
    await visible(donor, '.meal-buy-pay').click();

    // Assert 1: paid (the fake WeChat Pay pays at once in H5), the store shows the meals, and "my meals" lists it as paid.
    await visible(donor, '.meal-paid').waitFor({ timeout: 30_000 });
    expect(await visible(donor, '.meal-paid').innerText()).toContain('2 份爱心餐（¥30.00）已送到「爱心面馆」');
    await donor.locator('.meal-store:visible', { hasText: '待领 2 份' }).first().waitFor({ timeout: 30_000 });
    await visible(donor, '.meal-paid-link').click();
    const bought = visible(donor, '.my-meal');
    await bought.waitFor({ timeout: 30_000 });
    expect(await bought.innerText()).toMatch(/爱心面馆\s*已支付/);
    expect(await bought.innerText()).toContain('已享用 0 份，待领取 2 份');

    // Act 2: a worker claims their row (a wrong name first) and opens their pass.
    const { page: worker, errors: workerErrors } = await phonePage(app.browser);
    await signInOnScreen(worker, app.url, '李师傅');
    await tapTab(worker, '我的');
    await visible(worker, '.me-worker').click();
    await fillAndKeep(worker, '.worker-employer input', employer);
    await fillAndKeep(worker, '.worker-number input', 'NS-0007');
    await fillAndKeep(worker, '.worker-name input', '李秀');
    await visible(worker, '.worker-claim').click();
    await visible(worker, '.worker-problem').waitFor({ timeout: 30_000 });
    expect(await visible(worker, '.worker-problem').innerText()).toContain('没有找到匹配的登记信息');
    await fillAndKeep(worker, '.worker-name input', '李秀英');
    await visible(worker, '.worker-claim').click();
    await visible(worker, '.worker-open-pass').waitFor({ timeout: 30_000 });
    await visible(worker, '.worker-open-pass').click();

    // Assert 2: a QR code with the time left, and no unreadable token under it. The merchant's
    // phone would scan it; here the pass is the one the API hands out again within its window.
    await visible(worker, '.meal-pass-qr').waitFor({ timeout: 30_000 });
    expect(await visible(worker, '.meal-pass-countdown').innerText()).toMatch(/\d+:\d{2} 后失效/);
    expect(await worker.locator('.meal-pass-text').count()).toBe(0);
    const pass = (await call('GET', '/me/meal-pass', { token: await storedToken(worker) })).body.pass as string;
    expect(pass.split('.')).toHaveLength(3);

    // Act 3: the merchant opens the store's love meals and redeems the pass (pasted: H5 cannot scan).
    await merchant.goto(app.url);
    await tapTab(merchant, '首页');
    await visible(merchant, '.home-entry-merchant').click();
    await merchant.getByRole('button', { name: '爱心面馆的爱心餐核销' }).click();
    await visible(merchant, '.store-meals-available').waitFor({ timeout: 30_000 });
    expect((await visible(merchant, '.store-meals-available').innerText()).trim()).toBe('2');
    await visible(merchant, '.store-meals-pass textarea').fill(pass);
    await visible(merchant, '.store-meals-redeem').click();

    // Assert 3: redeemed once; the same pass again is refused; today's list and the month's statement count it.
    await visible(merchant, '.store-meals-ok').waitFor({ timeout: 30_000 });
    await merchant.locator('.store-meals-available:visible', { hasText: /^1$/ }).waitFor({ timeout: 30_000 });
    expect(await visible(merchant, '.store-meals-today').innerText()).toContain('今日核销 1 份');
    expect(await visible(merchant, '.store-meals-month-served').innerText()).toBe('1 份');
    expect(await visible(merchant, '.store-meals-month-owed').innerText()).toBe('¥15.00');
    await visible(merchant, '.store-meals-pass textarea').fill(pass);
    await visible(merchant, '.store-meals-redeem').click();
    await visible(merchant, '.store-meals-refused').waitFor({ timeout: 30_000 });
    expect(await visible(merchant, '.store-meals-refused').innerText()).toContain('这个核销码已经用过了');
    // …and the worker's screen, which asks every few seconds, says today's meal was had, and where.
    await visible(worker, '.meal-pass-served').waitFor({ timeout: 30_000 });
    expect(await visible(worker, '.meal-pass-served').innerText()).toMatch(/今日已领[\s\S]*爱心面馆/);
    expect(await worker.locator('.meal-pass-qr').count()).toBe(0);

    // Act 4 + Assert 4: the donor is told (from the table's stream), with the store and the time, in notifications and in my meals.
    const donorToken = await storedToken(donor);
    await eventually(
      () => call('GET', '/me/notifications', { token: donorToken }),
      (answer) => answer.body.items.some((n: { type: string }) => n.type === 'meal_redeemed'),
    );
    await donor.reload();
    const eaten = visible(donor, '.my-meal-eaten-row');
    await eaten.waitFor({ timeout: 30_000 });
    expect(await eaten.innerText()).toMatch(/你捐的爱心餐已被享用 · 爱心面馆 · \d{2}-\d{2} \d{2}:\d{2}/);
    expect(await visible(donor, '.my-meal').innerText()).toContain('已享用 1 份，待领取 1 份');
    await donor.goto(app.url);
    await tapTab(donor, '我的');
    await visible(donor, '.me-notifications').click();
    const told = donor.locator('.notification-meal_redeemed:visible').first();
    await told.waitFor({ timeout: 30_000 });
    expect(await told.innerText()).toContain('你捐的爱心餐已被享用');
    expect(await told.innerText()).toContain('在「爱心面馆」吃到了你捐的爱心餐');
    expect([...donorErrors, ...workerErrors, ...merchantErrors]).toEqual([]);
  });

  it('an admin suspends a store from the console and refunds its unredeemed meals; the donor sees them refunded', async () => {
    // Arrange: a store with 2 paid meals, its donor signed in on screen
    const city = `退款城${Date.now() % 100_000}`;
    const merchant = await devSignIn(['merchant']);
    const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '要暂停的面馆', city, address: '福田区 8 号' } });
    const storeId = opened.body.store.id as string;
    await call('POST', `/stores/${storeId}/review`, { token: (await devSignIn(['admin'])).token, body: { decision: 'approve' } });
    const { page: donor } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '会被退款的捐赠人');
    await call('POST', '/meals/donations', {
      token: await storedToken(donor),
      body: { storeId, meals: 2 },
      headers: { 'idempotency-key': `refund-${storeId}` },
    });
    const { page: admin, errors } = await phonePage(app.browser);
    await signInOnScreen(admin, app.url, '店铺管理员', ['admin']);

    // Act: 我的 → 审核后台 → 店铺管理 → 营业中: suspend with a reason; 已暂停: refund
    await tapTab(admin, '我的');
    await visible(admin, '.me-admin').click();
    await visible(admin, '.admin-nav-stores').click();
    await visible(admin, '.store-tab-active').click();
    const active = admin.locator('.store-item:visible', { hasText: '要暂停的面馆' }).first();
    await active.waitFor({ timeout: 30_000 });
    await active.locator('.store-money-figures').waitFor({ timeout: 30_000 });
    expect(await active.locator('.store-money-figures').innerText()).toContain('待领取 2 份（¥30.00）');
    await active.locator('.store-suspend-reason input').fill('食品安全检查未通过');
    await active.locator('.store-suspend').click();
    await active.waitFor({ state: 'detached', timeout: 30_000 });
    await visible(admin, '.store-tab-suspended').click();
    const suspended = admin.locator('.store-item:visible', { hasText: '要暂停的面馆' }).first();
    await suspended.waitFor({ timeout: 30_000 });
    await suspended.locator('.store-refund').click();

    // Assert: the refund runs on the server's stream and the console shows it done; the donor sees it refunded
    await suspended.locator('.store-windup-done').waitFor({ timeout: 60_000 });
    expect(await suspended.locator('.store-windup-done').innerText()).toContain('退款已完成：2 份，¥30.00');
    await tapTab(donor, '我的');
    await visible(donor, '.me-my-meals').click();
    const meal = visible(donor, '.my-meal');
    await meal.waitFor({ timeout: 30_000 });
    expect(await meal.innerText()).toMatch(/要暂停的面馆\s*已退款/);
    expect(await meal.innerText()).toContain('已退款 2 份');
    expect(errors).toEqual([]);
  });
});
