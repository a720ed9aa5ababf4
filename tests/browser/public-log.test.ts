import type { Page } from 'playwright-core';
import { phonePage, signInOnScreen, storedToken, tapTab, useBrowserApp } from '../support/browser';
import { call, devSignIn, eventually, grant } from '../support/http-client';

// The sequencer signs a gift into a checkpoint within log.maxDelaySeconds; the badge asks again meanwhile.
jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const textOf = async (page: Page, selector: string) => (await visible(page, selector).innerText()).trim();

/** An open dream, proposed and approved over HTTP. */
async function openDream(title: string): Promise<string> {
  const proposer = await devSignIn();
  const proposed = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title, story: '山里的孩子们放学后没有书可读，我们想为村小建一间有两千本书的图书室。', category: 'education', targetFlowers: 1000 },
  });
  const admin = await devSignIn(['admin']);
  await call('POST', `/dreams/${proposed.body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  return proposed.body.dream.id;
}

describe('H5 app: the public log on the phone', () => {
  const app = useBrowserApp();

  it('a donor sees their gift logged on the bill, verifies it on the phone, and a tampered proof fails', async () => {
    // Arrange: a donor who gave 7 flowers to an open dream
    const dreamId = await openDream(`公开账本${Date.now() % 100_000}`);
    const { page, errors } = await phonePage(app.browser);
    await signInOnScreen(page, app.url, '查账的人');
    const token = await storedToken(page);
    await grant(token, 20);
    const gift = await call('POST', `/dreams/${dreamId}/donations`, {
      token,
      body: { flowers: 7 },
      headers: { 'idempotency-key': `public-log-${Date.now()}` },
    });
    expect(gift.status).toBe(200);
    const receipt = await eventually(
      () => call('GET', `/me/log-receipts/${gift.body.donation.id}`, { token }),
      (answer) => answer.status !== 202,
      60_000,
    );
    expect(receipt.status).toBe(200);

    // Act: the bill, until the gift is in a signed checkpoint (sign-in lands on 我的: leave it, so it shows again)
    await tapTab(page, '首页');
    await tapTab(page, '我的');
    await visible(page, '.log-badge-logged').waitFor({ timeout: 60_000 });
    const badge = await textOf(page, '.log-badge-logged');
    await visible(page, '.log-badge-logged').click();
    await visible(page, '.log-receipt-verified').waitFor({ timeout: 30_000 });

    // Assert: logged with its index, and verified on the phone with the local witness's cosignature
    expect(badge).toMatch(/^已记入公开账本 · #\d+$/);
    expect(await textOf(page, '.log-receipt-ok')).toBe('✓ 已验证');
    expect(await textOf(page, '.log-receipt-witnesses')).toBe('1 个见证方联署');
    expect(await textOf(page, '.log-receipt-line')).toContain(`#${badge.split('#')[1]}`);

    // Act: the same receipt with the test-only switch that changes one proof hash
    // (a fresh tab of the same session: the app reads a page's query when it starts)
    const tampered = await page.context().newPage();
    tampered.on('pageerror', (err) => errors.push(err.message));
    await tampered.goto(`${page.url()}&tamperProof=1`);
    await visible(tampered, '.log-receipt-failed').waitFor({ timeout: 30_000 });

    // Assert
    expect(await textOf(tampered, '.log-receipt-bad')).toBe('✗ 验证未通过');
    expect(await textOf(tampered, '.log-receipt-reason')).toBe('证明与账本根不符');

    // Act: the dream's page of the log
    await page.goto(`${app.url}#/log/dream/index?id=${encodeURIComponent(dreamId)}`);
    await page.reload();
    await visible(page, '.dream-log-checkpoint-ok').waitFor({ timeout: 30_000 });

    // Assert: the signed checkpoint with its witness, and this person's gift with its place in the log
    expect(await textOf(page, '.dream-log-witnesses')).toBe('1 个见证方联署');
    expect(await textOf(page, '.dream-log-gift-flowers')).toBe('7 朵小红花');
    await visible(page, '.dream-log-gift .log-badge-logged').waitFor({ timeout: 30_000 });
    expect(await textOf(page, '.dream-log-gift .log-badge-logged')).toBe(badge);
    expect(errors).toEqual([]);
  });
});
