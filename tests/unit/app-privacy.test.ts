/**
 * The app's privacy handling (app/services/privacy.ts, privacy-prompt.ts) with Taro stubbed: a
 * refused privacy guide is told apart from a refused scope, each gets its own way back, and H5
 * does nothing.
 */
const taro = {
  showModal: jest.fn(),
  requirePrivacyAuthorize: jest.fn(),
  openSetting: jest.fn(),
  openPrivacyContract: jest.fn(),
  onNeedPrivacyAuthorization: jest.fn(),
  navigateTo: jest.fn(),
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: taro }));

type Privacy = typeof import('../../app/services/privacy');
type Prompt = typeof import('../../app/services/privacy-prompt');

/** The modules as built for one platform (TARO_ENV is read when they load). */
async function loadFor(platform: 'weapp' | 'h5'): Promise<{ privacy: Privacy; prompt: Prompt }> {
  process.env.TARO_ENV = platform;
  let loaded!: { privacy: Privacy; prompt: Prompt };
  await jest.isolateModulesAsync(async () => {
    loaded = { privacy: await import('../../app/services/privacy'), prompt: await import('../../app/services/privacy-prompt') };
  });
  return loaded;
}

const PRIVACY_REFUSED = { errno: 104, errMsg: 'getWeRunData:fail privacy permission is not authorized' };
const SCOPE_REFUSED = { errMsg: 'authorize:fail auth deny' };
const CANCELLED = { errMsg: 'chooseMedia:fail cancel' };

beforeEach(() => {
  jest.clearAllMocks();
  taro.showModal.mockResolvedValue({ confirm: true, cancel: false });
  taro.openSetting.mockResolvedValue({ authSetting: { 'scope.werun': true } });
  taro.requirePrivacyAuthorize.mockImplementation((option: { success: () => void }) => option.success());
});

afterAll(() => {
  delete process.env.TARO_ENV;
});

describe('classifyWechatFailure', () => {
  it.each([
    ['errno 104', PRIVACY_REFUSED, 'privacy'],
    ['an errMsg naming privacy without errno', { errMsg: 'setClipboardData:fail privacy permission is not authorized' }, 'privacy'],
    ['a refused scope', SCOPE_REFUSED, 'permission'],
    ['a scope error', { errMsg: 'getWeRunData:fail scope unauthorized' }, 'permission'],
    ['a cancel', CANCELLED, 'cancel'],
    ['anything else', { errMsg: 'request:fail timeout' }, 'other'],
    ['no error object', undefined, 'other'],
  ])('sorts %s', async (_name, err, expected) => {
    // Arrange
    const { privacy } = await loadFor('weapp');

    // Act
    const kind = privacy.classifyWechatFailure(err);

    // Assert
    expect(kind).toBe(expected);
  });
});

describe('explainRefusal', () => {
  it('offers the privacy guide again, never the settings page, for a refused guide', async () => {
    // Arrange
    const { privacy } = await loadFor('weapp');

    // Act
    const kind = await privacy.explainRefusal(PRIVACY_REFUSED, '复制会员码');

    // Assert
    expect(kind).toBe('privacy');
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要你同意隐私保护指引' }));
    expect(taro.requirePrivacyAuthorize).toHaveBeenCalledTimes(1);
    expect(taro.openSetting).not.toHaveBeenCalled();
  });

  it('offers the settings page, never the guide, for a refused scope', async () => {
    // Arrange
    const { privacy } = await loadFor('weapp');

    // Act
    const kind = await privacy.explainRefusal(SCOPE_REFUSED, '选择照片');

    // Assert
    expect(kind).toBe('permission');
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '去设置' }));
    expect(taro.openSetting).toHaveBeenCalledTimes(1);
    expect(taro.requirePrivacyAuthorize).not.toHaveBeenCalled();
  });

  it('says nothing about a cancel', async () => {
    // Arrange
    const { privacy } = await loadFor('weapp');

    // Act
    const kind = await privacy.explainRefusal(CANCELLED, '选择照片');

    // Assert
    expect(kind).toBe('cancel');
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  it('does nothing when the person closes the dialog', async () => {
    // Arrange
    const { privacy } = await loadFor('weapp');
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });

    // Act
    await privacy.explainRefusal(PRIVACY_REFUSED, '复制会员码');

    // Assert
    expect(taro.requirePrivacyAuthorize).not.toHaveBeenCalled();
  });

  it('is a no-op in H5', async () => {
    // Arrange
    const { privacy } = await loadFor('h5');

    // Act
    const kind = await privacy.explainRefusal(PRIVACY_REFUSED, '复制会员码');
    const agreed = await privacy.showPrivacyGuideAgain();
    privacy.openPrivacyContract();

    // Assert
    expect(kind).toBe('privacy');
    expect(agreed).toBe(true);
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(taro.requirePrivacyAuthorize).not.toHaveBeenCalled();
    expect(taro.openPrivacyContract).not.toHaveBeenCalled();
  });
});

describe('showPrivacyGuideAgain', () => {
  it('resolves false when the person refuses the guide again', async () => {
    // Arrange
    const { privacy } = await loadFor('weapp');
    taro.requirePrivacyAuthorize.mockImplementation((option: { fail: () => void }) => option.fail());

    // Act
    const agreed = await privacy.showPrivacyGuideAgain();

    // Assert
    expect(agreed).toBe(false);
  });
});

describe('the privacy popup requests (onNeedPrivacyAuthorization)', () => {
  /** Registers the listener and returns what WeChat would call it with. */
  function listen(prompt: Prompt) {
    prompt.listenForPrivacyRequests();
    const listener = taro.onNeedPrivacyAuthorization.mock.calls[0]?.[0] as (resolve: jest.Mock) => void;
    return listener;
  }

  it("answers WeChat with the agree button's id when the person agrees", async () => {
    // Arrange
    const { prompt } = await loadFor('weapp');
    const listener = listen(prompt);
    let answer!: (choice: { event: 'agree'; buttonId: string } | { event: 'disagree' }) => void;
    prompt.addPrivacyPresenter((give) => (answer = give));
    const resolve = jest.fn();

    // Act
    listener(resolve);
    answer({ event: 'agree', buttonId: 'privacy-agree' });
    answer({ event: 'disagree' });

    // Assert
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }], [{ event: 'agree', buttonId: 'privacy-agree' }]]);
  });

  it('hands the request to the popup mounted last, and back to the earlier one once it is gone', async () => {
    // Arrange
    const { prompt } = await loadFor('weapp');
    const listener = listen(prompt);
    const first = jest.fn();
    const second = jest.fn();
    prompt.addPrivacyPresenter(first);
    const removeSecond = prompt.addPrivacyPresenter(second);

    // Act
    listener(jest.fn());
    removeSecond();
    listener(jest.fn());

    // Assert
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('refuses at once when no page can show the popup, rather than hold the API', async () => {
    // Arrange
    const { prompt } = await loadFor('weapp');
    const listener = listen(prompt);
    const resolve = jest.fn();

    // Act
    listener(resolve);

    // Assert
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  it('registers nothing in H5', async () => {
    // Arrange
    const { prompt } = await loadFor('h5');

    // Act
    prompt.listenForPrivacyRequests();

    // Assert
    expect(taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  });
});
