import type { Page } from 'playwright-core';
import { fillAndKeep, phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { grant } from '../support/http-client';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const textOf = async (page: Page, selector: string) => (await visible(page, selector).innerText()).trim();

describe('H5 app: a dream from proposal to gifts and a team', () => {
  const app = useBrowserApp();
  const title = `山区图书室${Date.now() % 100_000}`;

  async function openDreamFromList(page: Page) {
    await tapTab(page, '梦想');
    await visible(page, '.dreams-tab-new').click();
    const card = page.locator('.dream-item:visible', { hasText: title }).first();
    await card.waitFor({ timeout: 30_000 });
    await card.click();
    await visible(page, '.dream-ring').waitFor({ timeout: 30_000 });
    // Let the page finish its first loads before typing: H5 may re-render it once they land.
    await page.waitForLoadState('networkidle');
  }

  it('propose → an admin approves → a person gives through the transparency panel → ring and bill update → a team is started and joined', async () => {
    // A person proposes a dream; it waits in review.
    const { page: proposer, errors } = await phonePage(app.browser);
    await signInOnScreen(proposer, app.url, '梦想发起人');
    await tapTab(proposer, '梦想');
    await visible(proposer, '.dream-propose-entry').click();
    await fillAndKeep(proposer, '.propose-title input', title);
    await fillAndKeep(proposer, '.propose-story textarea', '山里的孩子们放学后没有书可读，我们想为村小建一间有两千本书的图书室，让他们也能读到好故事。');
    await visible(proposer, '.propose-category-education').click();
    await fillAndKeep(proposer, '.propose-target input', '1000');
    await visible(proposer, '.propose-submit').click();
    const mine = proposer.locator('.my-dream-item:visible', { hasText: title }).first();
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).toContain('审核中');

    // An admin approves it in the console.
    const { page: admin } = await phonePage(app.browser);
    await signInOnScreen(admin, app.url, '审核员', ['admin']);
    await tapTab(admin, '我的');
    await visible(admin, '.me-admin').click();
    const item = admin.locator('.review-item:visible', { hasText: title }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.locator('.review-approve').click();
    await item.waitFor({ state: 'detached', timeout: 30_000 }).catch(() => item.waitFor({ state: 'hidden', timeout: 5_000 }));

    // Another person gives 10 flowers, confirming the transparency panel first.
    const { page: donor } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '送花的人');
    await grant(await storedToken(donor), 100);
    await openDreamFromList(donor);
    expect(await textOf(donor, '.dream-raised')).toBe('0');
    await visible(donor, '.give-pick-10').click();
    await visible(donor, '.give-submit').click();
    await visible(donor, '.transparency-panel').waitFor({ timeout: 15_000 });
    expect(await textOf(donor, '.transparency-proposer')).toContain('梦想发起人');
    expect(await textOf(donor, '.transparency-started')).toContain('审核通过开始募集');
    expect(await textOf(donor, '.transparency-letters')).toContain('暂无');
    await visible(donor, '.transparency-confirm').click();
    await donor.waitForFunction(() => [...document.querySelectorAll('.dream-raised')].some((el) => el.textContent?.trim() === '10'), undefined, {
      timeout: 30_000,
    });
    await donor.waitForFunction(() => [...document.querySelectorAll('.give-balance-value')].some((el) => el.textContent?.trim() === '90'), undefined, {
      timeout: 30_000,
    });

    // The gift is in the bill with the dream's title.
    await donor.goBack();
    await tapTab(donor, '我的');
    await donor.waitForFunction(() => [...document.querySelectorAll('.me-balance-value')].some((el) => el.textContent?.trim() === '90'), undefined, {
      timeout: 30_000,
    });
    const top = donor.locator('.ledger-item:visible').first();
    expect((await top.locator('.ledger-delta').innerText()).trim()).toBe('-10');
    expect(await top.innerText()).toContain(title);

    // The donor starts a team; a friend joins with the code and gives through it.
    await openDreamFromList(donor);
    await fillAndKeep(donor, '.team-name input', '周末徒步队');
    await visible(donor, '.team-start').click();
    await visible(donor, '.team-code').waitFor({ timeout: 30_000 });
    const code = await textOf(donor, '.team-code');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const { page: friend } = await phonePage(app.browser);
    await signInOnScreen(friend, app.url, '好朋友');
    await grant(await storedToken(friend), 20);
    await openDreamFromList(friend);
    await fillAndKeep(friend, '.team-join-code input', code);
    await visible(friend, '.team-join-submit').click();
    await visible(friend, '.team-give-pick-5').click();
    await visible(friend, '.team-give-submit').click();
    await visible(friend, '.transparency-confirm').click();
    await friend.waitForFunction(() => [...document.querySelectorAll('.team-total')].some((el) => el.textContent?.trim() === '5'), undefined, {
      timeout: 30_000,
    });
    const members = friend.locator('.team-member:visible');
    await members.nth(1).waitFor({ timeout: 15_000 });
    expect(await members.first().innerText()).toContain('好朋友');
    expect(errors).toEqual([]);
  });
});
