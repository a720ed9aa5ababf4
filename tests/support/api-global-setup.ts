import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from './api-process';

/** One `npm run api` (STAGE=test, its own data folder and ports) for the API and browser tiers. */
export default async function setup(): Promise<void> {
  const api = await startApiProcess(mkdtempSync(join(tmpdir(), 'lrf-api-')));
  process.env.API_URL = api.url;
  process.env.FAKE_WECHAT_URL = api.wechatUrl;
  process.env.FAKE_WECHATPAY_URL = api.wechatpayUrl;
  (globalThis as Record<string, unknown>).__API__ = api;
}
