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
  // The bucket's local front, for the tests that show it refuses what S3 would (the app never calls it).
  process.env.LOCAL_S3_URL = `http://127.0.0.1:${api.env.S3_PORT}`;
  // The table itself, for the tests that show an item is gone (what no route can show).
  process.env.LOCAL_DYNAMODB_URL = `http://127.0.0.1:${api.env.DYNAMODB_PORT}`;
  (globalThis as Record<string, unknown>).__API__ = api;
}
