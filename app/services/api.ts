import { request } from './request'
import type {
  AppNotification,
  Dream,
  DreamCategory,
  DreamDetail,
  DreamDonationResult,
  DreamSort,
  DreamStatus,
  LedgerEntry,
  LowcarbonAction,
  LowcarbonActionKind,
  MeResponse,
  MemberCode,
  Page,
  ProposeDreamInput,
  QuizAnswerResult,
  QuizToday,
  StepDonation,
  StepDonationResult,
  StepsInput,
  StepsPreview,
  Store,
  Team,
  TeamDetail,
  ReviewDreamInput,
} from './types'
import type { Sponsor } from '../../functions/domain/steps'

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
  category?: DreamCategory
  cursor?: string | null
  limit?: number
}

/** Public list; sent without the token so a stale token cannot turn it into a 401. */
export function getDreams(q: DreamQuery = {}): Promise<Page<Dream>> {
  return request<Page<Dream>>('/dreams', {
    query: { sort: q.sort ?? 'new', status: q.status, category: q.category, cursor: q.cursor, limit: q.limit },
    auth: false,
  })
}

// ---- 一花一梦想 ----

const dreamPath = (id: string) => `/dreams/${encodeURIComponent(id)}`

/** Public, but sent with the token: `viewer.hasGiven` (and an own in-review dream) need it. */
export function getDream(id: string): Promise<DreamDetail> {
  return request<DreamDetail>(dreamPath(id))
}

/** 201 `{dream}` in review. */
export function proposeDream(input: ProposeDreamInput): Promise<{ dream: Dream }> {
  return request<{ dream: Dream }>('/dreams', { method: 'POST', body: input })
}

/** 我的梦想: every status, with reviewNote. */
export function getMyDreams(cursor?: string | null, limit = 50): Promise<Page<Dream>> {
  return request<Page<Dream>>('/me/dreams', { query: { cursor, limit } })
}

/** Admin: dreams waiting for review, newest first. */
export function getReviewQueue(cursor?: string | null, limit = 20): Promise<Page<Dream>> {
  return request<Page<Dream>>('/admin/dreams', { query: { cursor, limit } })
}

export function reviewDream(id: string, input: ReviewDreamInput): Promise<{ dream: Dream }> {
  return request<{ dream: Dream }>(`${dreamPath(id)}/review`, { method: 'POST', body: input })
}

/** Retry an unanswered gift with the same key and the same body, so it is given once. */
export function giveToDream(id: string, body: { flowers: number; teamId?: string }, idempotencyKey: string): Promise<DreamDonationResult> {
  return request<DreamDonationResult>(`${dreamPath(id)}/donations`, { method: 'POST', body, idempotencyKey })
}

/** Charity: take on an executable dream. */
export function adoptDream(id: string): Promise<{ dream: Dream }> {
  return request<{ dream: Dream }>(`${dreamPath(id)}/adopt`, { method: 'POST' })
}

// ---- 一起捐 ----

export function startTeam(dreamId: string, name: string): Promise<{ team: Team }> {
  return request<{ team: Team }>(`${dreamPath(dreamId)}/teams`, { method: 'POST', body: { name } })
}

export function joinTeam(code: string): Promise<{ team: Team }> {
  return request<{ team: Team }>('/teams/join', { method: 'POST', body: { code } })
}

export function getTeam(id: string): Promise<TeamDetail> {
  return request<TeamDetail>(`/teams/${encodeURIComponent(id)}`)
}

// ---- 消息通知 ----

export function getNotifications(cursor?: string | null, limit = 20): Promise<Page<AppNotification>> {
  return request<Page<AppNotification>>('/me/notifications', { query: { cursor, limit } })
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

/** Public: the step sponsors (益行家) and what is left of their budgets. */
export function getSponsors(): Promise<Page<Sponsor>> {
  return request<Page<Sponsor>>('/sponsors', { query: { limit: 100 }, auth: false })
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

export function recordLowcarbonAction(code: string, action: LowcarbonActionKind, idempotencyKey: string): Promise<{ action: LowcarbonAction }> {
  return request<{ action: LowcarbonAction }>('/lowcarbon/actions', {
    method: 'POST',
    body: { code, action },
    idempotencyKey,
  })
}
