import Taro from '@tarojs/taro'

// WeChat asks two different questions before a personal-data API runs: has the person agreed to
// this mini-program's privacy guide (隐私保护指引), and have they granted the API's scope (e.g.
// scope.werun). A refusal of each needs a different way back: the guide is shown again by
// wx.requirePrivacyAuthorize, a scope is turned back on only in the settings page. Settings cannot
// undo a refused guide, so the two are never answered with the same words. H5 has neither.

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** Why a WeChat API failed, as far as the person is concerned. */
export type WechatFailure = 'privacy' | 'permission' | 'cancel' | 'other'

/** WeChat's errno when the privacy guide was refused (or the agree button id was wrong). */
const PRIVACY_NOT_AUTHORIZED = 104

/** Sorts a WeChat API failure: a refused privacy guide, a refused scope, a cancel, or anything else. */
export function classifyWechatFailure(err: unknown): WechatFailure {
  const { errno, errMsg } = (err ?? {}) as { errno?: number; errMsg?: string }
  const message = typeof errMsg === 'string' ? errMsg.toLowerCase() : ''
  if (errno === PRIVACY_NOT_AUTHORIZED || message.includes('privacy')) return 'privacy'
  if (message.includes('auth deny') || message.includes('auth denied') || message.includes('scope')) return 'permission'
  if (message.includes('cancel')) return 'cancel'
  return 'other'
}

/** What the person is told, and what the one button does, for a refusal they can undo. */
export interface RefusalAdvice {
  message: string
  action: string
}

/** The words for a refused guide or a refused scope; null when there is nothing to say (a cancel, another error). */
export function refusalAdvice(kind: WechatFailure, permission: string): RefusalAdvice | null {
  if (kind === 'privacy') return { message: `需要你同意隐私保护指引，才能${permission}`, action: '查看隐私保护指引' }
  if (kind === 'permission') return { message: `你已拒绝授权，请在设置中允许“${permission}”后再试`, action: '去设置开启' }
  return null
}

/** Shows the privacy guide popup again; resolves true once the person agreed. */
export function showPrivacyGuideAgain(): Promise<boolean> {
  if (!IS_WEAPP || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true)
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}

/** Opens the mini-program's settings page; resolves the scopes as they are afterwards. */
export async function openPermissionSettings(): Promise<Record<string, boolean>> {
  if (!IS_WEAPP) return {}
  const res = await Taro.openSetting()
  return res.authSetting as Record<string, boolean>
}

/** Opens the full privacy guide as registered with WeChat. */
export function openPrivacyContract(): void {
  if (!IS_WEAPP || typeof Taro.openPrivacyContract !== 'function') return
  Taro.openPrivacyContract({ fail: () => Taro.navigateTo({ url: '/privacy/index' }) })
}

/**
 * After a failed call to a personal-data API (clipboard, photos): a refused guide or scope gets a
 * dialog whose button leads back (the guide again, or settings); a cancel gets nothing. Resolves
 * what the failure was, so the caller can still show its own words for 'other'.
 */
export async function explainRefusal(err: unknown, permission: string): Promise<WechatFailure> {
  const kind = classifyWechatFailure(err)
  const advice = refusalAdvice(kind, permission)
  if (!IS_WEAPP || !advice) return kind
  const { confirm } = await Taro.showModal({
    title: kind === 'privacy' ? '需要你同意隐私保护指引' : '需要你的授权',
    content: advice.message,
    confirmText: kind === 'privacy' ? '查看指引' : '去设置',
  })
  if (!confirm) return kind
  if (kind === 'privacy') await showPrivacyGuideAgain()
  else await openPermissionSettings().catch(() => undefined)
  return kind
}
