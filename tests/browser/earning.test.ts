import type { Page } from 'playwright-core';
import { fillAndKeep, phonePage, signInOnScreen, storedToken, tapTab as tab, useBrowserApp } from '../support/browser';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(180_000);

const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).trim();

describe('H5 app: earning flowers as a person would', () => {
  const app = useBrowserApp();

  it("donates today's steps and sees the result, the balance and the bill change", async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '捐步的人');
    await tab(page, '首页');
    await page.locator('.home-entry-steps').first().click();
    // Act
    await page.locator('.steps-input input').first().waitFor({ timeout: 30_000 });
    await fillAndKeep(page, '.steps-input input', '12345');
    await page.waitForFunction(() => document.querySelector('.steps-flowers')?.textContent?.includes('12'), undefined, { timeout: 15_000 });
    await page.locator('.steps-donate').first().click();
    // Assert
    await page.locator('.steps-result').first().waitFor({ timeout: 15_000 });
    expect(await text(page, '.steps-result')).toContain('获得 12 朵小红花');
    // The seeded sponsor (100 fen per 10,000 steps) matched 12,345 steps with ¥1.23, under its logo text.
    expect(await text(page, '.steps-result-match')).toMatch(/绿动\s*绿动科技为你的步数配捐 ¥1\.23/);
    await page.locator('.steps-bar').first().waitFor({ timeout: 15_000 });
    // The chart is the last 7 days: today's bar, six empty days before it.
    const days = page.locator('.steps-chart:visible .steps-bar-col');
    expect(await days.count()).toBe(7);
    expect(await days.last().innerText()).toMatch(/今天[\s\S]*\+12/);
    expect(await page.locator('.steps-chart:visible .steps-bar-col-empty').count()).toBe(6);
    await page.goBack();
    await tab(page, '我的');
    await page.waitForFunction(() => document.querySelector('.me-balance-value')?.textContent?.trim() === '12', undefined, { timeout: 30_000 });
    await page.locator('.ledger-item').first().waitFor();
    expect(await text(page, '.ledger-item .ledger-delta')).toBe('+12');
    expect(await text(page, '.ledger-item .ledger-reason')).toContain('捐步');
    expect(errors).toEqual([]);
  });

  it('answers the daily quiz one question at a time and reads each explanation', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '答题的人');
    await tab(page, '首页');
    await page.locator('.home-entry-quiz').first().click();
    // Act + Assert: three questions, each with a verdict and an explanation
    for (let i = 0; i < 3; i++) {
      await page.locator('.quiz-question .quiz-choice').first().waitFor({ timeout: 30_000 });
      await page.locator('.quiz-question .quiz-choice').first().click();
      await page.locator('.quiz-result .quiz-explanation').first().waitFor({ timeout: 15_000 });
      expect((await text(page, '.quiz-result .quiz-explanation')).length).toBeGreaterThan(10);
      expect(await text(page, '.quiz-result')).toMatch(/回答正确|回答错误/);
      if (i < 2) await page.locator('.quiz-next').first().click();
    }
    await page.locator('.quiz-summary').first().waitFor({ timeout: 15_000 });
    const correct = Number(await text(page, '.quiz-summary-correct'));
    expect(Number(await text(page, '.quiz-summary-flowers'))).toBe(correct * 2);
    expect(errors).toEqual([]);
  });

  it('shows a member code as a QR code with its time left; a merchant records a low-carbon action with it; the person earns a flower', async () => {
    // Arrange: a person showing their code, a merchant with an active store
    const { page: person, errors } = await phonePage(app.browser);
    await signInOnScreen(person, app.url, '低碳的人');
    const { page: merchant } = await phonePage(app.browser);
    await signInOnScreen(merchant, app.url, '低碳商户', ['merchant']);
    const opened = await call('POST', '/stores', { token: await storedToken(merchant), body: { name: '低碳咖啡', city: '深圳', address: '南山区 5 号' } });
    await call('POST', `/stores/${opened.body.store.id}/review`, { token: (await devSignIn(['admin'])).token, body: { decision: 'approve' } });
    // Act: the person opens 一起低碳; the merchant pastes the code and taps 自带杯
    await tab(person, '首页');
    await person.locator('.home-entry-lowcarbon').first().click();
    await person.locator('.member-qr').first().waitFor({ timeout: 30_000 });
    expect(await text(person, '.member-countdown')).toMatch(/\d+:\d{2} 后失效/);
    const code = await text(person, '.member-code-text');
    await merchant.goto(app.url);
    await tab(merchant, '首页');
    await merchant.locator('.home-entry-merchant:visible').first().click();
    await merchant.locator('.lowcarbon-code-input:visible textarea').first().fill(code);
    await merchant.locator('.lowcarbon-action-own_cup:visible').first().click();
    // Assert
    await merchant.locator('.lowcarbon-result').first().waitFor({ timeout: 30_000 });
    expect(await text(merchant, '.lowcarbon-result')).toContain('顾客获得 1 朵小红花');
    // The person's screen answers on its own: the spent code gives way to what it earned.
    await person.locator('.member-spent').first().waitFor({ timeout: 15_000 });
    expect(await text(person, '.member-spent')).toContain('+1 朵小红花');
    expect(await person.locator('.member-code-text').count()).toBe(0);
    // A fresh code on request (the old one is spent)
    await person.locator('.member-refresh').first().click();
    await person.waitForFunction((old) => document.querySelector('.member-code-text')?.textContent?.trim() !== old, code, { timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
