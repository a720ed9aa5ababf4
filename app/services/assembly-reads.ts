// The two public reads the dream page's strip makes, apart from the rest of the assembly calls so
// that only these few lines ride in the mini-program's main package.
import type { AnswerOf } from '../../functions/contract'
import type { dreamAssembliesRoute } from '../../functions/contract/assemblies'
import type { dreamPromisesRoute } from '../../functions/contract/promises'
import { request } from './request'

export type AssemblySummary = AnswerOf<typeof dreamAssembliesRoute>['items'][number]
export type DreamPromise = AnswerOf<typeof dreamPromisesRoute>['items'][number]

/** A dream's assemblies, the next or latest first (public). */
export function getDreamAssemblies(dreamId: string, limit = 20) {
  return request<AnswerOf<typeof dreamAssembliesRoute>>(`/dreams/${encodeURIComponent(dreamId)}/assemblies`, { query: { limit } })
}

/** Every promise made to a dream's donors, the latest due date first (public). */
export function getDreamPromises(dreamId: string) {
  return request<AnswerOf<typeof dreamPromisesRoute>>(`/dreams/${encodeURIComponent(dreamId)}/promises`)
}

/** The assembly page of one assembly. */
export const assemblyPageUrl = (assemblyId: string) => `/assembly/detail/index?id=${encodeURIComponent(assemblyId)}`
