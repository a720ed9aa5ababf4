import { readFile } from 'node:fs/promises';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call } from '../support/http-client';

jest.setTimeout(120_000);

describe('H5 app: sign in and see the flower account', () => {
  const app = useBrowserApp();

  it('a new person signs in on the dev screen and sees 0 flowers and an empty bill', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    const nickname = `浏览器用户${Date.now() % 100000}`;
    // Act
    await signInOnScreen(page, app.url, nickname);
    await tapTab(page, '我的');
    // Assert
    await page.locator('.me-balance-value').first().waitFor({ timeout: 30_000 });
    expect((await page.locator('.me-balance-value').first().innerText()).trim()).toBe('0');
    await page.locator('.ledger-empty').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.ledger-item').count()).toBe(0);
    await expect(page.locator('.weui-tabbar__item').allInnerTexts()).resolves.toEqual(['首页', '梦想', '我的']);
    expect(errors).toEqual([]);
  });

  it('flowers credited through the API appear in the balance and the bill, newest first', async () => {
    // Arrange: sign in on screen, then credit through the ledger (test stage grant)
    const { page } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '账单用户');
    await tapTab(page, '我的');
    await page.locator('.ledger-empty').first().waitFor({ timeout: 30_000 });
    const token = await storedToken(page);
    await call('POST', '/dev/grants', { token, body: { flowers: 12 } });
    await call('POST', '/dev/grants', { token, body: { flowers: 30 } });
    // Act: come back to the tab (it reloads on show)
    await tapTab(page, '首页');
    await tapTab(page, '我的');
    // Assert
    await page.waitForFunction(() => document.querySelector('.me-balance-value')?.textContent?.trim() === '42', undefined, { timeout: 30_000 });
    await page.locator('.ledger-item').nth(1).waitFor({ timeout: 15_000 });
    const deltas = await page.locator('.ledger-item .ledger-delta').allInnerTexts();
    expect(deltas.map((d) => d.trim())).toEqual(['+30', '+12']);
    expect((await page.locator('.me-earned-value').first().innerText()).trim()).toBe('42');
  });

  it('导出我的数据 downloads a .json file of everything kept, every ledger entry included', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '导出用户');
    const token = await storedToken(page);
    await call('POST', '/dev/grants', { token, body: { flowers: 7 } });
    await tapTab(page, '我的');
    await page.locator('.me-export').first().click();
    await page.locator('.account-export').first().waitFor({ timeout: 30_000 });

    // Act
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('.account-export').first().click()]);

    // Assert
    expect(download.suggestedFilename()).toMatch(/^xiaohonghua-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.flowers).toEqual({ balance: 7, earned: 7, given: 0 });
    expect(exported.ledger.map((entry: { delta: number }) => entry.delta)).toEqual([7]);
    expect(exported.user.nickname).toBe('导出用户');
    expect(errors).toEqual([]);
  });

  it('注销账号 says what is forfeited, asks to confirm, closes the account and signs out', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '注销用户');
    const token = await storedToken(page);
    await call('POST', '/dev/grants', { token, body: { flowers: 5 } });
    await tapTab(page, '我的');
    await page.locator('.me-close-account').first().click();
    await page.waitForFunction(() => document.querySelector('.account-forfeit')?.textContent?.includes('5 朵'), undefined, { timeout: 30_000 });

    // Act
    await page.locator('.account-close').first().click();
    await page.locator('.taro-model__confirm').first().click();

    // Assert: back on the sign-in screen, and the old token is refused.
    await page.locator('.login-submit').first().waitFor({ timeout: 30_000 });
    expect((await call('GET', '/me', { token })).status).toBe(401);
    expect(await page.evaluate(() => localStorage.getItem('lrf_token'))).toBeNull();
    expect(errors).toEqual([]);
  });
});
