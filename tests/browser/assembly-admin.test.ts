import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, grant } from '../support/http-client';

jest.setTimeout(300_000);

const STORY = '山里的孩子们需要一间温暖明亮的图书角，让他们在放学后也能读到好书。';
const KEPT = '图书采购的发票什么时候公开？';
const REMOVED = '这个机构是不是骗子？';

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const card = (page: Page, text: string) => page.locator('.reported-item:visible', { hasText: text }).first();
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** An adopted dream's assembly with two questions, each reported by three donors (enough to hide it). */
async function twoReportedQuestions() {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const { body } = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '被举报提问的图书角', story: STORY, category: 'education', targetFlowers: 1_000 },
  });
  const dreamId = body.dream.id as string;
  await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donors = [];
  for (const flowers of [400, 300, 300]) {
    const donor = await devSignIn();
    await grant(donor.token, flowers);
    expect((await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers } })).status).toBe(200);
    donors.push(donor);
  }
  const charity = await devSignIn(['charity']);
  expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: charity.token })).status).toBe(200);
  const scheduled = await call('POST', `/dreams/${dreamId}/assemblies`, {
    token: charity.token,
    body: { title: '十二月股东大会', meetingUrl: 'https://meeting.tencent.com/dm/lrf-admin', startsAt: hoursFromNow(48), questionsCloseAt: hoursFromNow(24) },
  });
  const assemblyId = scheduled.body.assembly.id as string;
  for (const text of [KEPT, REMOVED]) {
    const asked = await call('POST', `/assemblies/${assemblyId}/questions`, { token: donors[0].token, body: { text } });
    expect(asked.status).toBe(201);
    for (const donor of donors) await call('POST', `/questions/${asked.body.question.id}/reports`, { token: donor.token, body: {} });
  }
  return { assemblyId };
}

describe('H5 app: the admin console for reported assembly questions', () => {
  const app = useBrowserApp();

  it('an admin opens 被举报的提问 from the console, restores one question and removes the other, until the queue is empty', async () => {
    // Arrange
    const { assemblyId } = await twoReportedQuestions();
    expect((await call('GET', `/assemblies/${assemblyId}`)).body.questions).toEqual([]);
    const { page: admin, errors } = await phonePage(app.browser);
    await signInOnScreen(admin, app.url, '平台管理员', ['admin']);

    // Act 1: from 我的 → the review console → 被举报的提问
    await tapTab(admin, '我的');
    await visible(admin, '.me-admin').click();
    await visible(admin, '.admin-nav-questions').click();

    // Assert 1: both wait, with where they were asked and why
    await card(admin, KEPT).waitFor({ timeout: 30_000 });
    const kept = await card(admin, KEPT).innerText();
    expect(kept).toContain('十二月股东大会');
    expect(kept).toContain('被举报 3 次');
    await card(admin, REMOVED).waitFor({ timeout: 30_000 });

    // Act 2: restore one, remove the other
    await card(admin, KEPT).getByText('恢复显示', { exact: true }).click();
    await card(admin, KEPT).waitFor({ state: 'detached', timeout: 30_000 });
    await card(admin, REMOVED).getByText('移除', { exact: true }).click();

    // Assert 2: the queue is empty, and only the restored question is public again
    await visible(admin, '.reported-empty').waitFor({ timeout: 30_000 });
    const shown = (await call('GET', `/assemblies/${assemblyId}`)).body.questions.map((q: { text: string }) => q.text);
    expect(shown).toEqual([KEPT]);
    expect(errors).toEqual([]);
  });
});
