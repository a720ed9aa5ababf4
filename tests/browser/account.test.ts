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
});
