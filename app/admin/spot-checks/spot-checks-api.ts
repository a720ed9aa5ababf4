import type { AnswerOf, BodyOf } from '../../../functions/contract'
import type { openSpotChecksRoute, recordCallRoute, resolveSpotCheckRoute } from '../../../functions/contract/spot-checks'
import { request } from '../../services/request'

const base = (distributionId: string) => `/admin/spot-checks/${encodeURIComponent(distributionId)}`

/** Admin: spot checks with a call-back to make or a dispute to resolve, newest first. */
export function getOpenSpotChecks(cursor?: string | null, limit = 10) {
  return request<AnswerOf<typeof openSpotChecksRoute>>('/admin/spot-checks', { query: { cursor, limit } })
}

/** Admin: one sampled recipient's call-back (confirmed, not reached or disputed). */
export function recordSpotCheckCall(distributionId: string, body: BodyOf<typeof recordCallRoute>) {
  return request<AnswerOf<typeof recordCallRoute>>(`${base(distributionId)}/calls`, { method: 'POST', body })
}

/** Admin: settle a dispute, with why (the distribution is no longer 有争议). */
export function resolveSpotCheck(distributionId: string, body: BodyOf<typeof resolveSpotCheckRoute>) {
  return request<AnswerOf<typeof resolveSpotCheckRoute>>(`${base(distributionId)}/resolve`, { method: 'POST', body })
}
