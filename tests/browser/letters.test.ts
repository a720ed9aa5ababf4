import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(240_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
// An 8×8 red PNG (a real image the browser can draw).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN45uyAFTEMLQkAbVVaQZQsA6wAAAAASUVORK5CYII=', 'base64');

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

describe('H5 app: 小红花来信', () => {
  const app = useBrowserApp();

  it('a charity writes a letter with two line items, a receipt and a photo; an admin publishes it; the donor reads it, with the statement, the receipt and the photo; the dream shows its timeline', async () => {
    // Arrange: a dream with a match fund (1 fen a flower) filled by a donor signed in on screen, adopted by a charity signed in on screen.
    const { page: donor } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '收信的捐花人');
    const donorToken = await storedToken(donor);
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '来信的图书角', story: STORY, category: 'education', targetFlowers: 1_000 },
    });
    const dreamId = body.dream.id as string;
    await call('POST', `/dreams/${dreamId}/review`, {
      token: admin.token,
      body: { decision: 'approve', matchFund: { sponsorName: '爱心企业', fenPerFlower: 1, budgetFen: 100_000 } },
    });
    await grant(donorToken, 1_000);
    await call('POST', `/dreams/${dreamId}/donations`, { token: donorToken, body: { flowers: 1_000 }, headers: { 'idempotency-key': `letters-${dreamId}` } });
    const { page: charity, errors } = await phonePage(app.browser);
    await signInOnScreen(charity, app.url, '图书角基金会', ['charity']);
    expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: await storedToken(charity) })).status).toBe(200);

    // Act 1: the charity writes a monthly letter from its workbench: two line items and a photo from a file.
    await tapTab(charity, '我的');
    await visible(charity, '.me-charity').click();
    await visible(charity, '.adopted-write').waitFor({ timeout: 30_000 });
    await visible(charity, '.adopted-write').click();
    await visible(charity, '.composer-title').waitFor({ timeout: 30_000 });
    expect(await visible(charity, '.composer-opening').innerText()).toContain('¥10.00');
    await visible(charity, '.composer-title input').fill('十月的来信');
    await visible(charity, '.composer-body textarea').fill('图书角的书架已经装好，孩子们第一次借到了新书。');
    await visible(charity, '.composer-line-description input').fill('书架两组');
    await visible(charity, '.composer-line-amount input').fill('8');
    await visible(charity, '.composer-add-line').click();
    await charity.locator('.composer-line-kind:visible').nth(1).click();
    await charity.locator('.composer-line-description:visible input').nth(1).fill('企业追加');
    await charity.locator('.composer-line-amount:visible input').nth(1).fill('5');
    expect(await visible(charity, '.composer-closing').innerText()).toContain('¥7.00');
    const [receiptChooser] = await Promise.all([charity.waitForEvent('filechooser'), charity.getByRole('button', { name: '给第 1 笔附收据照片' }).click()]);
    await receiptChooser.setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    await visible(charity, '.composer-receipt .photo-picker-thumb').waitFor({ timeout: 30_000 });
    const [chooser] = await Promise.all([charity.waitForEvent('filechooser'), visible(charity, '.composer-photos .photo-picker-add').click()]);
    await chooser.setFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: PNG });
    await visible(charity, '.composer-photos .photo-picker-thumb').waitFor({ timeout: 30_000 });
    await visible(charity, '.composer-send').click();

    // Assert 1: it waits for review in the charity's list.
    await visible(charity, '.composer-sent-in_review').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);

    // Act 2: an admin opens 来信审核 once WeChat passed the photo, and publishes.
    const { page: reviewer } = await phonePage(app.browser);
    await signInOnScreen(reviewer, app.url, '来信审核员', ['admin']);
    const reviewerToken = await storedToken(reviewer);
    await eventually(
      () => call('GET', '/admin/letters?limit=100', { token: reviewerToken }),
      (answer) =>
        answer.body.items.some(
          (l: { dreamId: string; photoChecks: { verdict: string }[] }) =>
            l.dreamId === dreamId && l.photoChecks.length === 2 && l.photoChecks.every((c) => c.verdict === 'pass'),
        ),
    );
    await tapTab(reviewer, '我的');
    await visible(reviewer, '.me-admin').click();
    await visible(reviewer, '.admin-nav-letters').click();
    const queued = reviewer.locator('.review-letter:visible', { hasText: '十月的来信' }).first();
    await queued.waitFor({ timeout: 30_000 });
    expect(await queued.innerText()).toContain('微信检测：已通过');
    await queued.locator('.review-letter-approve').click();
    await queued.waitFor({ state: 'detached', timeout: 30_000 });

    // Act 3: the letter reaches the donor (the stream's fan-out), who sees the badge and opens it.
    await eventually(
      async () => (await call('GET', '/me', { token: donorToken })).body.unreadLetters,
      (unread) => unread === 1,
    );
    await tapTab(donor, '梦想');
    await tapTab(donor, '我的');
    const badge = donor.locator('.weui-tabbar__item').nth(2).locator('.weui-badge');
    await badge.waitFor({ timeout: 30_000 });
    // The letter (in the letterbox, and as the `letter` notification the contract lists) and the
    // notification that the dream reached its target.
    expect((await badge.innerText()).trim()).toBe('3');
    expect((await visible(donor, '.me-letters .me-menu-count').innerText()).trim()).toBe('1');
    await visible(donor, '.me-letters').click();
    await visible(donor, '.inbox-unread-item').click();

    // Assert 3: the story, the photo and the statement (this period and since the start, apart).
    const letter = visible(donor, '.letter-read .letter-card');
    await letter.waitFor({ timeout: 30_000 });
    expect(await letter.innerText()).toContain('图书角的书架已经装好');
    const statement = visible(donor, '.letter-read .statement');
    const text = await statement.innerText();
    expect(text).toContain('本期收支');
    expect(text).toContain('自项目开始累计');
    expect(text).toMatch(/期初余额[^¥]*¥10\.00/);
    expect(text).toMatch(/书架两组\s*查看收据\s*-¥8\.00/);
    expect(text).toMatch(/企业追加\s*\+¥5\.00/);
    expect(text).toMatch(/期末余额[^¥]*¥7\.00/);
    await donor.waitForFunction(
      () => {
        const img = document.querySelector('.letter-read .letter-photo img') as HTMLImageElement | null;
        return Boolean(img && img.complete && img.naturalWidth === 8);
      },
      undefined,
      { timeout: 30_000 },
    );
    // The spend line's receipt opens full screen, and a tap closes it.
    await donor.getByRole('button', { name: '查看收据：书架两组' }).click();
    await donor.waitForFunction(
      () => {
        const img = document.querySelector('.preview-image img') as HTMLImageElement | null;
        return Boolean(img && img.complete && img.naturalWidth === 8);
      },
      undefined,
      { timeout: 30_000 },
    );
    await donor.locator('.preview-image').click();
    await donor.locator('.preview-image').waitFor({ state: 'detached', timeout: 10_000 });
    expect((await call('GET', '/me/letters', { token: donorToken })).body.unread).toBe(0);

    // The dream page shows the timeline (from the letter).
    await visible(donor, '.letter-read-dream').click();
    const timeline = visible(donor, '.dream-letters-card');
    await timeline.locator('.dream-letter').first().waitFor({ timeout: 30_000 });
    expect(await timeline.innerText()).toContain('十月的来信');
    expect(await timeline.innerText()).toContain('已发布 1 封');

    // The letter's part of the badge clears on 我的 (the notification is still unread).
    await donor.goBack();
    await donor.goBack();
    await donor.goBack();
    await tapTab(donor, '梦想');
    await tapTab(donor, '我的');
    await donor.waitForFunction(
      () => document.querySelectorAll('.weui-tabbar__item')[2]?.querySelector('.weui-badge')?.textContent?.trim() === '1',
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect(await donor.locator('.me-letters .me-menu-count:visible').count()).toBe(0);
  });
});
