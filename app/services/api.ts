// The app's calls, each typed by its route in the contract (functions/contract): `import type`
// only, so nothing of the contract's schemas reaches the bundle.
import type { AnswerOf, BodyOf, DreamCategory, DreamSort, DreamStatus } from '../../functions/contract'
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
import type { listSponsorsRoute } from '../../functions/contract/earning'
import type { markAllNotificationsReadRoute, markNotificationReadRoute, myNotificationsRoute } from '../../functions/contract/notifications'
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

// ---- 捐步的赞助方 (the steps calls are in earning-api.ts) ----

/** Public: the step sponsors (益行家) and what is left of their budgets. */
export function getSponsors() {
  return request<AnswerOf<typeof listSponsorsRoute>>('/sponsors', { query: { limit: 100 }, auth: false })
}
