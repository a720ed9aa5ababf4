// 小红花来信: the donor's letterbox, the public timeline, the charity's composer and photo uploads,
// the admin's review. Typed by the contract's routes (`import type` only).
import Taro from '@tarojs/taro'
import type { AnswerOf, BodyOf, PhotoType, UploadPurpose } from '../../functions/contract'
import type {
  dreamLettersRoute,
  getLetterRoute,
  letterReviewQueueRoute,
  lettersOfMyDreamRoute,
  myLettersRoute,
  overdueDreamsRoute,
  resubmitLetterRoute,
  retractLetterRoute,
  reviewLetterRoute,
  submitLetterRoute,
} from '../../functions/contract/letters'
import type { requestUploadRoute } from '../../functions/contract/uploads'
import { ApiError, getToken, request } from './request'

const id = (value: string) => encodeURIComponent(value)

/** The donor's letterbox, newest first, with the exact unread count. */
export function getMyLetters(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof myLettersRoute>>('/me/letters', { query: { cursor, limit } })
}

/** 204; reading again is the same. */
export function markLetterRead(letterId: string) {
  return request<void>(`/me/letters/${id(letterId)}/read`, { method: 'POST' })
}

export function getLetter(letterId: string) {
  return request<AnswerOf<typeof getLetterRoute>>(`/letters/${id(letterId)}`)
}

/** A dream's public timeline of published letters and updates. */
export function getDreamLetters(dreamId: string, cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof dreamLettersRoute>>(`/dreams/${id(dreamId)}/letters`, { query: { cursor, limit }, auth: false })
}

/** Charity: every letter of a dream it adopted, any state, with review notes. */
export function getMyDreamLetters(dreamId: string, cursor?: string | null, limit = 50) {
  return request<AnswerOf<typeof lettersOfMyDreamRoute>>(`/charity/dreams/${id(dreamId)}/letters`, { query: { cursor, limit } })
}

export type LetterInput = BodyOf<typeof submitLetterRoute>

export function submitLetter(dreamId: string, input: LetterInput) {
  return request<AnswerOf<typeof submitLetterRoute>>(`/dreams/${id(dreamId)}/letters`, { method: 'POST', body: input })
}

export function resubmitLetter(letterId: string, input: BodyOf<typeof resubmitLetterRoute>) {
  return request<AnswerOf<typeof resubmitLetterRoute>>(`/letters/${id(letterId)}/resubmit`, { method: 'POST', body: input })
}

export function getLetterQueue(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof letterReviewQueueRoute>>('/admin/letters', { query: { cursor, limit } })
}

export function reviewLetter(letterId: string, input: BodyOf<typeof reviewLetterRoute>) {
  return request<AnswerOf<typeof reviewLetterRoute>>(`/letters/${id(letterId)}/review`, { method: 'POST', body: input })
}

/** An admin takes back a published letter with a reason; it stays readable as 已撤回. */
export function retractLetter(letterId: string, input: BodyOf<typeof retractLetterRoute>) {
  return request<AnswerOf<typeof retractLetterRoute>>(`/letters/${id(letterId)}/retract`, { method: 'POST', body: input })
}

export function getOverdueDreams(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof overdueDreamsRoute>>('/admin/letters/overdue', { query: { cursor, limit } })
}

const TYPES: Record<string, PhotoType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }

/** The image type a chosen file claims by its name (the server believes only its bytes). */
function declaredType(file: { path: string; type?: string }): PhotoType {
  if (file.type && Object.values(TYPES).includes(file.type as PhotoType)) return file.type as PhotoType
  const extension = /\.([a-z0-9]+)$/i.exec(file.path)?.[1]?.toLowerCase() ?? ''
  return TYPES[extension] ?? 'image/jpeg'
}

/**
 * One photo: ask the API for an upload grant, then send the file with Taro.uploadFile to the grant's
 * url, a route on the API's own host, signed in like any request (a mini-program may upload only to
 * hosts in its uploadFile domain list, and only the API's filed domain can be there). Resolves with
 * the upload id a letter (or a cover, an avatar) names.
 */
export async function uploadPhoto(file: { path: string; size?: number; type?: string }, purpose: UploadPurpose = 'letter_photo'): Promise<string> {
  const { upload } = await request<AnswerOf<typeof requestUploadRoute>>('/uploads', {
    method: 'POST',
    body: { purpose, contentType: declaredType(file) },
  })
  const limit = `照片不能超过 ${Math.floor(upload.maxBytes / (1024 * 1024))}MB`
  if (file.size !== undefined && file.size > upload.maxBytes) throw new ApiError(400, 'INVALID_PHOTO', limit)
  let answer: Taro.uploadFile.SuccessCallbackResult
  try {
    // The token goes as a header, never as a cookie (H5 sends none with withCredentials off).
    answer = await Taro.uploadFile({
      url: upload.url,
      filePath: file.path,
      name: 'file',
      formData: upload.fields,
      header: { Authorization: `Bearer ${getToken()}` },
      withCredentials: false,
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '照片上传失败，请检查网络后重试')
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw uploadRefusal(answer.statusCode, answer.data)
  return upload.id
}

/** The API's refusal of a sent file (uploadFile gives its body as text), in the words it chose. */
function uploadRefusal(status: number, data: unknown): ApiError {
  let error: { code?: unknown; message?: unknown } | undefined
  try {
    error = (JSON.parse(String(data)) as { error?: typeof error }).error
  } catch {
    error = undefined
  }
  const code = typeof error?.code === 'string' ? error.code : 'UPLOAD_FAILED'
  const message = typeof error?.message === 'string' && error.message ? error.message : '照片上传失败，请重试'
  return new ApiError(status, code, message)
}
