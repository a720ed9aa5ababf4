import type { AnswerOf } from '../../functions/contract'
import type { spotCheckRoute } from '../../functions/contract/spot-checks'
import { request } from './request'

/**
 * A closed distribution's spot check (public; 404 until it is drawn, just after the close). Apart
 * from dream-distributions.ts, which the main package carries, as only subpackage screens show it.
 */
export function getSpotCheck(distributionId: string) {
  return request<AnswerOf<typeof spotCheckRoute>>(`/distributions/${encodeURIComponent(distributionId)}/spot-check`)
}
