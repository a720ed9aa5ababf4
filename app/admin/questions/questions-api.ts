import type { AnswerOf, BodyOf } from '../../../functions/contract'
import type { reportedQuestionsRoute, reviewQuestionRoute } from '../../../functions/contract/assemblies'
import { request } from '../../services/request'

/** Admin: assembly questions hidden by reports (or held by WeChat's check), oldest first. */
export function getReportedQuestions(cursor?: string | null, limit = 20) {
  return request<AnswerOf<typeof reportedQuestionsRoute>>('/admin/questions/reported', { query: { cursor, limit } })
}

/** Admin: show a question again (reports no longer hide it) or remove it for good. */
export function reviewQuestion(id: string, body: BodyOf<typeof reviewQuestionRoute>) {
  return request<AnswerOf<typeof reviewQuestionRoute>>(`/admin/questions/${encodeURIComponent(id)}/review`, { method: 'POST', body })
}
