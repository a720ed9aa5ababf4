import { request } from './request'
import type {
  Dream,
  DreamSort,
  DreamStatus,
  LedgerEntry,
  LowcarbonAction,
  LowcarbonActionKind,
  MeResponse,
  MemberCode,
  Page,
  QuizAnswerResult,
  QuizToday,
  StepDonation,
  StepDonationResult,
  StepsInput,
  StepsPreview,
  Store,
} from './types'

export function getMe(): Promise<MeResponse> {
  return request<MeResponse>('/me')
}

/** Newest first; pass the previous page's nextCursor to continue. */
export function getLedger(cursor?: string | null, limit = 20): Promise<Page<LedgerEntry>> {
  return request<Page<LedgerEntry>>('/me/ledger', { query: { cursor, limit } })
}

export interface DreamQuery {
  sort?: DreamSort
  status?: DreamStatus
  cursor?: string | null
  limit?: number
}

/** Public list; sent without the token so a stale token cannot turn it into a 401. */
export function getDreams(q: DreamQuery = {}): Promise<Page<Dream>> {
  return request<Page<Dream>>('/dreams', {
    query: { sort: q.sort ?? 'new', status: q.status, cursor: q.cursor, limit: q.limit },
    auth: false,
  })
}

// ---- 捐步 ----

/** What donating these steps would earn now; changes nothing. */
export function previewSteps(input: StepsInput): Promise<StepsPreview> {
  return request<StepsPreview>('/steps/preview', { method: 'POST', body: input })
}

/** Once a day. Retry a failed tap with the same key and the same input. */
export function donateSteps(input: StepsInput, idempotencyKey: string): Promise<StepDonationResult> {
  return request<StepDonationResult>('/steps/donations', { method: 'POST', body: input, idempotencyKey })
}

/** Newest first. */
export function getStepDonations(limit = 7): Promise<Page<StepDonation>> {
  return request<Page<StepDonation>>('/steps/donations', { query: { limit } })
}

// ---- 答题 ----

export function getQuizToday(): Promise<QuizToday> {
  return request<QuizToday>('/quiz/today')
}

export function answerQuiz(questionId: string, choice: number, idempotencyKey: string): Promise<QuizAnswerResult> {
  return request<QuizAnswerResult>('/quiz/answers', { method: 'POST', body: { questionId, choice }, idempotencyKey })
}

// ---- 一起低碳 ----

/** A signed, single-use, short-lived member code to show as a QR code. */
export function getMemberCode(): Promise<MemberCode> {
  return request<MemberCode>('/me/member-code')
}

/** The merchant's own stores, any status. */
export function getMyStores(): Promise<Page<Store>> {
  return request<Page<Store>>('/me/stores')
}

export function recordLowcarbonAction(
  code: string,
  action: LowcarbonActionKind,
  idempotencyKey: string,
): Promise<{ action: LowcarbonAction }> {
  return request<{ action: LowcarbonAction }>('/lowcarbon/actions', {
    method: 'POST',
    body: { code, action },
    idempotencyKey,
  })
}
