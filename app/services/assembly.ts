// 公益股东人大会: scheduling, the assembly page, questions, votes, reports, answers, minutes and
// joining the meeting. Typed by the contract's routes (`import type` only).
import type { AnswerOf, BodyOf } from '../../functions/contract'
import type {
  answerQuestionRoute,
  askQuestionRoute,
  getAssemblyRoute,
  joinAssemblyRoute,
  publishMinutesRoute,
  reportQuestionRoute,
  scheduleAssemblyRoute,
  voteQuestionRoute,
} from '../../functions/contract/assemblies'
import { request } from './request'

const id = (value: string) => encodeURIComponent(value)

export type AssemblyPage = AnswerOf<typeof getAssemblyRoute>
export type Assembly = AssemblyPage['assembly']
export type Question = AssemblyPage['questions'][number]

export function getAssembly(assemblyId: string) {
  return request<AssemblyPage>(`/assemblies/${id(assemblyId)}`)
}

export function scheduleAssembly(dreamId: string, input: BodyOf<typeof scheduleAssemblyRoute>) {
  return request<AnswerOf<typeof scheduleAssemblyRoute>>(`/dreams/${id(dreamId)}/assemblies`, { method: 'POST', body: input })
}

/** Counts the caller in the attendance; the link comes back once the meeting is about to start. */
export function joinAssembly(assemblyId: string) {
  return request<AnswerOf<typeof joinAssemblyRoute>>(`/assemblies/${id(assemblyId)}/join`, { method: 'POST' })
}

export function askQuestion(assemblyId: string, text: string) {
  return request<AnswerOf<typeof askQuestionRoute>>(`/assemblies/${id(assemblyId)}/questions`, { method: 'POST', body: { text } })
}

export function voteQuestion(questionId: string) {
  return request<AnswerOf<typeof voteQuestionRoute>>(`/questions/${id(questionId)}/votes`, { method: 'POST' })
}

export function reportQuestion(questionId: string, input: BodyOf<typeof reportQuestionRoute> = {}) {
  return request<AnswerOf<typeof reportQuestionRoute>>(`/questions/${id(questionId)}/reports`, { method: 'POST', body: input })
}

export function answerQuestion(questionId: string, input: BodyOf<typeof answerQuestionRoute>) {
  return request<AnswerOf<typeof answerQuestionRoute>>(`/questions/${id(questionId)}/answer`, { method: 'POST', body: input })
}

export function publishMinutes(assemblyId: string, minutes: string) {
  return request<AnswerOf<typeof publishMinutesRoute>>(`/assemblies/${id(assemblyId)}/minutes`, { method: 'POST', body: { minutes } })
}
