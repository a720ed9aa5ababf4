/**
 * The subscribe prompt and the payment sheet never open together: askToSubscribe resolves only
 * once WeChat's prompt is closed, and the love-meal purchase waits for it before paying.
 */
const requestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage } }));
const request = jest.fn();
jest.mock('../../app/services/request', () => ({ request }));

type Subscribe = typeof import('../../app/services/subscribe');

async function loadWeapp(): Promise<Subscribe> {
  process.env.TARO_ENV = 'weapp';
  let loaded!: Subscribe;
  await jest.isolateModulesAsync(async () => {
    loaded = await import('../../app/services/subscribe');
  });
  return loaded;
}

/** Lets every already-settled promise run its callbacks. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterAll(() => {
  delete process.env.TARO_ENV;
});

it('resolves only once the prompt is answered, so a payment started after it cannot cover it', async () => {
  // Arrange
  request.mockResolvedValueOnce({ templates: [{ topic: 'meal_redeemed', templateId: 'tmpl-meal' }] });
  const subscribe = await loadWeapp();
  subscribe.preloadSubscribeTemplates();
  await settle();
  let answerPrompt!: (answers: Record<string, string>) => void;
  requestSubscribeMessage.mockReturnValueOnce(new Promise((resolve) => (answerPrompt = resolve)));
  const closed = jest.fn();

  // Act
  subscribe.askToSubscribe(['meal_redeemed']).then(closed);
  await settle();
  const closedWhilePromptOpen = closed.mock.calls.length;
  answerPrompt({ 'tmpl-meal': 'reject' });
  await settle();

  // Assert
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(closedWhilePromptOpen).toBe(0);
  expect(closed).toHaveBeenCalledTimes(1);
});

it('resolves at once when there is no prompt to wait for (templates not loaded)', async () => {
  // Arrange
  const subscribe = await loadWeapp();
  const closed = jest.fn();

  // Act
  subscribe.askToSubscribe(['meal_redeemed']).then(closed);
  await settle();

  // Assert
  expect(closed).toHaveBeenCalledTimes(1);
});
