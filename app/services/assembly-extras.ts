// Promises (承诺) and live polls of the assemblies, typed by the contract's routes (`import type`
// only: the contract modules carry zod, which the app leaves out).
import type { AnswerOf } from '../../functions/contract'
import type { closePollRoute, answerPollRoute, assemblyPollsRoute, openPollRoute } from '../../functions/contract/polls'
import type { makePromiseRoute, settlePromiseRoute } from '../../functions/contract/promises'
import { request } from './request'

const id = (value: string) => encodeURIComponent(value)

export type { DreamPromise } from './assembly-reads'
export type Poll = AnswerOf<typeof assemblyPollsRoute>['items'][number]

export function makePromise(assemblyId: string, input: { text: string; dueDate: string; questionId?: string }) {
  return request<AnswerOf<typeof makePromiseRoute>>(`/assemblies/${id(assemblyId)}/promises`, { method: 'POST', body: input })
}

export function settlePromise(promiseId: string, status: 'done' | 'unmet') {
  return request<AnswerOf<typeof settlePromiseRoute>>(`/promises/${id(promiseId)}/status`, { method: 'POST', body: { status } })
}

export function getAssemblyPolls(assemblyId: string) {
  return request<AnswerOf<typeof assemblyPollsRoute>>(`/assemblies/${id(assemblyId)}/polls`)
}

export function openPoll(assemblyId: string, input: { question: string; options: string[] }) {
  return request<AnswerOf<typeof openPollRoute>>(`/assemblies/${id(assemblyId)}/polls`, { method: 'POST', body: input })
}

export function closePoll(pollId: string) {
  return request<AnswerOf<typeof closePollRoute>>(`/polls/${id(pollId)}/close`, { method: 'POST' })
}

export function answerPoll(pollId: string, option: number) {
  return request<AnswerOf<typeof answerPollRoute>>(`/polls/${id(pollId)}/answers`, { method: 'POST', body: { option } })
}
