// 小红花来信: the donor's letterbox, the charity's composer and the admin's review (the public
// timeline and photo uploads are re-offered from their own files). Typed by the contract's routes (`import type` only).
import type { AnswerOf, BodyOf } from '../../functions/contract'
import type {
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
import { request } from './request'

// The two calls main-package screens make live in their own files (the dream page, the photo
// picker); they are offered here too, so the subpackages keep one place to import letters from.
export { getDreamLetters } from './dream-letters'
export { uploadPhoto } from './photo-upload'

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
