import { call } from '../support/http-client';
import { phonePage, signInAsDemo, storedToken, tapTab, useBrowserApp } from '../support/browser';

jest.setTimeout(120_000);

describe('a newcomer after npm start', () => {
  const app = useBrowserApp();

  it('a demo charity signs in with one tap, keeps its role and sees the workbench', async () => {
    // Arrange
    const { page, errors } = await phonePage(app.browser);

    // Act
    await signInAsDemo(page, app.url, 'demo-charity');
    await tapTab(page, '我的');
    await page.locator('.me-charity:visible').first().click();

    // Assert
    await page.locator('.charity-title:visible').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.charity-title:visible').first().innerText()).toBe('公益机构工作台');
    const me = await call('GET', '/me', { token: await storedToken(page) });
    expect(me.body.user.roles).toEqual(expect.arrayContaining(['donor', 'charity']));
    expect(errors).toEqual([]);
  });
});
