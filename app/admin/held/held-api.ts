import type { AnswerOf, BodyOf } from '../../../functions/contract'
import type { heldQueueRoute, reviewHeldRoute } from '../../../functions/contract/held'
import { request } from '../../services/request'

/** Admin: the texts held for a person's look, newest first. */
export function getHeldTexts(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof heldQueueRoute>>('/admin/held', { query: { cursor, limit } })
}

/** Admin: clear a held text (others may see it) or remove it (it stays hidden for good). */
export function reviewHeldText(id: string, body: BodyOf<typeof reviewHeldRoute>) {
  return request<AnswerOf<typeof reviewHeldRoute>>(`/admin/held/${encodeURIComponent(id)}/review`, { method: 'POST', body })
}
