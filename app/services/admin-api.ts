// The admin and merchant consoles' calls, typed by their routes in the contract (`import type`).
import type { AnswerOf, BodyOf } from '../../functions/contract'
import type { auditTrailRoute, changeRoleRoute, findUserRoute } from '../../functions/contract/admin'
import type { createSponsorRoute } from '../../functions/contract/earning'
import type { listJobsRoute } from '../../functions/contract/events'
import type { openStoreRoute, reviewStoreRoute, storeReviewQueueRoute } from '../../functions/contract/stores'
import type { recordPayoutRoute, resumeStoreRoute, storeWindupRoute, suspendStoreRoute, windUpStoreRoute } from '../../functions/contract/store-admin'
import { request } from './request'

/** Admin: one person by openid or user id (whichever the text looks like). */
export function findPerson(lookup: { openid?: string; userId?: string }) {
  return request<AnswerOf<typeof findUserRoute>>('/admin/users', { query: lookup })
}

export function changeRole(userId: string, body: BodyOf<typeof changeRoleRoute>) {
  return request<AnswerOf<typeof changeRoleRoute>>(`/admin/users/${encodeURIComponent(userId)}/roles`, { method: 'POST', body })
}

/** The audit trail: everything, one target's entries, or one person's (the entries about them). */
export function getAuditTrail(filter: { targetId?: string | null; personId?: string | null }, cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof auditTrailRoute>>('/admin/audit', { query: { ...filter, cursor, limit } })
}

export function getStoreQueue(cursor?: string | null, limit = 20, status: 'pending' | 'active' | 'suspended' = 'pending') {
  return request<AnswerOf<typeof storeReviewQueueRoute>>('/admin/stores', { query: { cursor, limit, status } })
}

const storePath = (id: string, what: string) => `/admin/stores/${encodeURIComponent(id)}/${what}`

export function suspendStore(id: string, body: BodyOf<typeof suspendStoreRoute>) {
  return request<AnswerOf<typeof suspendStoreRoute>>(storePath(id, 'suspend'), { method: 'POST', body })
}

export function resumeStore(id: string) {
  return request<AnswerOf<typeof resumeStoreRoute>>(storePath(id, 'resume'), { method: 'POST' })
}

/** The store's money and its last wind-up (refund or move of unredeemed meals). */
export function getStoreMoney(id: string) {
  return request<AnswerOf<typeof storeWindupRoute>>(storePath(id, 'unredeemed'))
}

export function windUpStore(id: string, body: BodyOf<typeof windUpStoreRoute>) {
  return request<AnswerOf<typeof windUpStoreRoute>>(storePath(id, 'unredeemed'), { method: 'POST', body })
}

export function recordPayout(id: string, body: BodyOf<typeof recordPayoutRoute>, idempotencyKey: string) {
  return request<AnswerOf<typeof recordPayoutRoute>>(storePath(id, 'payouts'), { method: 'POST', body, idempotencyKey })
}

export function reviewStore(id: string, body: BodyOf<typeof reviewStoreRoute>) {
  return request<AnswerOf<typeof reviewStoreRoute>>(`/stores/${encodeURIComponent(id)}/review`, { method: 'POST', body })
}

export function createSponsor(body: BodyOf<typeof createSponsorRoute>) {
  return request<AnswerOf<typeof createSponsorRoute>>('/admin/sponsors', { method: 'POST', body })
}

/** Merchant: apply to open a store (it waits for an admin's review). */
export function openStore(body: BodyOf<typeof openStoreRoute>) {
  return request<AnswerOf<typeof openStoreRoute>>('/stores', { method: 'POST', body })
}

/** Admin: fan-out jobs (telling every donor of a dream), newest first, with their progress. */
export function getJobs(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof listJobsRoute>>('/admin/jobs', { query: { cursor, limit } })
}
