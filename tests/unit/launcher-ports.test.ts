import { join } from 'node:path';
import { portsBesideOtherLaunchers } from '../../scripts/lib/launcher-ports';
import { DEFAULT_PORTS, loadLauncherSettings } from '../../scripts/lib/launcher-settings';

/** Hands out 50001, 50002, … in order, as the OS would hand out free ports. */
function fakeFreePorts() {
  let next = 50_000;
  return async () => (next += 1);
}

async function choose(env: NodeJS.ProcessEnv) {
  return portsBesideOtherLaunchers(loadLauncherSettings(env), env, fakeFreePorts());
}

describe('the ports a launcher takes', () => {
  it('without API_PORT (npm start, or the one npm run api) keeps the documented defaults and the data folder', async () => {
    // Arrange
    const env = {};

    // Act
    const settings = await choose(env);

    // Assert
    expect(settings).toMatchObject({
      apiPort: DEFAULT_PORTS.api,
      dynamoPort: 8765,
      s3Port: 4569,
      wechatPort: 3100,
      wechatpayPort: 3200,
      h5Port: 10086,
      dataDir: '.data',
    });
  });

  it('with API_PORT gives every server npm run api starts a free port, and the data a folder of its own', async () => {
    // Arrange
    const env = { API_PORT: '3001' };

    // Act
    const settings = await choose(env);

    // Assert
    expect(settings).toMatchObject({ apiPort: 3001, dynamoPort: 50001, s3Port: 50002, wechatPort: 50003, wechatpayPort: 50004 });
    expect(settings.dataDir).toBe(join('.data', 'api-3001'));
  });

  it('with API_PORT still takes each port and the data folder that its own variable gives', async () => {
    // Arrange
    const env = { API_PORT: '3001', DYNAMODB_PORT: '9001', FAKE_WECHATPAY_PORT: '9004', DATA_DIR: '/tmp/mine' };

    // Act
    const settings = await choose(env);

    // Assert
    expect(settings).toMatchObject({ apiPort: 3001, dynamoPort: 9001, s3Port: 50001, wechatPort: 50002, wechatpayPort: 9004, dataDir: '/tmp/mine' });
  });

  it('treats an empty API_PORT as not given', async () => {
    // Arrange: `API_PORT= npm run api`, as a shell script with an unset variable would write it.
    const env = { API_PORT: '' };
    const settings = loadLauncherSettings({});

    // Act
    const chosen = await portsBesideOtherLaunchers(settings, env, fakeFreePorts());

    // Assert
    expect(chosen).toEqual(settings);
  });
});
