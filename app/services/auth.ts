import Taro from '@tarojs/taro'
import { LOGIN_PAGE, TOKEN_KEY, USER_KEY, clearSession, getToken, request } from './request'
import type { Role, SignedIn, User } from '../../functions/contract'

export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** Roles a dev sign-in may add on top of `donor` (`POST /auth/dev`). */
export const DEV_EXTRA_ROLES: { role: Role; label: string }[] = [
  { role: 'merchant', label: '商家' },
  { role: 'charity', label: '公益机构' },
  { role: 'admin', label: '管理员' },
]

export const ROLE_LABELS: Record<Role, string> = {
  donor: '爱心用户',
  merchant: '商家',
  charity: '公益机构',
  worker: '环卫工人',
  admin: '管理员',
}

const DEV_OPENID_KEY = 'lrf_dev_openid'
const DEV_NICKNAME_KEY = 'lrf_dev_nickname'
/** Set by 退出登录 (and closing the account): no silent sign-in until the person taps to sign in. */
const SIGNED_OUT_KEY = 'lrf_signed_out'

/** True after the person signed out on purpose: the app waits for a tap instead of wx.login. */
export function signedOutOnPurpose(): boolean {
  try {
    return Boolean(Taro.getStorageSync(SIGNED_OUT_KEY))
  } catch {
    return false
  }
}

function saveSession(res: SignedIn): User {
  Taro.removeStorageSync(SIGNED_OUT_KEY)
  Taro.setStorageSync(TOKEN_KEY, res.token)
  Taro.setStorageSync(USER_KEY, res.user)
  return res.user
}

export function isSignedIn(): boolean {
  return Boolean(getToken())
}

export function getStoredUser(): User | null {
  try {
    const user = Taro.getStorageSync(USER_KEY) as User | ''
    return user && typeof user === 'object' ? user : null
  } catch {
    return null
  }
}

// One shared promise so launch, tab pages and the login page never send two codes at once
// (a WeChat login code is single-use).
let wechatLoginInFlight: Promise<User> | null = null

/** WeChat build: wx.login → POST /auth/wechat {code} → keep the token. */
export function signInWithWechat(): Promise<User> {
  if (!wechatLoginInFlight) {
    wechatLoginInFlight = (async () => {
      const { code } = await Taro.login()
      if (!code) throw new Error('微信登录失败，请重试')
      const res = await request<SignedIn>('/auth/wechat', {
        method: 'POST',
        body: { code },
        auth: false,
      })
      return saveSession(res)
    })().finally(() => {
      wechatLoginInFlight = null
    })
  }
  return wechatLoginInFlight
}

/** H5 build: the API's dev sign-in (exists only when the API runs with STAGE local/test). */
export async function signInDev(openid: string, nickname: string, roles: Role[]): Promise<User> {
  const res = await request<SignedIn>('/auth/dev', {
    method: 'POST',
    body: { openid, nickname: nickname || undefined, roles },
    auth: false,
  })
  Taro.setStorageSync(DEV_OPENID_KEY, openid)
  if (nickname) Taro.setStorageSync(DEV_NICKNAME_KEY, nickname)
  return saveSession(res)
}

function randomSuffix(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)]
  return out
}

/** The openid this browser used last, or a new `h5-xxxx` one remembered for next time. */
export function defaultDevOpenid(): string {
  const saved = Taro.getStorageSync(DEV_OPENID_KEY) as string
  if (saved) return saved
  const fresh = `h5-${randomSuffix(10)}`
  Taro.setStorageSync(DEV_OPENID_KEY, fresh)
  return fresh
}

export function lastDevNickname(): string {
  return (Taro.getStorageSync(DEV_NICKNAME_KEY) as string) || ''
}

export function signOut(): void {
  clearSession()
  Taro.setStorageSync(SIGNED_OUT_KEY, '1')
  Taro.reLaunch({ url: LOGIN_PAGE })
}

/**
 * Call at the top of a tab page's useDidShow. Resolves true when a token is there.
 * weapp signs in silently; H5 (no silent sign-in) is sent to the login page.
 */
export async function ensureSignedIn(): Promise<boolean> {
  if (isSignedIn()) return true
  if (IS_WEAPP && !signedOutOnPurpose()) {
    try {
      await signInWithWechat()
      return true
    } catch {
      // Fall through to the login page, which shows a retry button.
    }
  }
  await Taro.reLaunch({ url: LOGIN_PAGE })
  return false
}
