import type { AnswerOf } from '../../functions/contract'
import type { dreamDistributionsRoute } from '../../functions/contract/distributions'
import { request } from './request'

export type DreamDistribution = AnswerOf<typeof dreamDistributionsRoute>['items'][number]

/**
 * A dream's distributions (public), newest first: what a statement line may cite, what a citing
 * line shows beside it and what the transparency panel counts. Kept apart from the sign-off
 * pages' services so the dream page and the letters carry only this one call.
 */
export async function dreamDistributions(dreamId: string, limit = 100): Promise<DreamDistribution[]> {
  const page = await request<AnswerOf<typeof dreamDistributionsRoute>>(`/dreams/${encodeURIComponent(dreamId)}/distributions`, { query: { limit } })
  return page.items
}

/** Every listed recipient signed for their goods (签收完毕). */
export const signedInFull = (distribution: Pick<DreamDistribution, 'signedCount' | 'recipientCount'>): boolean =>
  distribution.recipientCount > 0 && distribution.signedCount >= distribution.recipientCount
