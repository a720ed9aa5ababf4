import type { Page } from 'playwright-core';
import { fillAndKeep, phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(300_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const DAY_MS = 86_400_000;
// A day in Beijing time, as the charity types it into the form.
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const question = (page: Page, text: string) => page.locator('.assembly-question:visible', { hasText: text }).first();

/** Opens the assembly page from the person's notification about it (the invitation). */
async function openInvitation(page: Page) {
  await tapTab(page, '梦想');
  await tapTab(page, '我的');
  await visible(page, '.me-notifications').click();
  const invitation = page.locator('.notification-assembly_invited').first();
  await invitation.waitFor({ timeout: 30_000 });
  expect(await invitation.innerText()).toContain('公益股东大会邀请：十二月股东大会');
  await invitation.click();
  await visible(page, '.assembly-head').waitFor({ timeout: 30_000 });
}

describe('H5 app: 公益股东大会', () => {
  const app = useBrowserApp();

  it('a charity schedules; a donor is invited, asks and votes; another donor votes; the charity answers, records a promise and publishes the minutes; the dream shows the promise', async () => {
    // Arrange: a dream filled by two donors on screen (one of them with a single flower), adopted by a charity on screen.
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '开股东大会的图书角', story: STORY, category: 'education', targetFlowers: 1_000 },
    });
    const dreamId = body.dream.id as string;
    await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
    const { page: asker, errors: askerErrors } = await phonePage(app.browser);
    await signInOnScreen(asker, app.url, '爱提问的股东');
    const askerToken = await storedToken(asker);
    const { page: voter, errors: voterErrors } = await phonePage(app.browser);
    await signInOnScreen(voter, app.url, '一朵花的股东');
    const voterToken = await storedToken(voter);
    await grant(askerToken, 999);
    await grant(voterToken, 1);
    await call('POST', `/dreams/${dreamId}/donations`, { token: voterToken, body: { flowers: 1 }, headers: { 'idempotency-key': `asm-v-${dreamId}` } });
    await call('POST', `/dreams/${dreamId}/donations`, { token: askerToken, body: { flowers: 999 }, headers: { 'idempotency-key': `asm-a-${dreamId}` } });
    const { page: charity, errors: charityErrors } = await phonePage(app.browser);
    await signInOnScreen(charity, app.url, '图书角基金会', ['charity']);
    const charityToken = await storedToken(charity);
    expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charityToken })).status).toBe(200);

    // Act 1: the charity schedules from its workbench: the meeting in two days at 20:00, questions until 19:00.
    const meetingDay = beijingDay(Date.now() + 2 * DAY_MS);
    await tapTab(charity, '我的');
    await visible(charity, '.me-charity').click();
    await visible(charity, '.adopted-assemblies').click();
    await visible(charity, '.schedule-title').waitFor({ timeout: 30_000 });
    await fillAndKeep(charity, '.schedule-title input', '十二月股东大会');
    await fillAndKeep(charity, '.schedule-day input', meetingDay);
    await fillAndKeep(charity, '.schedule-close-day input', meetingDay);
    await fillAndKeep(charity, '.schedule-url input', 'https://meeting.tencent.com/dm/lrf-test');
    await visible(charity, '.schedule-send').click();

    // Assert 1: the assembly page, with the agenda and the countdown before questions close.
    await visible(charity, '.assembly-head').waitFor({ timeout: 30_000 });
    expect(await visible(charity, '.assembly-head').innerText()).toContain('十二月股东大会');
    expect(await visible(charity, '.assembly-countdown').innerText()).toMatch(/^提问还剩 \d+ 天/);
    expect(await visible(charity, '.assembly-phase').innerText()).toBe('征集提问中');

    // Act 2: the first donor opens the invitation (from the fan-out) and asks.
    await eventually(
      async () => (await call('GET', '/me/notifications', { token: askerToken })).body.items.map((n: { type: string }) => n.type),
      (types) => types.includes('assembly_invited'),
    );
    await openInvitation(asker);
    // A question WeChat's check judges risky is refused in Chinese, and nothing is listed.
    await fillAndKeep(asker, '.assembly-ask-text textarea', '图书角的账目 FAKE_RISKY 是真的吗？');
    await visible(asker, '.assembly-ask-send').click();
    const refused = visible(asker, '.assembly-ask-refusal');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.innerText()).toBe('内容未通过微信安全检查，请修改后再提交');
    expect(await asker.locator('.assembly-question:visible').count()).toBe(0);
    await fillAndKeep(asker, '.assembly-ask-text textarea', '图书角的书是从哪里采购的？价格公开吗？');
    await visible(asker, '.assembly-ask-send').click();

    // Assert 2: the question is in the open list, marked as the asker's own, with no vote button on it.
    const mine = question(asker, '图书角的书是从哪里采购的');
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.innerText()).toContain('我的提问');
    expect(await mine.locator('.assembly-vote').count()).toBe(0);

    // Act 3: the one-flower donor (invited too) asks through the API; the first donor votes for it on screen.
    await eventually(
      async () => (await call('GET', '/me/notifications', { token: voterToken })).body.items.map((n: { type: string }) => n.type),
      (types) => types.includes('assembly_invited'),
    );
    const assemblyId = new URL(asker.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(assemblyId).not.toBe('');
    const asked = await call('POST', `/assemblies/${assemblyId}/questions`, { token: voterToken, body: { text: '孩子们每周能借几次书？' } });
    expect(asked.status).toBe(201);
    await asker.reload();
    const theirs = question(asker, '孩子们每周能借几次书');
    await theirs.waitFor({ timeout: 30_000 });
    await theirs.locator('.assembly-vote').click();
    await theirs.locator('.assembly-voted').waitFor({ timeout: 30_000 });
    expect(await theirs.innerText()).toContain('1 票');

    // Act 4: the one-flower donor votes for the first question on screen.
    await openInvitation(voter);
    const first = question(voter, '图书角的书是从哪里采购的');
    await first.waitFor({ timeout: 30_000 });
    await first.locator('.assembly-vote').click();

    // Assert 4: voted, counted.
    await first.locator('.assembly-voted').waitFor({ timeout: 30_000 });
    expect(await first.innerText()).toContain('1 票');

    // Act 5: a live poll: the charity opens it, the one-flower donor answers once, the charity closes it.
    await charity.reload();
    await fillAndKeep(charity, '.assembly-poll-form-question input', '下次大会想在周几开？');
    await charity.locator('.assembly-poll-form-option:visible input').nth(0).fill('周六');
    await charity.locator('.assembly-poll-form-option:visible input').nth(1).fill('周日');
    await visible(charity, '.assembly-poll-start').click();
    await visible(charity, '.assembly-poll-close').waitFor({ timeout: 30_000 });
    await voter.reload();
    await voter.locator('.assembly-poll-option:visible', { hasText: '周日' }).first().click();
    await visible(voter, '.assembly-poll-option-shown').waitFor({ timeout: 30_000 });
    expect(await visible(voter, '.assembly-poll').innerText()).toContain('你已参与，结果在投票结束后公布');
    await visible(charity, '.assembly-poll-close').click();
    await visible(charity, '.assembly-poll-closed').waitFor({ timeout: 30_000 });
    await voter.reload();
    const results = visible(voter, '.assembly-poll-closed');
    await results.waitFor({ timeout: 30_000 });
    expect(await results.innerText()).toMatch(/周六\s*0 票\s*周日\s*1 票/);

    // Act 6: the charity answers the first question and records the promise it made.
    const toAnswer = question(charity, '图书角的书是从哪里采购的');
    await toAnswer.waitFor({ timeout: 30_000 });
    await toAnswer.locator('.assembly-answer-open').click();
    await fillAndKeep(charity, '.assembly-answer-text textarea', '书由本地新华书店供货，发票会随下一封来信公开。');
    await visible(charity, '.assembly-answer-send').click();
    await toAnswer.locator('.assembly-answer-answered').waitFor({ timeout: 30_000 });
    await toAnswer.locator('.assembly-promise-open').click();
    await fillAndKeep(charity, '.assembly-promise-text-input input', '公开图书采购发票');
    await fillAndKeep(charity, '.assembly-promise-due-input input', beijingDay(Date.now() + 30 * DAY_MS));
    await visible(charity, '.assembly-promise-send').click();
    const promise = charity.locator('.assembly-promises-card .assembly-promise', { hasText: '公开图书采购发票' }).first();
    await promise.waitFor({ timeout: 30_000 });
    expect(await promise.innerText()).toContain('进行中');

    // Act 7: the minutes, while the other voted question is still open: refused, and the page says why.
    await fillAndKeep(charity, '.assembly-minutes-text textarea', '本次大会报告了图书角的采购，答复了股东的提问。');
    await visible(charity, '.assembly-minutes-send').click();
    const refusal = visible(charity, '.assembly-minutes-unanswered');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain('得票最多的前 5 个问题须先答复');
    expect(await refusal.innerText()).toContain('孩子们每周能借几次书');

    // Act 8: the charity declines the other question with a reason, then publishes.
    const toDecline = question(charity, '孩子们每周能借几次书');
    await toDecline.locator('.assembly-answer-open').click();
    await toDecline.locator('.assembly-decline-mode').click();
    await fillAndKeep(charity, '.assembly-answer-text textarea', '借阅安排由学校决定，我们会请学校另行公告。');
    await visible(charity, '.assembly-answer-send').click();
    await toDecline.locator('.assembly-answer-declined').waitFor({ timeout: 30_000 });
    await visible(charity, '.assembly-minutes-send').click();

    // Assert 8: closed, with the minutes, the attendance and the final list.
    const minutes = visible(charity, '.assembly-minutes');
    await minutes.waitFor({ timeout: 30_000 });
    expect(await minutes.innerText()).toContain('本次大会报告了图书角的采购');
    expect(await minutes.innerText()).toMatch(/通过小程序加入会议 0 人 · 共 2 个问题/);
    expect(await visible(charity, '.assembly-questions-card').innerText()).toContain('最终问题清单');
    expect(await visible(charity, '.assembly-phase').innerText()).toBe('已结束');

    // Act 9: the donor opens the dream's page.
    await asker.reload();
    await visible(asker, '.assembly-dream-link').click();

    // Assert 9: the promise is on the dream's page, in progress.
    const strip = visible(asker, '.assembly-strip');
    await strip.waitFor({ timeout: 30_000 });
    const shown = strip.locator('.assembly-strip-promise', { hasText: '公开图书采购发票' });
    await shown.waitFor({ timeout: 30_000 });
    expect(await shown.innerText()).toContain('进行中');
    expect([...askerErrors, ...voterErrors, ...charityErrors]).toEqual([]);
  });
});
