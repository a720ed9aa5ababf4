// The roster page's own read: one employer's rows, typed by its route in the contract.
import type { AnswerOf } from '../../../functions/contract'
import type { rosterRoute } from '../../../functions/contract/meals'
import { request } from '../../services/request'

export type RosterEntry = AnswerOf<typeof rosterRoute>['items'][number]

/** A row keyed by its employee number, as a paged list keys its items. */
export type ListedRosterRow = RosterEntry & { id: string }

/** One page of an employer's roster rows, by employee number. */
export function getRosterRows(employer: string, cursor?: string | null, limit = 50) {
  return request<AnswerOf<typeof rosterRoute>>('/workers/roster', { query: { employer, cursor, limit } })
}
