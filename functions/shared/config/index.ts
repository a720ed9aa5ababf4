/**
 * A function's configuration: the rule values, its environment, and WeChat Pay's settings for the
 * payment functions. The local launchers' own settings live with them, in scripts/lib, so no
 * function bundle carries them.
 */
import { loadConfig, type AppConfig } from './environment';

export { loadRules, type Rules } from './rules';
export { FAKE_WECHAT_APP, LOCAL_JWT_SECRET, LOCAL_UPLOADS, loadConfig, type AppConfig, type Stage, type SubscribeTemplate } from './environment';
export { loadWechatPaySettings, type WechatPaySettings } from './wechatpay';

let cached: AppConfig | undefined;
/** The process-wide configuration, parsed on first use. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
/** Tests that change the environment call this to re-read it. */
export function resetConfigForTests(): void {
  cached = undefined;
}
