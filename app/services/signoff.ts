// The app's calls of digital sign-off (数字签收), each typed by its route in the contract
// (`import type` only, so no schema reaches the bundle), and the phone's offline queue.
import Taro from '@tarojs/taro'
import type { AnswerOf, BodyOf, UploadPurpose } from '../../functions/contract'
import type {
  addFieldStaffRoute,
  closeDistributionRoute,
  createDistributionRoute,
  distributionTimelineRoute,
  dreamDistributionsRoute,
  getDistributionRoute,
  listFieldStaffRoute,
  removeFieldStaffRoute,
  signRoute,
} from '../../functions/contract/distributions'
import { uploadPhoto } from './letters'
import { ApiError, errorMessage, isRetryable, newIdempotencyKey, request } from './request'
import { SignoffQueue, type QueuedSignoff, type QueueStorage, type SendOutcome } from './signoff-queue'

const at = (id: string) => encodeURIComponent(id)

export function getDreamDistributions(dreamId: string, limit = 20) {
  return request<AnswerOf<typeof dreamDistributionsRoute>>(`/dreams/${at(dreamId)}/distributions`, { query: { limit } })
}

export function createDistribution(dreamId: string, body: BodyOf<typeof createDistributionRoute>) {
  return request<AnswerOf<typeof createDistributionRoute>>(`/dreams/${at(dreamId)}/distributions`, { method: 'POST', body })
}

export function getDistribution(id: string) {
  return request<AnswerOf<typeof getDistributionRoute>>(`/distributions/${at(id)}`)
}

export function getDistributionTimeline(id: string, cursor?: string | null, limit = 50) {
  return request<AnswerOf<typeof distributionTimelineRoute>>(`/distributions/${at(id)}/signoffs`, { query: { cursor, limit } })
}

export function closeDistribution(id: string) {
  return request<AnswerOf<typeof closeDistributionRoute>>(`/distributions/${at(id)}/close`, { method: 'POST' })
}

export function signOff(id: string, body: BodyOf<typeof signRoute>, idempotencyKey: string) {
  return request<AnswerOf<typeof signRoute>>(`/distributions/${at(id)}/signoffs`, { method: 'POST', body, idempotencyKey })
}

export function listFieldStaff(id: string) {
  return request<AnswerOf<typeof listFieldStaffRoute>>(`/distributions/${at(id)}/staff`)
}

export function addFieldStaff(id: string, userId: string) {
  return request<AnswerOf<typeof addFieldStaffRoute>>(`/distributions/${at(id)}/staff`, { method: 'POST', body: { userId } })
}

export function removeFieldStaff(id: string, userId: string) {
  return request<AnswerOf<typeof removeFieldStaffRoute>>(`/distributions/${at(id)}/staff/${at(userId)}`, { method: 'DELETE' })
}

/** Taro's sync storage (wx storage in WeChat, localStorage in H5); a full store throws, which the page reports. */
const taroStorage: QueueStorage = {
  get: (key) => {
    const value = Taro.getStorageSync(key) as unknown
    return typeof value === 'string' && value !== '' ? value : undefined
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}

export const signoffQueue = new SignoffQueue(taroStorage, newIdempotencyKey)

const SIGNOFF_PHOTO: UploadPurpose = 'signoff_photo'

/**
 * Keeps a chosen photo where it survives a restart: WeChat moves the temp file into the app's own
 * files (saveFile); H5 has no such files, so the page's blob URL is kept and lasts while the tab does.
 */
export async function keepPhoto(tempPath: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return tempPath
  const fs = Taro.getFileSystemManager()
  return new Promise((resolve, reject) => {
    fs.saveFile({ tempFilePath: tempPath, success: (res) => resolve(res.savedFilePath), fail: reject })
  })
}

function dropPhoto(path: string | undefined): void {
  if (!path || process.env.TARO_ENV !== 'weapp') return
  Taro.getFileSystemManager().removeSavedFile({ filePath: path, fail: () => undefined })
}

/** Forgets a refused sign-off the person has read, with its saved photo. */
export function forgetQueued(record: QueuedSignoff): void {
  dropPhoto(record.photoPath)
  signoffQueue.remove(record.id)
}

const CODE_WORDS: Record<string, string> = {
  CODE_ALREADY_USED: '这张签收码已经签收过了',
  INVALID_CODE: '这张签收码不属于本次发放',
  DISTRIBUTION_CLOSED: '本次发放已结束，不能再签收',
  VALIDATION_FAILED: '签收时间超出允许范围（须在 7 天之内），或内容有误',
  FORBIDDEN: '你没有这次发放的签收权限',
  NOT_FOUND: '这次发放不存在',
  INVALID_PHOTO: '照片无法使用，请不带照片重新签收',
}

/** A refusal in the words a field worker reads beside the queued sign-off. */
export function refusalText(err: unknown): string {
  return err instanceof ApiError ? CODE_WORDS[err.code] || errorMessage(err) : errorMessage(err)
}

/** Sends one queued record: its photo first (once), then the sign-off with the record's own key and signedAt. */
export async function sendQueued(record: QueuedSignoff, saveProgress: (patch: Partial<QueuedSignoff>) => void): Promise<SendOutcome> {
  try {
    let photo = record.photoId
    if (!photo && record.photoPath) {
      photo = await uploadPhoto({ path: record.photoPath, type: record.photoType }, SIGNOFF_PHOTO)
      saveProgress({ photoId: photo })
    }
    const location = record.location
    await signOff(
      record.distributionId,
      { code: record.code, signedAt: record.signedAt, ...(photo ? { photo } : {}), ...(location ? { location } : {}) },
      record.idempotencyKey,
    )
    dropPhoto(record.photoPath)
    return { kind: 'sent' }
  } catch (err) {
    // Not reached (offline, 5xx) or signed out (the login page opens): kept and sent again later.
    if (isRetryable(err) || (err instanceof ApiError && err.status === 401)) return { kind: 'retry' }
    const code = err instanceof ApiError ? err.code : 'UNKNOWN'
    return { kind: 'refused', code, message: refusalText(err) }
  }
}
