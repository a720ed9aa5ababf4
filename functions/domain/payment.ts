/**
 * Paying with WeChat Pay for love meals, as the use cases need it: an order for a JSAPI payment, the
 * parameters the app hands `requestPayment`, a query when a notification is late, a refund, and a
 * notification believed only once its signature and its encryption check out (the adapter).
 */

export interface JsapiOrder {
  /** Ours, unique per payment (the donation's id). */
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
}

export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface Transaction {
  outTradeNo: string;
  transactionId: string | null;
  state: TradeState;
  amountFen: number;
  payerOpenid: string | null;
  successTime: string | null;
}

export interface Refund {
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  refundFen: number;
}

export type PaymentNotification = { kind: 'transaction'; id: string; transaction: Transaction } | { kind: 'refund'; id: string; refund: Refund };

export interface PaymentPort {
  createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }>;
  requestPaymentParams(prepayId: string): Promise<RequestPaymentParams>;
  /** By our out_trade_no: the fallback when a notification is late. */
  queryOrder(outTradeNo: string): Promise<Transaction>;
  refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string; notifyUrl: string }): Promise<Refund>;
  /** Verifies and decrypts a notification (headers lower-cased); PaymentMessageRefused (domain/errors) otherwise. */
  parseNotification(headers: Record<string, string | undefined>, rawBody: string): Promise<PaymentNotification>;
}
