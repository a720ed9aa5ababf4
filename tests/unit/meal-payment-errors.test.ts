import { createPrivateKey, createPublicKey } from 'node:crypto';
import { HttpWechatPayClient, WechatPayApiError } from '../../functions/adapters/wechatpay/wechatpay-client';
import { encryptResource, ResourceDecryptionError, wechatpayHeaders } from '../../functions/adapters/wechatpay/signing';
import { PaymentMessageRefused, PaymentUnavailableError, type PaymentRefusalKind } from '../../functions/domain/errors';
import type { PaymentPort } from '../../functions/domain/payment';
import { donateMeals, receivePaymentNotification, type MealDeps } from '../../functions/meals/donations';
import { localWechatPayKeys } from '../../scripts/fake-wechatpay-server';

const NOW = new Date('2026-03-02T04:00:00.000Z');
const keys = localWechatPayKeys();

/** Only what a donation reaches before it asks WeChat Pay; `payments` is what each test makes fail. */
function mealDeps(payments: Partial<PaymentPort>): MealDeps & { windup: never } {
  return {
    clock: { now: () => NOW },
    quotas: { take: async () => undefined },
    users: { findById: async (id: string) => ({ id, openid: 'o-donor' }) },
    stores: { get: async (id: string) => ({ id, name: '早餐店', status: 'active' }), listActiveInCity: async () => ({ items: [], nextCursor: null }) },
    donations: { create: async () => undefined },
    payments: { notifyUrl: 'https://example.test/notify', ...payments },
    config: { rules: { meals: { maxMealsPerDonation: 10, priceFen: 1_500, lotShards: 4 }, quotas: {} } },
    windup: undefined as never,
  } as unknown as MealDeps & { windup: never };
}

describe('a WeChat Pay failure surfaces as the typed error, with the failure as its cause', () => {
  it('an order WeChat Pay refuses is PAYMENT_UNAVAILABLE, caused by WeChat Pay’s answer', async () => {
    // Arrange
    const refusal = new WechatPayApiError(500, 'SYSTEM_ERROR', '系统繁忙');
    const deps = mealDeps({ createJsapiOrder: () => Promise.reject(refusal) });

    // Act
    const failure = await donateMeals(deps, 'u-donor', { storeId: 's-1', meals: 2 }).catch((err: unknown) => err);

    // Assert
    expect(failure).toBeInstanceOf(PaymentUnavailableError);
    expect(failure).toMatchObject({ status: 503, code: 'PAYMENT_UNAVAILABLE' });
    expect((failure as Error).cause).toBe(refusal);
  });

  it.each<[PaymentRefusalKind, number]>([
    ['unverified', 401],
    ['unreadable', 400],
    ['unknown_event', 401],
  ])('a notification refused as %s answers %i FAIL by its kind, caused by the refusal', async (kind, status) => {
    // Arrange
    const refusal = new PaymentMessageRefused(kind, 'some reason');
    const deps = mealDeps({ parseNotification: () => Promise.reject(refusal) });

    // Act
    const failure = await receivePaymentNotification(deps, {}, '{}').catch((err: unknown) => err);

    // Assert
    expect(failure).toMatchObject({ status, code: 'FAIL', message: 'some reason' });
    expect((failure as Error).cause).toBe(refusal);
  });

  it('a signed notification whose resource does not decrypt is refused as unreadable, caused by the decryption failure', async () => {
    // Arrange: signed by WeChat Pay's key, encrypted with another APIv3 key
    const client = new HttpWechatPayClient({
      apiBase: 'https://api.mch.weixin.qq.com',
      mchid: keys.mchid,
      appId: 'wxpaytest00000001',
      serialNo: keys.merchantSerial,
      privateKey: createPrivateKey(keys.merchantPrivateKeyPem),
      wechatpayKeys: new Map([[keys.wechatpayKeyId, createPublicKey(keys.wechatpayPublicKeyPem)]]),
      apiV3Key: keys.apiV3Key,
      now: () => NOW.getTime(),
    });
    const resource = encryptResource('{"out_trade_no":"d-1"}', 'another-apiv3-key-of-32-bytes!!!', 'transaction', 'transaction');
    const body = JSON.stringify({ id: 'n-1', event_type: 'TRANSACTION.SUCCESS', resource });
    const headers = wechatpayHeaders(body, keys.wechatpayKeyId, keys.wechatpayPrivateKey, Math.floor(NOW.getTime() / 1000));

    // Act
    const failure = await client.parseNotification(headers, body).catch((err: unknown) => err);

    // Assert
    expect(failure).toBeInstanceOf(PaymentMessageRefused);
    expect(failure).toMatchObject({ kind: 'unreadable', reason: 'the resource does not decrypt' });
    expect((failure as Error).cause).toBeInstanceOf(ResourceDecryptionError);
    expect(((failure as Error).cause as Error).cause).toBeDefined();
  });
});
