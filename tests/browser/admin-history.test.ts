import type { Page } from 'playwright-core';
import { call, devSignIn } from '../support/http-client';
import { fillAndKeep, phonePage, signInOnScreen, tapTab, useBrowserApp } from '../support/browser';

jest.setTimeout(240_000);

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

describe('H5 app: 人员与角色 → a person’s 操作记录', () => {
  const app = useBrowserApp();

  it('a person’s history shows only their entries, each saying whose role', async () => {
    // Arrange: two people, each given a role by an admin with a reason of their own.
    const granter = await devSignIn(['admin']);
    const one = await devSignIn();
    const other = await devSignIn();
    const grant = (userId: string, role: string, reason: string) =>
      call('POST', `/admin/users/${userId}/roles`, { token: granter.token, body: { role, action: 'grant', reason } });
    expect((await grant(one.user.id, 'charity', '甲机构资质已核验')).status).toBe(200);
    expect((await grant(other.user.id, 'merchant', '乙店营业执照已核验')).status).toBe(200);
    const { page: admin, errors } = await phonePage(app.browser);
    await signInOnScreen(admin, app.url, '平台管理员', ['admin']);
    await tapTab(admin, '我的');
    await visible(admin, '.me-admin').click();
    await visible(admin, '.admin-nav-people').click();
    // The whole trail shows first, the other person's entry among it.
    await admin.locator('.audit-item:visible', { hasText: '乙店营业执照已核验' }).first().waitFor({ timeout: 30_000 });

    // Act: the admin opens the first person.
    await fillAndKeep(admin, '.people-query input', one.user.id);
    await visible(admin, '.people-search-submit').click();
    await visible(admin, '.people-nickname').waitFor({ timeout: 30_000 });
    await admin.locator('.audit-item:visible', { hasText: '甲机构资质已核验' }).first().waitFor({ timeout: 30_000 });

    // Assert: their one entry, naming them, and nobody else's.
    const items = admin.locator('.audit-item:visible');
    expect(await items.count()).toBe(1);
    expect(await items.first().innerText()).toContain(`给 ${one.user.nickname} 授予角色：公益机构`);
    expect(await admin.locator('.audit-item:visible', { hasText: '乙店营业执照已核验' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
