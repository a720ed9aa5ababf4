// The one letters call the dream page makes, apart from letters.ts so that the rest of the letters
// calls (the letterbox, the charity's composer, the admin's review) ride in their subpackages only.
import type { AnswerOf } from '../../functions/contract'
import type { dreamLettersRoute } from '../../functions/contract/letters'
import { request } from './request'

/** A dream's public timeline of published letters and updates. */
export function getDreamLetters(dreamId: string, cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof dreamLettersRoute>>(`/dreams/${encodeURIComponent(dreamId)}/letters`, { query: { cursor, limit }, auth: false })
}
