import { createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encryptResource, wechatpayHeaders } from '../functions/adapters/wechatpay/signing';

/**
 * A local stand-in for api.mch.weixin.qq.com (API v3) that speaks its protocol: it checks each
 * request's `Authorization` signature with the merchant's public key, signs every answer with its
 * own key (public-key mode, a `PUB_KEY_ID_…` serial), and sends notifications encrypted with the
 * APIv3 key and signed, again and again until one gets a 2xx. Routes under `/__fake__/` play the
 * payer: `POST /__fake__/pay {out_trade_no}` pays an order at once (H5 and local have no WeChat
 * wallet; a payer whose openid starts with `wallet-empty` pays only with `force: true`),
 * `GET /__fake__/notifications` shows what was sent.
 */
export interface FakeWechatPayOptions {
  port?: number;
  mchid: string;
  appId: string;
  merchantPublicKey: KeyObject;
  /** The fake's own key pair and its id (what the API's WECHATPAY_PUBLIC_KEY_ID names). */
  wechatpayPrivateKey: KeyObject;
  wechatpayKeyId: string;
  apiV3Key: string;
  /** Notification retries (WeChat Pay: 15 s, 15 s, 30 s, 3 min …; shorter here). */
  retryDelaysMs?: number[];
}

export interface FakeWechatPay {
  url: string;
  close(): Promise<void>;
}

interface Order {
  outTradeNo: string;
  prepayId: string;
  amountFen: number;
  openid: string;
  notifyUrl: string;
  state: 'NOTPAY' | 'SUCCESS' | 'REFUND';
  transactionId: string | null;
  successTime: string | null;
  refunded: number;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

/** Keys for a local run: the merchant's and the fake WeChat Pay's, made fresh by the launcher. */
export function localWechatPayKeys() {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wechatpay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
  return {
    mchid: '1900000109',
    merchantSerial: 'LOCAL0000000000000000000000000001',
    merchantPrivateKeyPem: pem(merchant.privateKey, 'pkcs8'),
    merchantPublicKey: merchant.publicKey,
    wechatpayKeyId: 'PUB_KEY_ID_0119000001092026120200000000000001',
    wechatpayPublicKeyPem: pem(wechatpay.publicKey, 'spki'),
    wechatpayPrivateKey: wechatpay.privateKey,
    apiV3Key: randomBytes(16).toString('hex'),
  };
}

export async function startFakeWechatPay(options: FakeWechatPayOptions): Promise<FakeWechatPay> {
  const orders = new Map<string, Order>();
  const notifications: { url: string; eventType: string; attempts: number; delivered: boolean }[] = [];
  const delays = options.retryDelaysMs ?? [200, 500, 1_000, 2_000, 5_000];
  let closed = false;

  function checkAuthorization(req: IncomingMessage, pathWithQuery: string, body: string): void {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('WECHATPAY2-SHA256-RSA2048 ')) throw new Refusal(401, 'SIGN_ERROR', 'missing Authorization');
    const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (fields.mchid !== options.mchid) throw new Refusal(401, 'SIGN_ERROR', 'mchid mismatch');
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) throw new Refusal(401, 'SIGN_ERROR', 'timestamp expired');
    const message = `${req.method}\n${pathWithQuery}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    const ok = createVerify('RSA-SHA256')
      .update(message, 'utf8')
      .verify(options.merchantPublicKey, fields.signature ?? '', 'base64');
    if (!ok) throw new Refusal(401, 'SIGN_ERROR', 'signature verification failed');
  }

  function transactionOf(order: Order) {
    return {
      appid: options.appId,
      mchid: options.mchid,
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId ?? undefined,
      trade_type: 'JSAPI',
      trade_state: order.state,
      trade_state_desc: order.state === 'SUCCESS' ? '支付成功' : '未支付',
      success_time: order.successTime ?? undefined,
      payer: { openid: order.openid },
      amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  /** Sends a notification until it gets a 2xx, as WeChat Pay does (duplicates can happen). */
  function notify(url: string, eventType: string, resource: object, originalType: string) {
    const entry = { url, eventType, attempts: 0, delivered: false };
    notifications.push(entry);
    const body = JSON.stringify({
      id: randomBytes(16).toString('hex'),
      create_time: new Date().toISOString(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType.startsWith('REFUND') ? '退款成功' : '支付成功',
      resource: encryptResource(JSON.stringify(resource), options.apiV3Key, originalType, originalType),
    });
    const attempt = async (index: number) => {
      if (closed) return;
      entry.attempts++;
      try {
        const answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...wechatpayHeaders(body, options.wechatpayKeyId, options.wechatpayPrivateKey) },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        if (answer.status >= 200 && answer.status < 300) {
          entry.delivered = true;
          return;
        }
      } catch {
        // retried below
      }
      if (index < delays.length) setTimeout(() => void attempt(index + 1), delays[index]);
    };
    void attempt(0);
  }

  async function route(req: IncomingMessage, url: URL, body: string): Promise<unknown> {
    const pathWithQuery = `${url.pathname}${url.search}`;
    if (url.pathname.startsWith('/__fake__/')) {
      if (req.method === 'POST' && url.pathname === '/__fake__/pay') {
        const { out_trade_no, force } = JSON.parse(body || '{}') as { out_trade_no?: string; force?: boolean };
        const order = out_trade_no ? orders.get(out_trade_no) : undefined;
        if (!order) throw new Refusal(404, 'ORDER_NOT_EXIST', 'no such order');
        // A payer whose openid starts with `wallet-empty` does not pay at once (tests of a pending donation).
        if (order.openid.startsWith('wallet-empty') && !force) return { trade_state: order.state };
        if (order.state === 'NOTPAY') {
          order.state = 'SUCCESS';
          order.transactionId = `4200${Date.now()}${randomBytes(4).toString('hex')}`;
          order.successTime = new Date().toISOString();
          notify(order.notifyUrl, 'TRANSACTION.SUCCESS', transactionOf(order), 'transaction');
        }
        return { trade_state: order.state };
      }
      if (req.method === 'GET' && url.pathname === '/__fake__/notifications') return notifications;
      throw new Refusal(404, 'NOT_FOUND', 'no such fake route');
    }
    checkAuthorization(req, pathWithQuery, body);
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
      const order = JSON.parse(body) as {
        appid?: string;
        mchid?: string;
        out_trade_no?: string;
        notify_url?: string;
        description?: string;
        amount?: { total?: number; currency?: string };
        payer?: { openid?: string };
      };
      if (order.appid !== options.appId || order.mchid !== options.mchid) throw new Refusal(400, 'PARAM_ERROR', 'appid/mchid mismatch');
      if (!order.out_trade_no || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(order.out_trade_no)) throw new Refusal(400, 'PARAM_ERROR', 'out_trade_no');
      if (!order.description || !order.notify_url?.startsWith('http')) throw new Refusal(400, 'PARAM_ERROR', 'description/notify_url');
      if (!Number.isInteger(order.amount?.total) || (order.amount?.total ?? 0) < 1 || order.amount?.currency !== 'CNY')
        throw new Refusal(400, 'PARAM_ERROR', 'amount');
      if (!order.payer?.openid) throw new Refusal(400, 'PARAM_ERROR', 'payer.openid');
      const existing = orders.get(order.out_trade_no);
      if (existing) {
        if (existing.amountFen !== order.amount!.total) throw new Refusal(400, 'INVALID_REQUEST', 'out_trade_no used with another amount');
        return { prepay_id: existing.prepayId };
      }
      const created: Order = {
        outTradeNo: order.out_trade_no,
        prepayId: `wx${Date.now()}${randomBytes(8).toString('hex')}`,
        amountFen: order.amount!.total!,
        openid: order.payer.openid,
        notifyUrl: order.notify_url,
        state: 'NOTPAY',
        transactionId: null,
        successTime: null,
        refunded: 0,
      };
      orders.set(created.outTradeNo, created);
      return { prepay_id: created.prepayId };
    }
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && query) {
      if (url.searchParams.get('mchid') !== options.mchid) throw new Refusal(400, 'PARAM_ERROR', 'mchid');
      const order = orders.get(decodeURIComponent(query[1]));
      if (!order) throw new Refusal(404, 'ORDER_NOT_EXIST', '订单不存在');
      return transactionOf(order);
    }
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') {
      const refund = JSON.parse(body) as { out_trade_no?: string; out_refund_no?: string; notify_url?: string; amount?: { refund?: number; total?: number } };
      const order = refund.out_trade_no ? orders.get(refund.out_trade_no) : undefined;
      if (!order || order.state === 'NOTPAY') throw new Refusal(404, 'RESOURCE_NOT_EXISTS', '订单不存在或未支付');
      const amount = refund.amount?.refund ?? 0;
      if (refund.amount?.total !== order.amountFen || amount < 1 || order.refunded + amount > order.amountFen)
        throw new Refusal(400, 'PARAM_ERROR', 'refund amount');
      order.refunded += amount;
      const answer = {
        refund_id: `5030${Date.now()}${randomBytes(3).toString('hex')}`,
        out_refund_no: refund.out_refund_no,
        transaction_id: order.transactionId,
        out_trade_no: order.outTradeNo,
        status: 'SUCCESS',
        amount: { total: order.amountFen, refund: amount, payer_total: order.amountFen, payer_refund: amount, currency: 'CNY' },
      };
      if (refund.notify_url) {
        notify(
          refund.notify_url,
          'REFUND.SUCCESS',
          { ...answer, mchid: options.mchid, refund_status: 'SUCCESS', success_time: new Date().toISOString() },
          'refund',
        );
      }
      return answer;
    }
    throw new Refusal(404, 'NOT_FOUND', 'no such route');
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake-wechatpay');
      route(req, url, body).then(
        (answer) => send(res, 200, answer),
        (err: unknown) =>
          err instanceof Refusal
            ? send(res, err.status, { code: err.code, message: err.message })
            : send(res, 500, { code: 'SYSTEM_ERROR', message: 'system error' }),
      );
    });
  });

  function send(res: ServerResponse, status: number, answer: unknown): void {
    const text = JSON.stringify(answer);
    res.writeHead(status, { 'content-type': 'application/json', ...wechatpayHeaders(text, options.wechatpayKeyId, options.wechatpayPrivateKey) });
    res.end(text);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
