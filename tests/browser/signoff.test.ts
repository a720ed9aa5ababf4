import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, eventually, grant } from '../support/http-client';

jest.setTimeout(300_000);

const STORY = '山里的老人和孩子冬天缺少保暖的衣服，我们想为他们每人送上一件羽绒服。';
// An 8×8 red PNG (a real image the browser can draw).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN45uyAFTEMLQkAbVVaQZQsA6wAAAAASUVORK5CYII=', 'base64');
// Four recipients, seven coats; the second row's quantity is the one a first try gets wrong.
const GOOD_CSV = '\uFEFF姓名,数量,村\n张三丰,2,石门村\n李四,1,石门村\n"王小二",3,上寨\n赵六,1,上寨\n';
const BAD_CSV = '姓名,数量,村\n张三丰,2,石门村\n李四,0,石门村\n';

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const textOf = async (page: Page, selector: string) => (await visible(page, selector).innerText()).trim();

/** Types a code on the sign page and saves. */
async function signCode(page: Page, code: string) {
  await visible(page, '.sign-code input').fill(code);
  await visible(page, '.sign-save').click();
}

/** Waits until an element's text contains `want`. */
async function untilText(page: Page, selector: string, want: string) {
  await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent?.includes(text), [selector, want] as const, { timeout: 30_000 });
}

/** A code with its check character changed: the phone must catch it before sending. */
function withWrongCheck(code: string): string {
  const last = code.slice(-1);
  return code.slice(0, -1) + (last === '0' ? '1' : '0');
}

describe('H5 app: 数字签收', () => {
  const app = useBrowserApp();

  it('a charity creates a distribution from a CSV, prints the slips, signs three (typed, with a photo, offline) and closes it; a donor watches', async () => {
    // Arrange: a dream a donor (signed in on screen) gave to, adopted by a charity signed in on screen.
    const { page: donor } = await phonePage(app.browser);
    await signInOnScreen(donor, app.url, '看签收的捐花人');
    const donorToken = await storedToken(donor);
    const admin = await devSignIn(['admin']);
    const proposer = await devSignIn();
    const { body } = await call('POST', '/dreams', {
      token: proposer.token,
      body: { title: '山村冬衣', story: STORY, category: 'other', targetFlowers: 1_000 },
    });
    const dreamId = body.dream.id as string;
    await call('POST', `/dreams/${dreamId}/review`, { token: admin.token, body: { decision: 'approve' } });
    await grant(donorToken, 1_000);
    await call('POST', `/dreams/${dreamId}/donations`, { token: donorToken, body: { flowers: 1_000 }, headers: { 'idempotency-key': `signoff-${dreamId}` } });
    const { page: charity, errors } = await phonePage(app.browser);
    await signInOnScreen(charity, app.url, '冬衣基金会', ['charity']);
    expect((await call('POST', `/dreams/${dreamId}/adopt`, { token: await storedToken(charity) })).status).toBe(200);

    // Act 1: from the workbench to the dream's distributions; a CSV with a bad row first.
    await tapTab(charity, '我的');
    await visible(charity, '.me-charity').click();
    await visible(charity, '.adopted-distributions').click();
    await visible(charity, '.distributions-empty').waitFor({ timeout: 30_000 });
    await visible(charity, '.distribution-title input').fill('冬衣发放（第一批）');
    await visible(charity, '.distribution-item-name input').fill('羽绒服');
    await visible(charity, '.distribution-unit input').fill('件');
    await visible(charity, '.distribution-tab-csv').click();
    await visible(charity, '.distribution-csv-text textarea').fill(BAD_CSV);
    await visible(charity, '.distribution-create').click();

    // Assert 1: the row is named before anything is sent.
    expect(await textOf(charity, '.distribution-row-problem')).toBe('第 3 行：数量应为 1–1000');

    // Act 2: the right list, uploaded as a file.
    const [chooser] = await Promise.all([charity.waitForEvent('filechooser'), visible(charity, '.distribution-csv-file').click()]);
    await chooser.setFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV, 'utf8') });
    await charity.waitForFunction(() => !document.querySelector('.distribution-row-problem'), undefined, { timeout: 10_000 });
    await visible(charity, '.distribution-create').click();

    // Assert 2: the slips, shown once, with masked names; printing and the PDF work.
    await visible(charity, '.slips-warning').waitFor({ timeout: 30_000 });
    expect(await textOf(charity, '.slips-warning')).toContain('签收码只显示这一次');
    const slips = charity.locator('.slip:visible');
    expect(await slips.count()).toBe(4);
    expect(await slips.nth(0).innerText()).toContain('张**');
    expect(await slips.nth(0).innerText()).toContain('羽绒服 × 2 件');
    expect(await charity.locator('.slip-qr .qr-code-dark').count()).toBeGreaterThan(40);
    const codes = await charity.locator('.slip-code:visible').allInnerTexts();
    expect(codes).toHaveLength(4);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    await charity.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await visible(charity, '.slips-print').click();
    expect(await charity.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const [download] = await Promise.all([charity.waitForEvent('download'), visible(charity, '.slips-pdf').click()]);
    const pdf = await download.createReadStream().then(
      (stream) =>
        new Promise<Buffer>((resolve) => {
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => parts.push(part));
          stream.on('end', () => resolve(Buffer.concat(parts)));
        }),
    );
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('latin1')).toContain('/STSong-Light');

    // Act 3: to the sign page; a typo in the check character, then the first code typed.
    await visible(charity, '.slips-done').click();
    await visible(charity, '.timeline-sign').click();
    await visible(charity, '.sign-code').waitFor({ timeout: 30_000 });
    await visible(charity, '.sign-code input').fill(withWrongCheck(codes[0]));
    await visible(charity, '.sign-save').click();

    // Assert 3: caught on the phone.
    expect(await textOf(charity, '.sign-code-problem')).toBe('校验位不对，请核对');
    expect(await textOf(charity, '.sign-pending')).toBe('待上传 0');

    // Act 4: signed typed, then one with a photo.
    await untilText(charity, '.sign-progress', '0/7');
    await signCode(charity, codes[0].toLowerCase());
    await untilText(charity, '.sign-progress', '2/7');
    const [photoChooser] = await Promise.all([charity.waitForEvent('filechooser'), visible(charity, '.sign-photo-add').click()]);
    await photoChooser.setFiles({ name: 'handover.png', mimeType: 'image/png', buffer: PNG });
    await visible(charity, '.sign-photo-thumb').waitFor({ timeout: 30_000 });
    await signCode(charity, codes[1]);
    await untilText(charity, '.sign-progress', '3/7');

    // Act 5: offline (the page's test switch), a third one is queued; the app restarts still offline.
    await visible(charity, '.sign-offline').click();
    await signCode(charity, codes[2]);
    await untilText(charity, '.sign-result', '已保存在手机上');
    expect(await textOf(charity, '.sign-pending')).toBe('待上传 1');
    const signUrl = charity.url();
    await charity.goto(`${signUrl}&offline=1`);
    await charity.reload();
    await visible(charity, '.sign-queued-pending').waitFor({ timeout: 30_000 });

    // Assert 5: nothing lost, nothing sent yet.
    expect(await textOf(charity, '.sign-pending')).toBe('待上传 1');
    expect(await textOf(charity, '.sign-queued-pending .sign-queued-code')).toBe(codes[2]);

    // Act 6: the network is back.
    await visible(charity, '.sign-offline').click();
    await charity.waitForFunction(() => document.querySelector('.sign-pending')?.textContent?.trim() === '待上传 0', undefined, { timeout: 30_000 });
    await untilText(charity, '.sign-progress', '6/7');

    // Act 7: a used code again: refused with the reason, not retried.
    await signCode(charity, codes[0]);
    await visible(charity, '.sign-queued-refused').waitFor({ timeout: 30_000 });
    expect(await textOf(charity, '.sign-queued-reason')).toBe('未通过：这张签收码已经签收过了');
    expect(await textOf(charity, '.sign-pending')).toBe('待上传 0');

    // Act 8: the timeline, then closing (with its confirmation).
    await charity.goto(signUrl.replace('/signoff/sign/', '/signoff/timeline/'));
    await charity.reload();
    await visible(charity, '.timeline-entry').waitFor({ timeout: 30_000 });
    expect(await textOf(charity, '.timeline-progress')).toBe('已签收 6/7 件');
    await visible(charity, '.timeline-close').click();
    expect(await textOf(charity, '.timeline-confirm-text')).toContain('1 位未签收');
    await visible(charity, '.timeline-confirm-ok').click();
    await visible(charity, '.timeline-status-closed').waitFor({ timeout: 30_000 });
    expect(await textOf(charity, '.timeline-closed')).toContain('1 人未签收');
    expect(errors).toEqual([]);

    // Act 9: the donor opens the dream.
    await donor.goto(`${app.url}#/pages/dream-detail/index?id=${encodeURIComponent(dreamId)}`);
    await donor.reload();
    const line = visible(donor, '.distribution-progress-line');
    await line.waitFor({ timeout: 30_000 });

    // Assert 9: the progress, then the masked timeline with the photo.
    expect(await line.innerText()).toContain('已签收 6/7 件');
    expect(await line.innerText()).toContain('已结束');
    await line.click();
    await visible(donor, '.timeline-entry').waitFor({ timeout: 30_000 });
    const entries = await donor.locator('.timeline-entry:visible').allInnerTexts();
    expect(entries).toHaveLength(3);
    const all = entries.join('\n');
    expect(all).toContain('张** · 石门村');
    expect(all).toContain('李* · 石门村');
    expect(all).toContain('王** · 上寨');
    expect(all).not.toContain('张三丰');
    expect(await donor.locator('.timeline-entry-photo:visible').count()).toBe(1);
    expect(await donor.locator('.timeline-close:visible').count()).toBe(0);

    // Assert 10: the donor is told the distribution closed, with its numbers.
    await eventually(
      async () => (await call('GET', '/me/notifications', { token: donorToken })).body.items as { type: string }[],
      (items) => items.some((n) => n.type === 'distribution_closed'),
    );
    await donor.goto(`${app.url}#/pages/notifications/index`);
    await donor.reload();
    const told = visible(donor, '.notification-distribution_closed');
    await told.waitFor({ timeout: 30_000 });
    expect(await told.innerText()).toContain('4 位受助人中 3 位已签收');
  });
});
