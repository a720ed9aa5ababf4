import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { PaymentMessageRefused } from '../../domain/errors';
import type { JsapiOrder, PaymentNotification, PaymentPort, Refund, RequestPaymentParams, Transaction } from '../../domain/payment';
import { authorizationHeader, decryptResource, privateKeyOf, platformCertificateKeys, publicKeyOf, requestPaymentParams, signatureProblem } from './signing';

/**
 * WeChat Pay API v3 over HTTPS (merchant mode, JSAPI): every request signed with the merchant key,
 * every answer and notification verified with the key its `Wechatpay-Serial` names (WeChat Pay
 * public-key mode `PUB_KEY_ID_…`, or platform certificates for older merchants), notification
 * resources decrypted with the APIv3 key and their tag checked.
 */
export interface WechatPayClientOptions {
  apiBase: string;
  mchid: string;
  appId: string;
  /** The merchant certificate's serial number. */
  serialNo: string;
  privateKey: KeyObject;
  /** serial (`PUB_KEY_ID_…` or a platform certificate's) → WeChat Pay's public key. */
  wechatpayKeys: ReadonlyMap<string, KeyObject>;
  apiV3Key: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WechatPayApiError';
  }
}

const transactionSchema = z.object({
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  amount: z.object({ total: z.number().int() }).passthrough().optional(),
  payer: z.object({ openid: z.string() }).optional(),
  success_time: z.string().optional(),
});

const refundSchema = z.object({
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  amount: z.object({ refund: z.number().int() }).passthrough(),
});

const notificationSchema = z.object({
  id: z.string(),
  event_type: z.string(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});

export class HttpWechatPayClient implements PaymentPort {
  private readonly apiBase: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: WechatPayClientOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.now = options.now ?? Date.now;
  }

  async createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }> {
    const answer = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.options.appId,
      mchid: this.options.mchid,
      description: order.description,
      out_trade_no: order.outTradeNo,
      notify_url: order.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.payerOpenid },
    });
    return { prepayId: z.object({ prepay_id: z.string().min(1) }).parse(answer).prepay_id };
  }

  async requestPaymentParams(prepayId: string): Promise<RequestPaymentParams> {
    return requestPaymentParams({ appId: this.options.appId, prepayId, privateKey: this.options.privateKey, timestamp: Math.floor(this.now() / 1000) });
  }

  async queryOrder(outTradeNo: string): Promise<Transaction> {
    const answer = await this.call(
      'GET',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.options.mchid)}`,
    );
    return toTransaction(transactionSchema.parse(answer));
  }

  async refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string; notifyUrl: string }): Promise<Refund> {
    const answer = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      reason: input.reason,
      notify_url: input.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return toRefund(refundSchema.parse(answer));
  }

  async parseNotification(headers: Record<string, string | undefined>, rawBody: string): Promise<PaymentNotification> {
    const problem = signatureProblem(headers, rawBody, this.options.wechatpayKeys, Math.floor(this.now() / 1000));
    if (problem) throw new PaymentMessageRefused('unverified', problem);
    let envelope: z.infer<typeof notificationSchema>;
    try {
      envelope = notificationSchema.parse(JSON.parse(rawBody));
    } catch (cause) {
      throw new PaymentMessageRefused('unreadable', 'not a notification', { cause });
    }
    let plain: unknown;
    try {
      plain = JSON.parse(decryptResource(envelope.resource, this.options.apiV3Key));
    } catch (cause) {
      throw new PaymentMessageRefused('unreadable', 'the resource does not decrypt', { cause });
    }
    if (envelope.event_type.startsWith('TRANSACTION.')) {
      const parsed = transactionSchema.safeParse(plain);
      if (!parsed.success) throw new PaymentMessageRefused('unreadable', 'not a transaction', { cause: parsed.error });
      return { kind: 'transaction', id: envelope.id, transaction: toTransaction(parsed.data) };
    }
    if (envelope.event_type.startsWith('REFUND.')) {
      const parsed = refundSchema.safeParse(plain);
      if (!parsed.success) throw new PaymentMessageRefused('unreadable', 'not a refund', { cause: parsed.error });
      return { kind: 'refund', id: envelope.id, refund: toRefund(parsed.data) };
    }
    throw new PaymentMessageRefused('unknown_event', `unknown event ${envelope.event_type}`);
  }

  /** One signed call; the answer is believed only when its signature checks out. */
  private async call(method: 'GET' | 'POST', pathWithQuery: string, body?: object): Promise<unknown> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const authorization = authorizationHeader({
      mchid: this.options.mchid,
      serialNo: this.options.serialNo,
      privateKey: this.options.privateKey,
      method,
      pathWithQuery,
      body: text,
      timestamp: Math.floor(this.now() / 1000),
    });
    const response = await this.fetchImpl(`${this.apiBase}${pathWithQuery}`, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        'user-agent': 'little-red-flower/1 (node)',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : text,
      signal: AbortSignal.timeout(10_000),
    });
    const raw = await response.text();
    const headers = Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value]));
    const problem = signatureProblem(headers, raw, this.options.wechatpayKeys, Math.floor(this.now() / 1000));
    if (problem) throw new PaymentMessageRefused('unverified', `answer to ${method} ${pathWithQuery.split('?')[0]}: ${problem}`);
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (!response.ok) {
      throw new WechatPayApiError(response.status, String(parsed.code ?? `HTTP_${response.status}`), String(parsed.message ?? 'WeChat Pay refused'));
    }
    return parsed;
  }
}

function toTransaction(t: z.infer<typeof transactionSchema>): Transaction {
  return {
    outTradeNo: t.out_trade_no,
    transactionId: t.transaction_id ?? null,
    state: t.trade_state,
    amountFen: t.amount?.total ?? 0,
    payerOpenid: t.payer?.openid ?? null,
    successTime: t.success_time ?? null,
  };
}

function toRefund(r: z.infer<typeof refundSchema>): Refund {
  return {
    outTradeNo: r.out_trade_no,
    outRefundNo: r.out_refund_no,
    refundId: r.refund_id,
    status: r.status ?? r.refund_status ?? 'PROCESSING',
    refundFen: r.amount.refund,
  };
}

/**
 * The client, made on first use from the settings and the secrets (SSM in AWS), with the local
 * sandbox's "pay at once" only for the fake a launcher started itself (local and test stages).
 */
export class ConfiguredWechatPay implements PaymentPort {
  private client?: Promise<HttpWechatPayClient>;

  constructor(
    private readonly settings: {
      apiBase: string;
      mchid: string;
      serialNo: string;
      publicKeyId?: string;
      publicKey?: string;
      platformCertificates?: string;
      notifyUrl: string;
      appId: string;
    },
    private readonly secrets: {
      privateKey: () => Promise<string>;
      apiV3Key: () => Promise<string>;
      /** Read at start where they are not in the settings (SSM in AWS: too large for the environment). */
      publicKey?: () => Promise<string | undefined>;
      platformCertificates?: () => Promise<string | undefined>;
    },
    readonly sandbox: boolean,
  ) {}

  get notifyUrl(): string {
    return this.settings.notifyUrl;
  }

  private get(): Promise<HttpWechatPayClient> {
    this.client ??= Promise.all([
      this.secrets.privateKey(),
      this.secrets.apiV3Key(),
      this.settings.publicKey ?? this.secrets.publicKey?.(),
      this.settings.platformCertificates ?? this.secrets.platformCertificates?.(),
    ]).then(
      ([privateKey, apiV3Key, publicKey, platformCertificates]) =>
        new HttpWechatPayClient({
          apiBase: this.settings.apiBase,
          mchid: this.settings.mchid,
          appId: this.settings.appId,
          serialNo: this.settings.serialNo,
          privateKey: privateKeyOf(privateKey),
          wechatpayKeys: wechatpayKeysOf({ publicKeyId: this.settings.publicKeyId, publicKey, platformCertificates }),
          apiV3Key,
        }),
    );
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  async createJsapiOrder(order: JsapiOrder) {
    return (await this.get()).createJsapiOrder(order);
  }
  async requestPaymentParams(prepayId: string) {
    return (await this.get()).requestPaymentParams(prepayId);
  }
  async queryOrder(outTradeNo: string) {
    return (await this.get()).queryOrder(outTradeNo);
  }
  async refund(input: Parameters<PaymentPort['refund']>[0]) {
    return (await this.get()).refund(input);
  }
  async parseNotification(headers: Record<string, string | undefined>, rawBody: string) {
    return (await this.get()).parseNotification(headers, rawBody);
  }

  /**
   * Only with the embedded fake (the launcher's own, local and test stages): it pays the order at
   * once (there is no wallet in H5). A configured WeChat Pay hears only its signed protocol.
   */
  get sandboxPay(): ((outTradeNo: string) => Promise<void>) | undefined {
    if (!this.sandbox) return undefined;
    return async (outTradeNo: string) => {
      await fetch(`${this.settings.apiBase}/__fake__/pay`, {
        method: 'POST',
        body: JSON.stringify({ out_trade_no: outTradeNo }),
        signal: AbortSignal.timeout(5_000),
      });
    };
  }
}

/** The keys WeChat Pay signs with, by the serial it names: the public key (public-key mode) and/or platform certificates. */
export function wechatpayKeysOf(
  settings: { publicKeyId?: string; publicKey?: string; platformCertificates?: string },
  now = new Date(),
): Map<string, KeyObject> {
  const keys = settings.platformCertificates ? platformCertificateKeys(settings.platformCertificates, now) : new Map<string, KeyObject>();
  if (settings.publicKeyId && settings.publicKey) keys.set(settings.publicKeyId, publicKeyOf(settings.publicKey));
  return keys;
}
