import type { Browser, Page } from 'playwright-core';
import { phonePage, saveScreenshot, signInOnScreen, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const navTitle = (page: Page) => page.locator('#taro-navigation-bar .taro-navigation-bar-title');
const backControl = (page: Page) => page.getByRole('button', { name: '返回' });

/** A phone already signed in as a fresh person with `roles` (through /auth/dev), opened at `path`. */
async function phoneAs(browser: Browser, appUrl: string, roles: string[], path: string) {
  const { token, user } = await devSignIn(roles);
  const { page, errors } = await phonePage(browser);
  await page.goto(appUrl);
  // What the app stores on sign-in (Taro H5 wraps storage values as {"data": …}).
  await page.evaluate(
    ([t, u]) => {
      localStorage.setItem('lrf_token', JSON.stringify({ data: t }));
      localStorage.setItem('lrf_user', JSON.stringify({ data: u }));
    },
    [token, user] as const,
  );
  await page.goto(`${appUrl}#${path}`);
  await page.reload();
  return { page, errors, token, user };
}

describe('H5 app: everywhere (title bar, retry, journey screenshots)', () => {
  const app = useBrowserApp();

  it('the H5 back control returns: tab pages have a title and no back; an opened page has both, and back returns', async () => {
    // Arrange: a person on 我的
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '找回上一页');
    await tapTab(page, '我的');
    await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '我的');
    expect(await backControl(page).isVisible()).toBe(false);

    // Act: open 消息通知, then tap the bar's back control
    await visible(page, '.me-notifications').click();
    await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '消息通知');
    // As a person would: once the page has loaded (the router's slide-in has ended by then).
    await visible(page, '.notifications').waitFor({ timeout: 30_000 });
    await page.locator('.notifications-loading:visible').waitFor({ state: 'detached', timeout: 30_000 });
    const backShown = await backControl(page).isVisible();
    await backControl(page).click();

    // Assert: back on 我的, with its title and without a back control
    expect(backShown).toBe(true);
    await visible(page, '.me-user-id').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '我的');
    expect(await navTitle(page).innerText()).toBe('我的');
    expect(await backControl(page).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('a retry button clears the error: the failed load shows 重试, and while retrying only 加载中… shows', async () => {
    // Arrange: the notifications list fails once with a 500, and the retry answers slowly
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '再试一次');
    let calls = 0;
    await page.route('**/me/notifications?**', async (route) => {
      calls += 1;
      if (calls === 1)
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'INTERNAL', message: '服务暂时不可用' } }),
        });
      await new Promise((r) => setTimeout(r, 1_500));
      return route.continue();
    });
    await tapTab(page, '我的');
    await visible(page, '.me-notifications').click();
    const error = visible(page, '.notifications-error');
    await error.waitFor({ timeout: 30_000 });

    // Act
    const retry = error.locator('.lrf-retry');
    expect((await retry.innerText()).trim()).toBe('重试');
    await retry.click();

    // Assert: 加载中… alone while the retry runs, then the list's empty state and no error
    await visible(page, '.notifications-loading').waitFor({ timeout: 10_000 });
    expect(await page.locator('.notifications-error:visible').count()).toBe(0);
    await page.locator('.notifications-loading:visible').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('.notifications-error:visible').count()).toBe(0);
    expect(calls).toBe(2);
    expect(errors).toEqual([]);
  });

  // SCREENSHOTS=1 (with CJK fonts installed) refreshes the pictures in docs/screenshots.
  (process.env.SCREENSHOTS === '1' ? it : it.skip)('saves a screen of each journey: donor, charity, admin, merchant, worker', async () => {
    // Arrange: an open dream to look at
    const proposer = await devSignIn();
    const proposed = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '村小图书角', story: '山里的孩子们放学后没有书可读，我们想为村小建一间有两千本书的图书室。', category: 'education', targetFlowers: 1000 },
    });
    const admin = await devSignIn(['admin']);
    await call('POST', `/dreams/${proposed.body.dream.id}/review`, {
      token: admin.token,
      body: { decision: 'approve', matchFund: { sponsorName: '暖心企业', fenPerFlower: 10, budgetFen: 100_000 } },
    });

    // Act + Assert: each journey's main screen, once it has its content
    const donor = await phoneAs(app.browser, app.url, [], `/pages/dream-detail/index?id=${proposed.body.dream.id}`);
    await grant(donor.token, 120);
    await donor.page.reload();
    await visible(donor.page, '.dream-detail-title').waitFor({ timeout: 30_000 });
    await saveScreenshot(donor.page, 'journey-donor');

    const charity = await phoneAs(app.browser, app.url, ['charity'], '/charity/workbench/index');
    await visible(charity.page, '.charity').waitFor({ timeout: 30_000 });
    await saveScreenshot(charity.page, 'journey-charity');

    const reviewer = await phoneAs(app.browser, app.url, ['admin'], '/admin/review/index');
    await visible(reviewer.page, '.admin').waitFor({ timeout: 30_000 });
    await saveScreenshot(reviewer.page, 'journey-admin');

    const merchant = await phoneAs(app.browser, app.url, ['merchant'], '/merchant/lowcarbon/index');
    await merchant.page.waitForLoadState('networkidle');
    await saveScreenshot(merchant.page, 'journey-merchant');

    const worker = await phoneAs(app.browser, app.url, ['worker'], '/codes/meal-pass/index');
    await visible(worker.page, '.meal-pass-qr').waitFor({ timeout: 30_000 });
    await saveScreenshot(worker.page, 'journey-worker');

    for (const shown of [donor, charity, reviewer, merchant, worker]) expect(shown.errors).toEqual([]);
  });
});
