/**
 * What WeChat's review looks at in the built mini-program, read from dist/weapp when a build
 * exists (`NODE_ENV=production npm run build:weapp`; building here would take minutes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const BUILT = resolve(__dirname, '..', '..', 'dist', 'weapp');
const hasBuild = existsSync(resolve(BUILT, 'base.wxml')) && existsSync(resolve(BUILT, 'app.json'));
const describeBuilt = hasBuild ? describe : describe.skip;

describeBuilt('the built mini-program (dist/weapp)', () => {
  const readBuilt = (name: string) => readFileSync(resolve(BUILT, name), 'utf8');

  it("binds aria-label in the WXML templates, so screen readers hear the app's labels", () => {
    // Arrange
    const wxml = readBuilt('base.wxml');

    // Act
    const viewTemplate = wxml.match(/<view [^>]*>/)?.[0] ?? '';
    const inputTemplate = wxml.match(/<input [^>]*>/)?.[0] ?? '';

    // Assert
    expect(viewTemplate).toMatch(/aria-label="\{\{i\.p\d+\}\}"/);
    expect(inputTemplate).toMatch(/aria-label="\{\{i\.p\d+\}\}"/);
  });

  it('turns on the privacy check and lazy code loading in app.json', () => {
    // Arrange
    const app = JSON.parse(readBuilt('app.json')) as Record<string, unknown>;

    // Act
    const { __usePrivacyCheck__: privacyCheck, lazyCodeLoading } = app;

    // Assert
    expect(privacyCheck).toBe(true);
    expect(lazyCodeLoading).toBe('requiredComponents');
  });
});

describe('the review settings in project.config.json', () => {
  it('ships the placeholder appid and every compression WeChat checks for', () => {
    // Arrange
    const project = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'project.config.json'), 'utf8'));

    // Act
    const { appid, setting } = project;

    // Assert
    expect(appid).toBe('touristappid');
    expect(setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  });
});
