import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, grant } from '../support/http-client';
import questionBank from '../../functions/quiz/question-bank.json';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const textOf = async (page: Page, selector: string) => (await visible(page, selector).innerText()).trim();
const isDisabled = (page: Page, selector: string) =>
  visible(page, selector).evaluate((el) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true');

/** An open dream with a sponsor matching 10 fen a flower, proposed and approved over HTTP. */
async function openDream(title: string) {
  const proposer = await devSignIn();
  const proposed = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title, story: '山里的孩子们放学后没有书可读，我们想为村小建一间有两千本书的图书室。', category: 'education', targetFlowers: 1000 },
  });
  const admin = await devSignIn(['admin']);
  await call('POST', `/dreams/${proposed.body.dream.id}/review`, {
    token: admin.token,
    body: { decision: 'approve', matchFund: { sponsorName: '暖心企业', fenPerFlower: 10, budgetFen: 100_000 } },
  });
}

describe('H5 app: what a donor sees', () => {
  const app = useBrowserApp();

  it("a donor's over-balance gift button is disabled, and the match line counts only what can be given", async () => {
    // Arrange: a donor with 5 flowers on an open, matched dream
    const title = `余额之外${Date.now() % 100_000}`;
    await openDream(title);
    const { page: donor, errors } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '余额不多的人');
    await grant(await storedToken(donor), 5);
    await tapTab(donor, '梦想');
    await visible(donor, '.dreams-tab-new').click();
    await donor.locator('.dream-item:visible', { hasText: title }).first().click();
    await donor.waitForFunction(() => [...document.querySelectorAll('.give-balance-value')].some((el) => el.textContent?.trim() === '5'), undefined, {
      timeout: 30_000,
    });
    // Act: 50 flowers, ten times the balance
    await visible(donor, '.give-pick-50').click();
    // Assert
    expect(await isDisabled(donor, '.give-submit')).toBe(true);
    expect(await textOf(donor, '.give-over-balance')).toContain('最多可送 5 朵');
    expect(await textOf(donor, '.give-match')).toContain('这 5 朵配捐约 ¥0.50');
    // Within the balance the button works again
    await visible(donor, '.give-pick-5').click();
    expect(await isDisabled(donor, '.give-submit')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('a wrong quiz answer shows the right option', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '答错的人');
    await tapTab(page, '首页');
    await visible(page, '.home-entry-quiz').click();
    await visible(page, '.quiz-question .quiz-choice').waitFor({ timeout: 30_000 });
    const prompt = await textOf(page, '.quiz-prompt');
    const question = questionBank.find((q) => q.prompt === prompt)!;
    const wrong = question.answer === 0 ? 1 : 0;
    // Act
    // The quiz lives in a subpackage: on a cold first load its page can still be settling when the
    // first choice appears, so the click waits as long as the page's own load did.
    await page.locator('.quiz-question .quiz-choice:visible').nth(wrong).click({ timeout: 30_000 });
    // Assert
    await visible(page, '.quiz-right-answer').waitFor({ timeout: 15_000 });
    expect(await textOf(page, '.quiz-right-answer')).toContain(question.choices[question.answer]);
    expect(await page.locator('.quiz-choice-right:visible').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('after donating steps the box takes no more input and shows what was donated today', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '捐完步的人');
    await tapTab(page, '首页');
    await visible(page, '.home-entry-steps').click();
    await visible(page, '.steps-input input').waitFor({ timeout: 30_000 });
    await visible(page, '.steps-input input').fill('20000');
    await page.waitForFunction(() => document.querySelector('.steps-flowers')?.textContent?.includes('20'), undefined, { timeout: 15_000 });
    // Act
    await visible(page, '.steps-donate').click();
    await visible(page, '.steps-result').waitFor({ timeout: 15_000 });
    // Assert
    expect(await page.locator('.steps-input:visible').count()).toBe(0);
    expect(await page.locator('.steps-flowers:visible').count()).toBe(0);
    expect(await textOf(page, '.steps-donated-steps')).toBe('20000');
    expect(await isDisabled(page, '.steps-donate')).toBe(true);
    expect(errors).toEqual([]);
  });
});
