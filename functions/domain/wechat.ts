/** What the domain needs from WeChat's servers; adapters/wechat speaks the real protocol. */

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export interface WechatAuthPort {
  /** Exchanges a wx.login code; throws WechatLoginFailedError when WeChat answers an errcode. */
  code2Session(code: string): Promise<WechatSession>;
}

export interface SubscribeMessageInput {
  toOpenid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface WechatMessagingPort {
  /** Throws SubscriptionMissingError when the user has no subscription left for this template. */
  sendSubscribeMessage(input: SubscribeMessageInput): Promise<void>;
}

export interface ContentSafetyPort {
  checkText(input: { openid: string; content: string }): Promise<{ pass: boolean; label?: number }>;
}

/** wx.getWeRunData's encrypted open data, decrypted with the person's session key and checked against our app id. */
export interface OpenDataPort {
  /** Throws OpenDataRefused when it does not decrypt, or belongs to another app. */
  decrypt<T>(input: { sessionKey: string; encryptedData: string; iv: string }): T;
}

export class OpenDataRefused extends Error {}
