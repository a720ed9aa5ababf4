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
  /**
   * Throws an error carrying WeChat's numeric `errcode` when WeChat refuses (43101: the person has
   * no subscription left for this template); a transport failure throws one without.
   */
  sendSubscribeMessage(input: SubscribeMessageInput): Promise<void>;
}

/** WeChat's errcode on an error thrown by a WeChat port, or null (a transport failure). */
export function errcodeOf(err: unknown): number | null {
  const code = (err as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code : null;
}

export interface StoredAccessToken {
  value: string;
  /** Epoch ms after which it should be replaced (a margin before WeChat's expiry). */
  refreshAt: number;
}

/** Where every function finds the one access token of the app (WeChat: one token per app). */
export interface AccessTokenStore {
  read(): Promise<StoredAccessToken | null>;
  write(token: StoredAccessToken): Promise<void>;
}

/** WeChat's scenes for a text check: 1 a profile, 2 a comment, 3 a forum post, 4 a social log. */
export type TextScene = 1 | 2 | 3 | 4;

/** WeChat's verdict on a text: `review` means a person must look before others see it. */
export type TextSuggest = 'pass' | 'review' | 'risky';

export interface ContentSafetyPort {
  /** Throws when WeChat cannot be reached or refuses the call; the caller decides what that means. */
  checkText(input: { openid: string; content: string; scene?: TextScene }): Promise<{ pass: boolean; suggest: TextSuggest; label?: number }>;
}

/**
 * WeChat's asynchronous image check (security.mediaCheckAsync): it fetches the image from a URL
 * and pushes its verdict later to the mini-program's message-push URL (POST /wechat/push).
 */
export interface MediaCheckPort {
  /** Returns the trace id the verdict will carry. */
  checkImageAsync(input: { openid: string; mediaUrl: string }): Promise<{ traceId: string }>;
}

/** wx.getWeRunData's encrypted open data, decrypted with the person's session key and checked against our app id. */
export interface OpenDataPort {
  /** Throws OpenDataRefused when it does not decrypt, or belongs to another app. */
  decrypt<T>(input: { sessionKey: string; encryptedData: string; iv: string }): T;
}

export { OpenDataRefused } from './errors';
