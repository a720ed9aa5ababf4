import type { personView } from '../../functions/admin/people'
import type { AuditRecord } from '../../functions/domain/audit'
import type { GrantableRole, RoleAction } from '../../functions/domain/roles'
import type { storeView } from '../../functions/stores/stores'
import type { Sponsor } from '../../functions/domain/steps'
import { request } from './request'
import type { Page } from './types'

// Types come from the functions themselves (`import type`: nothing of them reaches the bundle).
export type Person = ReturnType<typeof personView>
export type StoreView = ReturnType<typeof storeView>
export type PendingStore = StoreView & { owner: { id: string; nickname: string } }
export type { AuditRecord, GrantableRole, RoleAction, Sponsor }

/** Admin: one person by openid or user id (whichever the text looks like). */
export function findPerson(lookup: { openid?: string; userId?: string }): Promise<{ user: Person }> {
  return request<{ user: Person }>('/admin/users', { query: lookup })
}

export function changeRole(userId: string, body: { role: GrantableRole; action: RoleAction; reason: string }): Promise<{ user: Person; changed: boolean }> {
  return request<{ user: Person; changed: boolean }>(`/admin/users/${encodeURIComponent(userId)}/roles`, { method: 'POST', body })
}

export function getAuditTrail(targetId?: string | null, cursor?: string | null, limit = 20): Promise<Page<AuditRecord>> {
  return request<Page<AuditRecord>>('/admin/audit', { query: { targetId, cursor, limit } })
}

export function getStoreQueue(cursor?: string | null, limit = 20): Promise<Page<PendingStore>> {
  return request<Page<PendingStore>>('/admin/stores', { query: { cursor, limit } })
}

export function reviewStore(id: string, body: { decision: 'approve' | 'reject'; note?: string }): Promise<{ store: StoreView }> {
  return request<{ store: StoreView }>(`/stores/${encodeURIComponent(id)}/review`, { method: 'POST', body })
}

export function createSponsor(body: {
  name: string
  logoText: string
  fenPer10kSteps: number
  budgetFen: number
  reason?: string
}): Promise<{ sponsor: Sponsor }> {
  return request<{ sponsor: Sponsor }>('/admin/sponsors', { method: 'POST', body })
}

/** Merchant: apply to open a store (it waits for an admin's review). */
export function openStore(body: { name: string; city: string; address: string }): Promise<{ store: StoreView }> {
  return request<{ store: StoreView }>('/stores', { method: 'POST', body })
}
