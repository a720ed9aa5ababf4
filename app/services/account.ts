import Taro from '@tarojs/taro'
import { request } from './request'
import type { AnswerOf } from '../../functions/contract'
import type { exportMyDataRoute, updateProfileRoute } from '../../functions/contract/me'

/**
 * PUT /me/profile: the nickname, after WeChat's check (409 CONTENT_UNSAFE when it fails), and an
 * avatar when given (an upload of purpose avatar; shown once WeChat's image check passed it).
 */
export function updateProfile(nickname: string, avatarUploadId?: string) {
  const body = avatarUploadId ? { nickname, avatarUploadId } : { nickname }
  return request<AnswerOf<typeof updateProfileRoute>>('/me/profile', { method: 'PUT', body })
}

export function exportMyData() {
  return request<AnswerOf<typeof exportMyDataRoute>>('/me/export')
}

/** DELETE /me: 204, or 409 ACCOUNT_HAS_DUTIES. */
export function closeAccount() {
  return request<void>('/me', { method: 'DELETE' })
}

/** The export's file name: the day it was made, so several exports do not overwrite each other. */
export function exportFileName(exportedAt: string): string {
  return `xiaohonghua-my-data-${exportedAt.slice(0, 10)}.json`
}

/**
 * Hands the export to the person as a file. H5: a download of a .json Blob. WeChat: the file is
 * written to the mini-program's user folder and offered to send to a chat (where it can be
 * saved); where that is unavailable, the text is copied instead.
 */
export async function deliverExport(text: string, fileName: string): Promise<'downloaded' | 'shared' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    // Revoked a moment later: some browsers start the download after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName })
    return 'shared'
  } catch {
    await Taro.setClipboardData({ data: text })
    return 'copied'
  }
}
