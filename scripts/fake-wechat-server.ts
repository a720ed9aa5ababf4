import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encryptOpenData } from '../functions/adapters/wechat/open-data';
import { FAKE_WECHAT_APP, LOCAL_UPLOADS } from '../functions/shared/config';
import { pushSignature } from '../functions/adapters/wechat/message-push';

/**
 * A local stand-in for api.weixin.qq.com that answers with WeChat's own JSON (HTTP 200 with an
 * errcode on failure), so HttpWechatClient runs unchanged against it. Routes under `/__fake__/`
 * are not WeChat's: they play the phone's part (wx.login, wx.getWeRunData) and let tests look inside.
 *
 * Special inputs for tests: a js_code starting with `rate-limited` gets 45011, one starting with
 * `high-risk` gets 40226; a subscribe message to an openid starting with `unsubscribed` gets 43101;
 * an image whose bytes contain `RISKY` is judged risky by the image check, one it cannot fetch `review`;
 * a checked text containing a word of TEXT_MARKERS is judged `risky` or `review`, or gets no answer.
 */

export interface FakeWechatServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  appId?: string;
  appSecret?: string;
  /** Lets tests move the clock past code and token lifetimes. */
  now?: () => number;
  /**
   * Where image-check verdicts are pushed (the API's POST /wechat/push), signed with `pushToken`
   * as WeChat's message push is; or a function that takes the push (integration tests).
   */
  pushTo?: string | ((query: Record<string, string>, body: Record<string, unknown>) => Promise<unknown>);
  pushToken?: string;
}

export interface FakeWechatServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** What wx.login does on the phone: a fresh code, and the openid's session_key rotates. */
  issueLoginCode(openid: string): { code: string; sessionKey: string };
}

export interface RecordedSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  receivedAt: string;
}

const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;
// WeChat keeps a replaced access token working for five more minutes.
const REPLACED_TOKEN_GRACE_MS = 5 * 60 * 1000;
const RISKY_WORDS = ['赌博', '诈骗', '色情', '毒品', '枪支'];
/** Words in a checked text that choose the fake's text verdict, so tests can take every path. */
export const TEXT_MARKERS = { risky: 'FAKE_RISKY', review: 'FAKE_REVIEW', unreachable: 'FAKE_UNREACHABLE' } as const;
const RISKY_LABEL = 20001;
const NORMAL_LABEL = 100;
const CONTROL_PREFIX = '/__fake__/';

/** Thrown by a route to drop the connection unanswered, as an unreachable WeChat would. */
class Unreachable {}

/** A refusal in WeChat's shape; WeChat routes send it with HTTP 200, control routes with 400. */
class Refusal {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {}
}

interface FakeRequest {
  query: URLSearchParams;
  body(): Promise<Record<string, unknown>>;
}

export async function startFakeWechatServer(opts: FakeWechatServerOptions = {}): Promise<FakeWechatServer> {
  const appId = opts.appId ?? FAKE_WECHAT_APP.appId;
  const appSecret = opts.appSecret ?? FAKE_WECHAT_APP.appSecret;
  const now = opts.now ?? Date.now;

  const loginCodes = new Map<string, { openid: string; expiresAt: number; used: boolean }>();
  const sessionKeys = new Map<string, string>();
  const tokenExpiry = new Map<string, number>();
  let stableToken: string | undefined;
  let plainToken: string | undefined;
  const messages: RecordedSubscribeMessage[] = [];
  const mediaChecks: { traceId: string; mediaUrl: string; openid: string; suggest?: string; pushed?: number }[] = [];
  const pushToken = opts.pushToken ?? LOCAL_UPLOADS.pushToken;

  /** What WeChat does after media_check_async: fetch the image, judge it, push the verdict (retried 3 times without a 2xx). */
  async function judgeAndPush(check: (typeof mediaChecks)[number]): Promise<void> {
    let suggest = 'review';
    try {
      const image = await fetch(check.mediaUrl, { signal: AbortSignal.timeout(5_000) });
      if (image.ok) suggest = Buffer.from(await image.arrayBuffer()).includes('RISKY') ? 'risky' : 'pass';
    } catch {
      // could not fetch: a person must look
    }
    check.suggest = suggest;
    const label = suggest === 'risky' ? RISKY_LABEL : NORMAL_LABEL;
    const body = {
      ToUserName: 'gh_fake0000000',
      FromUserName: check.openid,
      CreateTime: Math.floor(now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: appId,
      trace_id: check.traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'risky' ? 90 : 0 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
    for (let attempt = 0; attempt < 3 && opts.pushTo; attempt++) {
      const timestamp = String(Math.floor(now() / 1000));
      const nonce = String(Math.floor(Math.random() * 1e9));
      const query = { signature: pushSignature(pushToken, timestamp, nonce), timestamp, nonce };
      try {
        if (typeof opts.pushTo === 'function') {
          await opts.pushTo(query, body);
          check.pushed = attempt + 1;
          return;
        }
        const answer = await fetch(`${opts.pushTo}?${new URLSearchParams(query)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (answer.ok) {
          check.pushed = attempt + 1;
          return;
        }
      } catch {
        // retried below
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function issueLoginCode(openid: string): { code: string; sessionKey: string } {
    for (const [code, issued] of loginCodes) if (issued.expiresAt <= now()) loginCodes.delete(code);
    const code = randomBytes(16).toString('hex');
    const sessionKey = randomBytes(16).toString('base64');
    loginCodes.set(code, { openid, expiresAt: now() + LOGIN_CODE_TTL_MS, used: false });
    sessionKeys.set(openid, sessionKey);
    return { code, sessionKey };
  }

  function checkApp(appid: unknown, secret: unknown): void {
    if (appid !== appId) throw new Refusal(40013, 'invalid appid');
    if (secret !== appSecret) throw new Refusal(40125, 'invalid appsecret');
  }

  /** Issues a token and keeps the one it replaces alive only for the grace period. */
  function replaceToken(previous: string | undefined): string {
    const previousExpiry = previous === undefined ? undefined : tokenExpiry.get(previous);
    if (previous !== undefined && previousExpiry !== undefined) {
      tokenExpiry.set(previous, Math.min(previousExpiry, now() + REPLACED_TOKEN_GRACE_MS));
    }
    const token = randomBytes(24).toString('base64url');
    tokenExpiry.set(token, now() + TOKEN_TTL_S * 1000);
    return token;
  }

  function tokenReply(token: string): { access_token: string; expires_in: number } {
    const remainingMs = (tokenExpiry.get(token) ?? now()) - now();
    return { access_token: token, expires_in: Math.floor(remainingMs / 1000) };
  }

  function requireToken(query: URLSearchParams): void {
    const token = query.get('access_token');
    if (!token) throw new Refusal(41001, 'access_token missing');
    const expiresAt = tokenExpiry.get(token);
    if (expiresAt === undefined) throw new Refusal(40001, 'invalid credential, access_token is invalid or not latest');
    if (expiresAt <= now()) throw new Refusal(42001, 'access_token expired');
  }

  const routes: Record<string, (req: FakeRequest) => Promise<unknown> | unknown> = {
    'GET /sns/jscode2session': ({ query }) => {
      checkApp(query.get('appid'), query.get('secret'));
      if (query.get('grant_type') !== 'authorization_code') throw new Refusal(40002, 'invalid grant_type');
      const code = query.get('js_code');
      if (!code) throw new Refusal(41008, 'missing code');
      if (code.startsWith('rate-limited')) {
        throw new Refusal(45011, 'api minute-quota reach limit  mustslower  retry next minute');
      }
      if (code.startsWith('high-risk')) throw new Refusal(40226, 'high risk user');
      const issued = loginCodes.get(code);
      if (!issued || issued.expiresAt <= now()) throw new Refusal(40029, 'invalid code');
      if (issued.used) throw new Refusal(40163, 'code been used');
      issued.used = true;
      return { session_key: sessionKeys.get(issued.openid), openid: issued.openid, unionid: unionidOf(issued.openid) };
    },

    'POST /cgi-bin/stable_token': async (req) => {
      const body = await req.body();
      if (body.grant_type !== 'client_credential') throw new Refusal(40002, 'invalid grant_type');
      checkApp(body.appid, body.secret);
      const current = stableToken;
      // Like WeChat: the normal mode hands out the current token until it expires.
      const reuse = body.force_refresh !== true && current !== undefined && (tokenExpiry.get(current) ?? 0) > now();
      stableToken = reuse ? current : replaceToken(current);
      return tokenReply(stableToken);
    },

    'GET /cgi-bin/token': ({ query }) => {
      if (query.get('grant_type') !== 'client_credential') throw new Refusal(40002, 'invalid grant_type');
      checkApp(query.get('appid'), query.get('secret'));
      plainToken = replaceToken(plainToken);
      return tokenReply(plainToken);
    },

    'POST /cgi-bin/message/subscribe/send': async (req) => {
      requireToken(req.query);
      const body = await req.body();
      const { touser, template_id, page, data, miniprogram_state, lang } = body;
      if (typeof touser !== 'string' || touser === '') throw new Refusal(40003, 'invalid openid');
      if (typeof template_id !== 'string' || template_id === '') throw new Refusal(40037, 'invalid template_id');
      if (!isTemplateData(data)) throw new Refusal(47003, 'argument invalid! data is not {key: {value}}');
      if (touser.startsWith('unsubscribed')) throw new Refusal(43101, 'user refuse to accept the msg');
      messages.push({
        touser,
        template_id,
        page: typeof page === 'string' ? page : undefined,
        data,
        miniprogram_state: typeof miniprogram_state === 'string' ? miniprogram_state : undefined,
        lang: typeof lang === 'string' ? lang : undefined,
        receivedAt: new Date(now()).toISOString(),
      });
      return { errcode: 0, errmsg: 'ok', msgid: messages.length };
    },

    'POST /wxa/msg_sec_check': async (req) => {
      requireToken(req.query);
      const { content, version, scene, openid } = await req.body();
      if (version !== 2) throw new Refusal(47003, 'argument invalid! version must be 2');
      if (typeof openid !== 'string' || openid === '') throw new Refusal(40003, 'invalid openid');
      if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) throw new Refusal(47003, 'argument invalid! scene');
      if (typeof content !== 'string') throw new Refusal(47003, 'argument invalid! content');
      // Plays a WeChat that cannot be reached: the connection drops without an answer.
      if (content.includes(TEXT_MARKERS.unreachable)) throw new Unreachable();
      const keyword = [...RISKY_WORDS, TEXT_MARKERS.risky].find((word) => content.includes(word));
      const suggest = keyword ? 'risky' : content.includes(TEXT_MARKERS.review) ? 'review' : 'pass';
      const label = keyword ? RISKY_LABEL : NORMAL_LABEL;
      const detail: object[] = [{ strategy: 'content_model', errcode: 0, suggest, label, prob: keyword ? 90 : 0 }];
      if (keyword) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword });
      return { errcode: 0, errmsg: 'ok', result: { suggest, label }, detail, trace_id: randomBytes(12).toString('hex') };
    },

    'POST /wxa/media_check_async': async (req) => {
      requireToken(req.query);
      const { media_url, media_type, version, scene, openid } = await req.body();
      if (version !== 2) throw new Refusal(47003, 'argument invalid! version must be 2');
      if (media_type !== 1 && media_type !== 2) throw new Refusal(47003, 'argument invalid! media_type');
      if (typeof openid !== 'string' || openid === '') throw new Refusal(40003, 'invalid openid');
      if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) throw new Refusal(47003, 'argument invalid! scene');
      if (typeof media_url !== 'string' || !/^https?:\/\//.test(media_url)) throw new Refusal(47003, 'argument invalid! media_url');
      const check = {
        traceId: `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`,
        mediaUrl: media_url,
        openid,
      };
      mediaChecks.push(check);
      // The verdict comes later, by push, as WeChat's does.
      setTimeout(() => void judgeAndPush(check), 20);
      return { errcode: 0, errmsg: 'ok', trace_id: check.traceId };
    },

    'GET /__fake__/media-checks': () => mediaChecks,

    'POST /__fake__/login-codes': async (req) => {
      const { openid } = await req.body();
      if (typeof openid !== 'string' || openid === '') throw new Refusal(47003, 'argument invalid! openid');
      return issueLoginCode(openid);
    },

    'POST /__fake__/werun-data': async (req) => {
      const { openid, stepInfoList } = await req.body();
      const sessionKey = typeof openid === 'string' ? sessionKeys.get(openid) : undefined;
      if (!sessionKey) throw new Refusal(40003, 'invalid openid: no session yet, issue a login code first');
      if (!isStepInfoList(stepInfoList)) {
        throw new Refusal(47003, 'argument invalid! stepInfoList must be [{timestamp, step}]');
      }
      const watermark = { timestamp: Math.floor(now() / 1000), appid: appId };
      return encryptOpenData({ stepInfoList, watermark }, sessionKey);
    },

    'GET /__fake__/messages': ({ query }) => {
      const touser = query.get('touser');
      return touser === null ? messages : messages.filter((message) => message.touser === touser);
    },

    'GET /__fake__/health': () => ({ ok: true }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-wechat');
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) return send(res, 404, { errcode: -1, errmsg: 'not found' });
    try {
      send(res, 200, await route({ query: url.searchParams, body: () => readJsonObject(req) }));
    } catch (err) {
      if (err instanceof Unreachable) return void req.socket.destroy();
      if (!(err instanceof Refusal)) return send(res, 500, { errcode: -1, errmsg: 'system error' });
      const status = url.pathname.startsWith(CONTROL_PREFIX) ? 400 : 200;
      send(res, status, { errcode: err.errcode, errmsg: err.errmsg });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    issueLoginCode,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** A stable, per-openid unionid, shaped like WeChat's 28-character ids. */
function unionidOf(openid: string): string {
  return `o${createHash('sha256').update(`unionid:${openid}`).digest('base64url').slice(0, 27)}`;
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(47001, 'data format error');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Refusal(47001, 'data format error');
  return parsed as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function isTemplateData(value: unknown): value is Record<string, { value: string }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((field) => typeof field === 'object' && field !== null && typeof (field as { value?: unknown }).value === 'string');
}

function isStepInfoList(value: unknown): value is { timestamp: number; step: number }[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        Number.isInteger((entry as { timestamp?: unknown }).timestamp) &&
        Number.isInteger((entry as { step?: unknown }).step),
    )
  );
}

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_WECHAT_PORT ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`FAKE_WECHAT_PORT is not a port: ${port}`);
  const fake = await startFakeWechatServer({ port });
  console.log(`Fake WeChat ready at ${fake.url}`);
  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
