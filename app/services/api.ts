// The app's calls, each typed by its route in the contract (functions/contract): `import type`
// only, so nothing of the contract's schemas reaches the bundle.
import type { AnswerOf, BodyOf, DreamCategory, DreamSort, DreamStatus, LowCarbonAction, StepsInput } from '../../functions/contract'
import type { getMeRoute, myLedgerRoute } from '../../functions/contract/me'
import type {
  adoptDreamRoute,
  dreamReviewQueueRoute,
  getDreamRoute,
  getTeamRoute,
  giveToDreamRoute,
  joinTeamRoute,
  listDreamsRoute,
  myDreamsRoute,
  proposeDreamRoute,
  reviewDreamRoute,
  startTeamRoute,
} from '../../functions/contract/dreams'
import type {
  answerQuizRoute,
  donateStepsRoute,
  listSponsorsRoute,
  listStepDonationsRoute,
  memberCodeRoute,
  previewStepsRoute,
  recordLowCarbonRoute,
  todaysQuizRoute,
} from '../../functions/contract/earning'
import type { markAllNotificationsReadRoute, markNotificationReadRoute, myNotificationsRoute } from '../../functions/contract/notifications'
import type { myStoresRoute } from '../../functions/contract/stores'
import { request } from './request'

export function getMe() {
  return request<AnswerOf<typeof getMeRoute>>('/me')
}

/** Newest first; pass the previous page's nextCursor to continue. */
export function getLedger(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof myLedgerRoute>>('/me/ledger', { query: { cursor, limit } })
}

export interface DreamQuery {
  sort?: DreamSort
  status?: DreamStatus
  category?: DreamCategory
  cursor?: string | null
  limit?: number
}

/** Public list; sent without the token so a stale token cannot turn it into a 401. */
export function getDreams(q: DreamQuery = {}) {
  return request<AnswerOf<typeof listDreamsRoute>>('/dreams', {
    query: { sort: q.sort ?? 'new', status: q.status, category: q.category, cursor: q.cursor, limit: q.limit },
    auth: false,
  })
}

// ---- 一花一梦想 ----

const dreamPath = (id: string) => `/dreams/${encodeURIComponent(id)}`

/** Public, but sent with the token: `viewer.hasGiven` (and an own in-review dream) need it. */
export function getDream(id: string) {
  return request<AnswerOf<typeof getDreamRoute>>(dreamPath(id))
}

/** 201 `{dream}` in review. */
export function proposeDream(input: BodyOf<typeof proposeDreamRoute>) {
  return request<AnswerOf<typeof proposeDreamRoute>>('/dreams', { method: 'POST', body: input })
}

/** 我的梦想: every status, with reviewNote. */
export function getMyDreams(cursor?: string | null, limit = 50) {
  return request<AnswerOf<typeof myDreamsRoute>>('/me/dreams', { query: { cursor, limit } })
}

/** Admin: dreams waiting for review, newest first. */
export function getReviewQueue(cursor?: string | null, limit = 20, proposerId?: string | null) {
  return request<AnswerOf<typeof dreamReviewQueueRoute>>('/admin/dreams', { query: { cursor, limit, proposerId } })
}

export function reviewDream(id: string, input: BodyOf<typeof reviewDreamRoute>) {
  return request<AnswerOf<typeof reviewDreamRoute>>(`${dreamPath(id)}/review`, { method: 'POST', body: input })
}

/** Retry an unanswered gift with the same key and the same body, so it is given once. */
export function giveToDream(id: string, body: BodyOf<typeof giveToDreamRoute>, idempotencyKey: string) {
  return request<AnswerOf<typeof giveToDreamRoute>>(`${dreamPath(id)}/donations`, { method: 'POST', body, idempotencyKey })
}

/** Charity: take on an executable dream. */
export function adoptDream(id: string) {
  return request<AnswerOf<typeof adoptDreamRoute>>(`${dreamPath(id)}/adopt`, { method: 'POST' })
}

// ---- 一起捐 ----

export function startTeam(dreamId: string, name: string) {
  const body: BodyOf<typeof startTeamRoute> = { name }
  return request<AnswerOf<typeof startTeamRoute>>(`${dreamPath(dreamId)}/teams`, { method: 'POST', body })
}

export function joinTeam(code: string) {
  const body: BodyOf<typeof joinTeamRoute> = { code }
  return request<AnswerOf<typeof joinTeamRoute>>('/teams/join', { method: 'POST', body })
}

export function getTeam(id: string) {
  return request<AnswerOf<typeof getTeamRoute>>(`/teams/${encodeURIComponent(id)}`)
}

// ---- 消息通知 ----

export function getNotifications(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof myNotificationsRoute>>('/me/notifications', { query: { cursor, limit } })
}

export function markNotificationRead(id: string) {
  return request<AnswerOf<typeof markNotificationReadRoute>>(`/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' })
}

export function markAllNotificationsRead() {
  return request<AnswerOf<typeof markAllNotificationsReadRoute>>('/me/notifications/read-all', { method: 'POST' })
}

// ---- 捐步 ----

/** What donating these steps would earn now; changes nothing. */
export function previewSteps(input: StepsInput) {
  return request<AnswerOf<typeof previewStepsRoute>>('/steps/preview', { method: 'POST', body: input })
}

/** Once a day. Retry a failed tap with the same key and the same input. */
export function donateSteps(input: StepsInput, idempotencyKey: string) {
  return request<AnswerOf<typeof donateStepsRoute>>('/steps/donations', { method: 'POST', body: input, idempotencyKey })
}

/** Newest first. */
export function getStepDonations(limit = 7) {
  return request<AnswerOf<typeof listStepDonationsRoute>>('/steps/donations', { query: { limit } })
}

/** Public: the step sponsors (益行家) and what is left of their budgets. */
export function getSponsors() {
  return request<AnswerOf<typeof listSponsorsRoute>>('/sponsors', { query: { limit: 100 }, auth: false })
}

// ---- 答题 ----

export function getQuizToday() {
  return request<AnswerOf<typeof todaysQuizRoute>>('/quiz/today')
}

export function answerQuiz(questionId: string, choice: number, idempotencyKey: string) {
  const body: BodyOf<typeof answerQuizRoute> = { questionId, choice }
  return request<AnswerOf<typeof answerQuizRoute>>('/quiz/answers', { method: 'POST', body, idempotencyKey })
}

// ---- 一起低碳 ----

/** A signed, single-use, short-lived member code to show as a QR code. */
export function getMemberCode() {
  return request<AnswerOf<typeof memberCodeRoute>>('/me/member-code')
}

/** The merchant's own stores, any status. */
export function getMyStores() {
  return request<AnswerOf<typeof myStoresRoute>>('/me/stores')
}

export function recordLowcarbonAction(code: string, action: LowCarbonAction, idempotencyKey: string) {
  const body: BodyOf<typeof recordLowCarbonRoute> = { code, action }
  return request<AnswerOf<typeof recordLowCarbonRoute>>('/lowcarbon/actions', { method: 'POST', body, idempotencyKey })
}
