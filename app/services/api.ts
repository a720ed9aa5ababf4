import { request } from './request'
import type { Dream, DreamSort, DreamStatus, LedgerEntry, MeResponse, Page } from './types'

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
