/**
 * The privacy guide (app/privacy/guide.ts) against the app's code: WeChat disables every privacy
 * API its 《小程序用户隐私保护指引》 does not declare, and its review rejects a guide that does not
 * match the code package. So each privacy API the app calls must be declared under WeChat's kind
 * for it, nothing is declared that the app no longer calls, and app.json's location settings agree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTED, declaredApis } from '../../app/privacy/guide';

const APP = join(__dirname, '..', '..', 'app');

/** WeChat's privacy APIs and components, as they are written in this app's source, by the kind a guide declares them under. */
const PRIVACY_USES: { api: string; key: string; pattern: RegExp }[] = [
  { api: 'button open-type=chooseAvatar', key: 'UserInfo', pattern: /openType=['"{]+chooseAvatar/ },
  { api: 'input type=nickname', key: 'UserInfo', pattern: /type=['"{]+nickname/ },
  { api: 'getUserProfile', key: 'UserInfo', pattern: /Taro\.getUserProfile\b/ },
  { api: 'getUserInfo', key: 'UserInfo', pattern: /Taro\.getUserInfo\b/ },
  ...['getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange'].map((api) => ({
    api,
    key: 'Location',
    pattern: new RegExp(`Taro\\.${api}\\b`),
  })),
  { api: 'authorize scope.userLocation', key: 'Location', pattern: /Taro\.authorize\(\s*\{\s*scope:\s*'scope\.user(Fuzzy)?Location/ },
  ...['chooseLocation', 'choosePoi'].map((api) => ({ api, key: 'ChooseLocation', pattern: new RegExp(`Taro\\.${api}\\b`) })),
  { api: 'chooseAddress', key: 'Address', pattern: /Taro\.chooseAddress\b/ },
  { api: 'chooseInvoice', key: 'Invoice', pattern: /Taro\.chooseInvoice(Title)?\b/ },
  { api: 'authorize scope.werun', key: 'RunData', pattern: /Taro\.authorize\(\s*\{\s*scope:\s*'scope\.werun'/ },
  { api: 'getWeRunData', key: 'RunData', pattern: /Taro\.getWeRunData\b/ },
  { api: 'button open-type=getPhoneNumber', key: 'PhoneNumber', pattern: /openType=['"{]+get(Realtime)?PhoneNumber/ },
  { api: 'chooseLicensePlate', key: 'LicensePlate', pattern: /Taro\.chooseLicensePlate\b/ },
  ...['chooseMedia', 'chooseImage', 'chooseVideo'].map((api) => ({ api, key: 'Album', pattern: new RegExp(`Taro\\.${api}\\b`) })),
  { api: 'chooseMessageFile', key: 'MessageFile', pattern: /Taro\.chooseMessageFile\b/ },
  { api: 'getRecorderManager', key: 'Record', pattern: /Taro\.(getRecorderManager|startRecord|joinVoIPChat)\b/ },
  { api: 'camera', key: 'Camera', pattern: /<Camera\b|Taro\.createVKSession\b|scope\.camera/ },
  { api: 'openBluetoothAdapter', key: 'BlueTooth', pattern: /Taro\.(openBluetoothAdapter|createBLEPeripheralServer)\b/ },
  { api: 'saveImageToPhotosAlbum', key: 'AlbumWriteOnly', pattern: /Taro\.save(Image|Video)ToPhotosAlbum\b/ },
  { api: 'addPhoneContact', key: 'Contact', pattern: /Taro\.addPhoneContact\b/ },
  { api: 'addPhoneCalendar', key: 'CalendarWriteOnly', pattern: /Taro\.addPhone(Repeat)?Calendar\b/ },
  ...['setClipboardData', 'getClipboardData'].map((api) => ({ api, key: 'Clipboard', pattern: new RegExp(`Taro\\.${api}\\b`) })),
];

/** Every source file of the app but the guide itself (which names the APIs it declares). */
function appSources(dir = APP): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return appSources(path);
    return /\.tsx?$/.test(name) && relative(APP, path) !== join('privacy', 'guide.ts') ? [path] : [];
  });
}

/** The privacy APIs the app's code uses, each with the files that use it. */
function privacyApisInUse(): Map<string, { key: string; files: string[] }> {
  const used = new Map<string, { key: string; files: string[] }>();
  for (const file of appSources()) {
    const source = readFileSync(file, 'utf8');
    for (const use of PRIVACY_USES) {
      if (!use.pattern.test(source)) continue;
      const entry = used.get(use.api) ?? { key: use.key, files: [] };
      entry.files.push(relative(APP, file));
      used.set(use.api, entry);
    }
  }
  return used;
}

/** app/app.config.ts as WeChat reads it (Taro's defineAppConfig only hands the object back). */
function appConfig(): { requiredPrivateInfos?: string[]; permission?: Record<string, { desc: string }> } {
  (globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config;
  return jest.requireActual('../../app/app.config').default;
}

describe('the privacy guide against the code', () => {
  it('declares every privacy API the app uses, under its kind', () => {
    // Arrange
    const declared = declaredApis();

    // Act
    const undeclared = [...privacyApisInUse()]
      .filter(([api, use]) => declared.get(api as never) !== use.key)
      .map(([api, use]) => `${api} (${use.key}) in ${use.files.join(', ')}`);

    // Assert
    expect(undeclared).toEqual([]);
  });

  it('declares no API the app no longer uses', () => {
    // Arrange
    const used = privacyApisInUse();

    // Act
    const stale = [...declaredApis().keys()].filter((api) => !used.has(api));

    // Assert
    expect(stale).toEqual([]);
  });

  it('says what, why and for how long for every kind it collects', () => {
    // Act
    const incomplete = COLLECTED.filter((item) => !item.what || !item.why || !item.kept || (item.apis?.length ? !item.privacyKey : false));

    // Assert
    expect(incomplete).toEqual([]);
  });
});

describe("app.json's location settings", () => {
  it('declares in requiredPrivateInfos exactly the location APIs the app calls, precise or fuzzy, never both', () => {
    // Arrange
    const used = privacyApisInUse();
    const locationApis = [
      'getLocation',
      'getFuzzyLocation',
      'onLocationChange',
      'startLocationUpdate',
      'startLocationUpdateBackground',
      'chooseLocation',
      'choosePoi',
      'chooseAddress',
    ];

    // Act
    const required = [...(appConfig().requiredPrivateInfos ?? [])].sort();

    // Assert
    expect(required).toEqual(locationApis.filter((api) => used.has(api)).sort());
    expect(required.includes('getLocation') && required.includes('getFuzzyLocation')).toBe(false);
  });

  it('explains scope.userLocation to the person when the app reads the location', () => {
    // Act
    const desc = appConfig().permission?.['scope.userLocation']?.desc ?? '';

    // Assert
    expect(privacyApisInUse().has('getLocation')).toBe(true);
    expect(desc.length).toBeGreaterThan(0);
    expect(desc.length).toBeLessThanOrEqual(30);
  });
});
