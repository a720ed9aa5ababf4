import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(120_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';

describe('H5 app: notifications', () => {
  const app = useBrowserApp();

  it('a dream the person filled shows a badge on 我的; reading the notification clears it', async () => {
    // Arrange: the person signs in on screen, then fills an approved dream through the API.
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '等通知的人');
    const token = await storedToken(page);
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '通知测试的梦想', story: STORY, category: 'education', targetFlowers: 1_000 },
    });
    await call('POST', `/dreams/${body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
    await grant(token, 1_000);
    await call('POST', `/dreams/${body.dream.id}/donations`, { token, body: { flowers: 1_000 }, headers: { 'idempotency-key': `b-${body.dream.id}` } });
    // The table's stream tells the donors a moment after the gift.
    await eventually(
      async () => (await call('GET', '/me', { token })).body.unreadNotifications,
      (unread) => unread === 1,
    );

    // Act 1: the tabs load again.
    await tapTab(page, '梦想');
    await tapTab(page, '我的');

    // Assert 1: the badge on 我的 and the count beside 消息通知.
    const badge = page.locator('.weui-tabbar__item').nth(2).locator('.weui-badge');
    await badge.waitFor({ timeout: 30_000 });
    expect((await badge.innerText()).trim()).toBe('1');
    await page.locator('.me-notifications .me-menu-count').waitFor({ timeout: 15_000 });

    // Act 2: open the notification, then come back.
    await page.locator('.me-notifications').click();
    const item = page.locator('.notification-item.notification-unread').first();
    await item.waitFor({ timeout: 30_000 });
    expect(await item.innerText()).toContain('达成目标');
    await item.click();
    // It opens what it is about: the dream.
    await page.locator('.dream-detail:visible').first().waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(body.dream.id);
    await page.goBack();
    await page.goBack();

    // Assert 2: read on the server, and the badge is gone.
    await page.waitForFunction(
      () => !document.querySelectorAll('.weui-tabbar__item')[2]?.querySelector('.weui-badge:not([style*="display: none"])'),
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect((await call('GET', '/me', { token })).body.unreadNotifications).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an admin watches the job that told a dream’s donors in 通知任务', async () => {
    // Arrange: an admin on screen; a donor fills a dream through the API
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '看任务的管理员', ['admin']);
    const adminToken = await storedToken(page);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '任务面板的梦想', story: STORY, category: 'culture', targetFlowers: 1_000 },
    });
    await call('POST', `/dreams/${body.dream.id}/review`, { token: adminToken, body: { decision: 'approve' } });
    const donor = await devSignIn();
    await grant(donor.token, 1_000);
    await call('POST', `/dreams/${body.dream.id}/donations`, { token: donor.token, body: { flowers: 1_000 } });
    await eventually(
      () => call('GET', `/admin/jobs/dream_executable-${body.dream.id}`, { token: adminToken }),
      (answer) => answer.status === 200 && answer.body.job.done,
    );

    // Act: 我的 → 审核后台 → 通知任务
    await tapTab(page, '我的');
    await page.locator('.me-admin:visible').first().click();
    await page.locator('.admin-nav-jobs:visible').first().click();

    // Assert: the job is there, done, with its one donor told
    const job = page.locator('.job-item:visible', { hasText: '任务面板的梦想' }).first();
    await job.waitFor({ timeout: 30_000 });
    expect(await job.innerText()).toContain('已完成');
    expect(await job.innerText()).toContain('已通知 1 / 1 人');
    expect(await job.getAttribute('aria-label')).toContain('剩余 0 人');
    expect(errors).toEqual([]);
  });
});
