import { DynamoDonationRepository } from '../adapters/dynamodb/donation-repository';
import { DynamoMealWindup } from '../adapters/dynamodb/meal-windup';
import { ConfiguredWechatPay } from '../adapters/wechatpay/wechatpay-client';
import type { DonationRepository } from '../domain/meals';
import type { MealWindupStore } from '../domain/store-windup';
import { loadWechatPaySettings } from '../shared/config';
import { optionalSecret, secretProvider } from '../shared/secrets';
import { perCore, storeAdminParts, storeParts, type StoreParts } from './parts';

/*
 * WeChat Pay's parts. In a file of their own: the payment client's answer schemas are built when
 * its module loads, so only the functions that take or refund money carry them
 * (functions/wiring/package.json lets esbuild drop the rest).
 */

/** Love meals: donations, the stores they fund, and WeChat Pay (when configured). */
export const mealParts = /* @__PURE__ */ perCore((core): MealParts => {
  const settings = loadWechatPaySettings(core.config.env, core.config.isLocalStage);
  const { region } = core.config;
  return {
    ...storeParts(core),
    donations: new DynamoDonationRepository(core.table, core.config.rules.meals.fundShards),
    payments: settings
      ? new ConfiguredWechatPay(
          { ...settings, appId: core.config.wechat.appId },
          {
            privateKey: secretProvider(settings.privateKey, settings.privateKeyParam, 'WeChat Pay merchant key', region),
            apiV3Key: secretProvider(settings.apiV3Key, settings.apiV3KeyParam, 'WeChat Pay APIv3 key', region),
            publicKey: optionalSecret(settings.publicKey, settings.publicKeyParam, 'WeChat Pay public key', region),
            platformCertificates: optionalSecret(settings.platformCertificates, settings.platformCertificatesParam, 'WeChat Pay platform certificates', region),
          },
          // Only the fake the launcher started itself has the unsigned "pay at once" hook.
          core.config.isLocalStage && core.config.env.LRF_EMBEDDED_WECHATPAY === '1',
        )
      : null,
  };
});

export interface MealParts extends StoreParts {
  donations: DonationRepository;
  payments: ConfiguredWechatPay | null;
}

/** WeChat Pay's notifications: payments settle donations, refunds settle the wind-up's refunds. */
export const paymentNotifyParts = /* @__PURE__ */ perCore((core): MealParts & { windup: MealWindupStore } => ({
  ...mealParts(core),
  windup: new DynamoMealWindup(core.table, core.config.rules.meals.fundShards),
}));

/** The wind-up's stream worker: the admin's parts and WeChat Pay (for the refunds). */
export const windupParts = /* @__PURE__ */ perCore((core) => ({ ...storeAdminParts(core), payments: mealParts(core).payments }));
