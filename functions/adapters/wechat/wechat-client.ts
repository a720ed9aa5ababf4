import { z } from 'zod';
import { WechatLoginFailedError } from '../../domain/errors';

import type {
  AccessTokenStore,
  ContentSafetyPort,
  SubscribeMessageInput,
  TextScene,
  TextSuggest,
  WechatAuthPort,
  WechatMessagingPort,
  WechatSession,
} from '../../domain/wechat';

export type { ContentSafetyPort, SubscribeMessageInput, WechatAuthPort, WechatMessagingPort, WechatSession };

/** WeChat answered a server API call with a non-zero errcode. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    path: string,
  ) {
    super(`WeChat ${path} failed: errcode ${errcode} ${errmsg}`);
    this.name = new.target.name;
  }
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface HttpWechatClientOptions {
  apiBase: string;
  appId: string;
  /** A provider because in AWS the secret is read from SSM. */
  appSecret: () => Promise<string>;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Shares the token with every other function (through the table); without it, per process. */
  tokenStore?: AccessTokenStore;
}

const TOKEN_REJECTED_ERRCODES = new Set([40001, 42001]);
const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 5000;

const replySchema = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() }).passthrough();
export type Reply = z.infer<typeof replySchema>;

const sessionSchema = z.object({
  openid: z.string().min(1),
  session_key: z.string().min(1),
  unionid: z.string().min(1).optional(),
});
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const textCheckSchema = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().int().optional() }),
});

export class HttpWechatClient implements WechatAuthPort, ContentSafetyPort {
  private readonly apiBase: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private cachedToken?: { value: string; refreshAt: number };

  constructor(private readonly options: HttpWechatClientOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const path = '/sns/jscode2session';
    const reply = await this.request(path, {
      query: {
        appid: this.options.appId,
        secret: await this.options.appSecret(),
        js_code: code,
        grant_type: 'authorization_code',
      },
    });
    // WeChat's own words stay with the refusal, for the log: the answer names only the failure.
    if (reply.errcode) throw new WechatLoginFailedError(reply.errcode, undefined, { cause: new WechatApiError(reply.errcode, reply.errmsg ?? '', path) });
    const session = parseReply(sessionSchema, reply, path);
    const result: WechatSession = { openid: session.openid, sessionKey: session.session_key };
    if (session.unionid) result.unionid = session.unionid;
    return result;
  }

  async checkText(input: { openid: string; content: string; scene?: TextScene }): Promise<{ pass: boolean; suggest: TextSuggest; label?: number }> {
    const path = '/wxa/msg_sec_check';
    const reply = await this.requestWithToken(path, { content: input.content, version: 2, scene: input.scene ?? 1, openid: input.openid });
    throwOnErrcode(reply, path);
    const { result } = parseReply(textCheckSchema, reply, path);
    return { pass: result.suggest === 'pass', suggest: result.suggest, label: result.label };
  }

  /** Calls a token-authenticated API, refreshing the token once when WeChat rejects it (other adapters build on it). */
  async requestWithToken(path: string, body: object): Promise<Reply> {
    const token = await this.accessToken();
    const reply = await this.request(path, { query: { access_token: token }, body });
    if (reply.errcode === undefined || !TOKEN_REJECTED_ERRCODES.has(reply.errcode)) return reply;
    const freshToken = await this.refreshAccessToken(token);
    return this.request(path, { query: { access_token: freshToken }, body });
  }

  private async accessToken(): Promise<string> {
    if (this.cachedToken && Date.now() < this.cachedToken.refreshAt) return this.cachedToken.value;
    return (await this.sharedToken()) ?? this.requestStableToken(false);
  }

  /** The token another function stored, if it is still good (and is not the one WeChat just rejected). */
  private async sharedToken(rejected?: string): Promise<string | undefined> {
    const shared = await this.options.tokenStore?.read();
    if (!shared || shared.value === rejected || Date.now() >= shared.refreshAt) return undefined;
    this.cachedToken = shared;
    return shared.value;
  }

  private async refreshAccessToken(rejected: string): Promise<string> {
    // A concurrent call, here or in another function, may already have replaced the rejected token.
    if (this.cachedToken && this.cachedToken.value !== rejected && Date.now() < this.cachedToken.refreshAt) {
      return this.cachedToken.value;
    }
    const shared = await this.sharedToken(rejected);
    if (shared) return shared;
    const current = await this.requestStableToken(false);
    if (current !== rejected) return current;
    // WeChat still hands out the token it just rejected: force a new one (WeChat allows 20 a day).
    return this.requestStableToken(true);
  }

  private async requestStableToken(forceRefresh: boolean): Promise<string> {
    const path = '/cgi-bin/stable_token';
    const reply = await this.request(path, {
      body: {
        grant_type: 'client_credential',
        appid: this.options.appId,
        secret: await this.options.appSecret(),
        force_refresh: forceRefresh,
      },
    });
    throwOnErrcode(reply, path);
    const token = parseReply(tokenSchema, reply, path);
    const refreshAt = Date.now() + Math.max(0, token.expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS);
    this.cachedToken = { value: token.access_token, refreshAt };
    await this.options.tokenStore?.write(this.cachedToken);
    return token.access_token;
  }

  /** GET without a body, POST with one. Transport failures are plain Errors (a 5xx upstream). */
  private async request(path: string, init: { query?: Record<string, string>; body?: object }): Promise<Reply> {
    const url = `${this.apiBase}${path}?${new URLSearchParams(init.query)}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      // The URL carries the secret or the access token: name only the path.
      throw new Error(`WeChat ${path} request failed`, { cause });
    }
    if (!response.ok) throw new Error(`WeChat ${path} answered HTTP ${response.status}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new Error(`WeChat ${path} answered something that is not JSON`, { cause });
    }
    return parseReply(replySchema, json, path);
  }
}

export function throwOnErrcode(reply: Reply, path: string): void {
  if (reply.errcode) throw new WechatApiError(reply.errcode, reply.errmsg ?? '', path);
}

export function parseReply<S extends z.ZodTypeAny>(schema: S, value: unknown, path: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`WeChat ${path} answered an unexpected shape`, { cause: parsed.error });
  return parsed.data;
}
