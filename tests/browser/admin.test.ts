import type { Page } from 'playwright-core';
import { fillAndKeep, phonePage, signInOnScreen, tapTab, useBrowserApp } from '../support/browser';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

describe('H5 app: an admin grants a role in the console', () => {
  const app = useBrowserApp();

  it('an admin finds a person by their user id and grants charity; the person sees the charity console after a refresh', async () => {
    // Arrange: a person signs in and reads their user id on 我的.
    const { page: person, errors } = await phonePage(app.browser);
    await signInOnScreen(person, app.url, '想做公益机构');
    await tapTab(person, '我的');
    const idText = (await visible(person, '.me-user-id').innerText()).trim();
    const userId = idText.replace('用户编号', '').trim();
    expect(userId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await person.locator('.me-charity:visible').count()).toBe(0);

    // Act: an admin opens 人员与角色 from the review console, finds them and grants charity.
    const { page: admin } = await phonePage(app.browser);
    await signInOnScreen(admin, app.url, '平台管理员', ['admin']);
    await tapTab(admin, '我的');
    await visible(admin, '.me-admin').click();
    await visible(admin, '.admin-nav-people').click();
    await fillAndKeep(admin, '.people-query input', userId);
    await visible(admin, '.people-search-submit').click();
    await visible(admin, '.people-nickname').waitFor({ timeout: 30_000 });
    expect(await visible(admin, '.people-nickname').innerText()).toContain('想做公益机构');
    await fillAndKeep(admin, '.people-reason input', '机构资质已核验');
    await visible(admin, '.people-grant-charity').click();

    // Assert: the console shows the new role and the audit line; the person sees the console.
    await visible(admin, '.people-role-charity').waitFor({ timeout: 30_000 });
    await visible(admin, '.people-revoke-charity').waitFor({ timeout: 30_000 });
    const line = admin.locator('.audit-item:visible', { hasText: '机构资质已核验' }).first();
    await line.waitFor({ timeout: 30_000 });
    expect(await line.innerText()).toContain('授予角色：公益机构');

    await person.reload();
    await tapTab(person, '我的');
    await visible(person, '.me-charity').waitFor({ timeout: 30_000 });
    await visible(person, '.me-charity').click();
    await person.locator('.charity-head:visible, .charity-forbidden:visible').first().waitFor({ timeout: 30_000 });
    expect(await person.locator('.charity-forbidden:visible').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
