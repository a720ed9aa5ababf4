import Taro from '@tarojs/taro'

/** Storage keys shared by the request layer and auth. */
export const TOKEN_KEY = 'lrf_token'
export const USER_KEY = 'lrf_user'

export const LOGIN_PAGE = '/pages/login/index'

// Injected at build time by config/index.ts (`env.TARO_APP_API_BASE`). In H5 the page that serves
// the app may name another API at run time (window.__LRF_API_BASE__, set by `npm start` and the
// browser tests), so one build works against any local API port.
const runtimeApiBase =
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? (window as unknown as { __LRF_API_BASE__?: string }).__LRF_API_BASE__ : undefined
export const API_BASE: string = (runtimeApiBase || process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

/** A failed call: HTTP status (0 when the server could not be reached) plus the API error code. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: unknown
  /** The API path that answered (no query), so one code can read differently per route. */
  readonly path?: string

  constructor(status: number, code: string, message: string, details?: unknown, path?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.path = path
    // Keep `instanceof ApiError` working after down-levelling to ES5.
    Object.setPrototypeOf(this, ApiError.prototype)
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: HttpMethod
  /** Query parameters; null/undefined values are left out. */
  query?: Record<string, QueryValue>
  body?: unknown
  /** Sent as `Idempotency-Key` so a retried flower/money POST moves nothing twice. */
  idempotencyKey?: string
  /** Public routes may skip the token (an invalid token would turn them into a 401). */
  auth?: boolean
  /** 'text': the answer is text/plain (the public log's checkpoint), handed back unparsed. */
  responseType?: 'json' | 'text'
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown }
}

// Chinese text for the contract's error codes; the server's own message (English) is the fallback.
const CODE_MESSAGES: Record<string, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或暂未开放',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新后重试',
  ALREADY_DONATED_TODAY: '今天已经捐过步数啦，明天再来',
  NOT_ENOUGH_STEPS: '今日步数不足 1000 步',
  INVALID_WERUN_DATA: '微信运动数据无效，请重试',
  ALREADY_ANSWERED: '这道题已经答过了',
  INSUFFICIENT_FLOWERS: '小红花余额不足',
  DREAM_NOT_ACCEPTING: '这个梦想现在不接受小红花',
  NOT_IN_REVIEW: '该内容不在审核中',
  NOT_PENDING: '这家店已经审核过了',
  CANNOT_REVOKE_OWN_ADMIN: '不能撤销自己的管理员身份，请另一位管理员操作',
  ROLES_CHANGED: '角色刚刚被别人修改过，请刷新后再试',
  NOT_EXECUTABLE: '梦想尚未达成，暂不能认领',
  CONTENT_UNSAFE: '内容未通过安全检查',
  STORE_NOT_ACTIVE: '该门店暂未营业',
  INVALID_PASS: '核销码无效或已过期',
  PASS_ALREADY_USED: '核销码已使用',
  DAILY_LIMIT_REACHED: '今日已领取过爱心餐',
  NO_MEALS_AVAILABLE: '该门店暂无可领取的爱心餐',
  INVALID_MEMBER_CODE: '会员码无效或已过期',
  INVALID_PHOTO: '照片须是你自己上传的图片（不超过 4MB），请重新上传',
  NOT_ADOPTED: '梦想被认领后才能发布来信',
  PERIOD_OVERLAPS: '本期的开始日期须在上一封来信的结束日期之后',
  LETTER_DOES_NOT_RECONCILE: '账目对不上，请按提示核对期初、期末余额和收支',
  PHOTOS_NOT_CLEARED: '照片还没有通过微信图片安全检测，请稍后再审',
  NOT_REJECTED: '只有被退回的来信可以修改后重新提交',
  MEMBER_CODE_USED: '会员码已使用',
}

// Codes (or bare statuses, as `HTTP_403`) that mean something else on one route: matched by path
// prefix (or pattern) before CODE_MESSAGES. DAILY_LIMIT_REACHED is the meal limit elsewhere.
const ROUTE_CODE_MESSAGES: { prefix: string | RegExp; messages: Record<string, string> }[] = [
  {
    prefix: /^\/dreams\/[^/]+\/donations$/,
    messages: {
      FORBIDDEN: '你还不是这个队伍的成员',
      HTTP_403: '你还不是这个队伍的成员',
      NOT_FOUND: '这个梦想不存在或暂未公开',
    },
  },
  {
    prefix: /^\/dreams\/[^/]+\/review$/,
    messages: {
      NOT_IN_REVIEW: '这个梦想已经审核过了',
      FORBIDDEN: '仅管理员可以审核梦想',
    },
  },
  {
    prefix: /^\/dreams\/[^/]+\/adopt$/,
    messages: {
      FORBIDDEN: '仅公益机构可以认领梦想',
    },
  },
  {
    prefix: '/teams/join',
    messages: {
      NOT_FOUND: '没有找到这个队伍口令，请核对后重试',
      HTTP_404: '没有找到这个队伍口令，请核对后重试',
    },
  },
  {
    prefix: '/lowcarbon/',
    messages: {
      DAILY_LIMIT_REACHED: '该用户今日低碳小红花已达上限',
      FORBIDDEN: '没有可用的门店',
      HTTP_403: '没有可用的门店',
    },
  },
]

function routeMessage(err: ApiError): string | undefined {
  if (!err.path) return undefined
  for (const { prefix, messages } of ROUTE_CODE_MESSAGES) {
    if (typeof prefix === 'string' ? err.path.startsWith(prefix) : prefix.test(err.path)) {
      return messages[err.code] || messages[`HTTP_${err.status}`]
    }
  }
  return undefined
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在或暂未开放',
  409: '当前无法完成此操作',
}

export function getToken(): string {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || ''
  } catch {
    return ''
  }
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY)
    Taro.removeStorageSync(USER_KEY)
  } catch {
    // Storage can fail (e.g. private mode); there is nothing more to clear then.
  }
}

/** Random printable-ASCII key (the contract allows 1–128 chars); unique enough per user and route. */
export function newIdempotencyKey(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'
  let rand = ''
  for (let i = 0; i < 24; i++) {
    rand += alphabet[Math.floor(Math.random() * alphabet.length)]
  }
  return `lrf-${Date.now().toString(36)}-${rand}`
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const url = /^https?:\/\//.test(path) ? path : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`
  if (!query) return url
  const parts: string[] = []
  for (const key of Object.keys(query)) {
    const value = query[key]
    if (value === undefined || value === null || value === '') continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  if (parts.length === 0) return url
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`
}

function toApiError(status: number, data: unknown, path?: string): ApiError {
  const envelope = (data && typeof data === 'object' ? data : {}) as ErrorEnvelope
  const err = envelope.error
  const code = err && typeof err.code === 'string' ? err.code : `HTTP_${status}`
  const message = err && typeof err.message === 'string' && err.message ? err.message : STATUS_MESSAGES[status] || `服务暂时不可用（${status}），请稍后重试`
  return new ApiError(status, code, message, err?.details, path)
}

// Several requests can fail with 401 at once; only the first one should navigate.
let redirectingToLogin = false

function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1]
  return page?.route ? `/${page.route.replace(/^\//, '')}` : ''
}

function goToLogin(): void {
  if (redirectingToLogin) return
  if (currentRoute().startsWith(LOGIN_PAGE)) return
  redirectingToLogin = true
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    redirectingToLogin = false
  })
}

/**
 * The single way the app talks to the API. Resolves with the parsed JSON body on 2xx,
 * otherwise throws an ApiError carrying the `{error:{code,message}}` envelope.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, idempotencyKey, auth = true, responseType = 'json' } = options

  const header: Record<string, string> = { Accept: responseType === 'text' ? 'text/plain' : 'application/json' }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  const token = auth ? getToken() : ''
  if (token) header.Authorization = `Bearer ${token}`
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey

  // Response bodies are JSON values of unknown shape until the caller's T is trusted below.
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>
  try {
    res = await Taro.request<Record<string, unknown>, Record<string, unknown>>({
      url: buildUrl(path, query),
      method,
      header,
      data: body as Record<string, unknown> | undefined,
      // Any dataType but 'json' leaves the body as the text it came as.
      dataType: responseType === 'text' ? 'text' : 'json',
      timeout: 15000,
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试', undefined, path)
  }

  const status = res.statusCode
  if (status >= 200 && status < 300) {
    return (status === 204 ? undefined : res.data) as T
  }

  const error = toApiError(status, res.data, path.split('?')[0])
  // /auth/* answers 401 for a bad WeChat code; that is a failed sign-in, not an expired session.
  if (status === 401 && !path.startsWith('/auth/')) {
    clearSession()
    goToLogin()
  }
  throw error
}

/** Chinese, human-readable text for any thrown value, for toasts and error states. */
export function errorMessage(err: unknown, fallback = '出了点问题，请稍后重试'): string {
  if (err instanceof ApiError) {
    if (err.status >= 500) return '服务暂时不可用，请稍后重试'
    return routeMessage(err) || CODE_MESSAGES[err.code] || STATUS_MESSAGES[err.status] || err.message || fallback
  }
  return fallback
}

/** The API refused with this error code. */
export function isApiError(err: unknown, code: string): err is ApiError {
  return err instanceof ApiError && err.code === code
}

/**
 * No final answer came back (network failure or 5xx): the same request may be sent again with the
 * same Idempotency-Key. Any other answer is final for that key.
 */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiError) || err.status === 0 || err.status >= 500
}

export function toastError(err: unknown, fallback?: string): void {
  Taro.showToast({ title: errorMessage(err, fallback), icon: 'none', duration: 2500 })
}
