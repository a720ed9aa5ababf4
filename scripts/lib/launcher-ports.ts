import { join } from 'node:path';
import type { LauncherSettings } from './launcher-settings';

/** What `npm run api` starts itself, each with the variable that pins its port. */
const STARTED_BESIDE_THE_API = [
  ['dynamoPort', 'DYNAMODB_PORT'],
  ['s3Port', 'S3_PORT'],
  ['wechatPort', 'FAKE_WECHAT_PORT'],
  ['wechatpayPort', 'FAKE_WECHATPAY_PORT'],
] as const;

const given = (value: string | undefined) => value !== undefined && value !== '';

/**
 * `npm run api` with API_PORT set is a second API beside `npm start` (or another `npm run api`),
 * so the documented default ports are taken: each server it starts gets a free port unless its own
 * variable pins one, and its data goes to a folder of its own (`<DATA_DIR>/api-<API_PORT>`) unless
 * DATA_DIR is given, since a DynamoDB Local on another's files would stop that one's.
 * Without API_PORT nothing changes: the defaults of `npm start`.
 */
export async function portsBesideOtherLaunchers(
  settings: LauncherSettings,
  env: NodeJS.ProcessEnv,
  freePort: () => Promise<number>,
): Promise<LauncherSettings> {
  if (!given(env.API_PORT)) return settings;
  const chosen = { ...settings };
  for (const [setting, variable] of STARTED_BESIDE_THE_API) {
    if (!given(env[variable])) chosen[setting] = await freePort();
  }
  if (!given(env.DATA_DIR)) chosen.dataDir = join(settings.dataDir, `api-${settings.apiPort}`);
  return chosen;
}
