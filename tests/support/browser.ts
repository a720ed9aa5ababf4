import { chromium, type Browser, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../../scripts/lib/chromium';
import { serveH5 } from '../../scripts/lib/static-server';

/** The Chromium that `npm test` found (CHROMIUM_PATH, the system one, or @sparticuz/chromium's). */
export async function launchBrowser(): Promise<Browser> {
  const found = findChromium();
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
}

/** The built H5 app (dist/h5, or H5_DIR when a build went elsewhere), served on a free port and pointed at the tier's API. */
export async function serveBuiltApp() {
  const apiBase = process.env.API_URL;
  if (!apiBase) throw new Error('API_URL is not set: run this through the browser project');
  return serveH5({ root: resolve(__dirname, '../..', process.env.H5_DIR ?? 'dist/h5'), port: 0, apiBase });
}

/** A phone-sized page that records console errors for the test to check. */
export async function phonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}

/** Signs in on the H5 dev sign-in screen as a person would (ticking role boxes when asked). */
export async function signInOnScreen(page: Page, appUrl: string, nickname: string, roles: string[] = []): Promise<void> {
  await page.goto(appUrl);
  const input = page.locator('.login-nickname input, input.login-nickname').first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill(nickname);
  for (const role of roles) await page.locator(`.login-role-${role}`).first().click();
  await page.locator('.login-submit').first().click();
  await page.locator('.weui-tabbar__item').first().waitFor({ timeout: 30_000 });
}

/** Signs in on the H5 dev sign-in screen with one tap on a demo account that `npm start` seeds (e.g. `demo-charity`). */
export async function signInAsDemo(page: Page, appUrl: string, openid: string): Promise<void> {
  await page.goto(appUrl);
  const choice = page.locator(`.login-demo-${openid}`).first();
  await choice.waitFor({ timeout: 30_000 });
  await choice.click();
  await page.locator('.weui-tabbar__item').first().waitFor({ timeout: 30_000 });
}

/** The session token the app stored (Taro H5 wraps storage values as {"data": …}). */
export async function storedToken(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('lrf_token') ?? '{}').data as string);
}

/** Serves the built app and launches Chromium for one test file; closes both afterwards. */
export function useBrowserApp(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let app: Awaited<ReturnType<typeof serveBuiltApp>> | undefined;
  beforeAll(async () => {
    app = await serveBuiltApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return app!.url;
    },
  };
}

/** Where `saveScreenshot` writes: the pictures README shows. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../docs/screenshots');

/**
 * With SCREENSHOTS=1, saves what the phone shows now as docs/screenshots/<name>.png (the 390×844
 * viewport at 1×, a few dozen KB); otherwise does nothing, so ordinary runs write no files.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  // Let web fonts and images settle, so the picture shows glyphs rather than empty boxes.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

/** Taps a tab of the bottom tab bar (首页 / 梦想 / 我的). */
export function tapTab(page: Page, name: string): Promise<void> {
  return page.locator('.weui-tabbar__item', { hasText: name }).first().click();
}

/**
 * Fills an input and checks it kept the text: a Taro H5 controlled input that re-renders from a
 * data load landing in the same instant can put back its old value (a person would just retype).
 */
export async function fillAndKeep(page: Page, selector: string, value: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.locator(`${selector}:visible`).first().fill(value);
    await page.waitForTimeout(300);
    if ((await page.locator(`${selector}:visible`).first().inputValue()) === value) return;
  }
  throw new Error(`${selector} would not keep ${value}`);
}
