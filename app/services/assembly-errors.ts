// Chinese text for the refusals of the assembly routes. Some codes read differently here than
// elsewhere (ALREADY_ANSWERED is a quiz question answered twice on the earning pages), so the
// assembly pages ask this first and fall back to the app-wide messages.
import { ApiError, errorMessage } from './request'

const MESSAGES: Record<string, string> = {
  QUESTIONS_CLOSED: '提问和投票已截止',
  ALREADY_VOTED: '你已经给这个问题投过票了',
  ALREADY_REPORTED: '你已经举报过这个问题了',
  ALREADY_ANSWERED: '这个问题已经答复过了',
  ASSEMBLY_CLOSED: '大会已经结束，纪要已公布',
  NOT_STARTED: '会议还没开始，开始前 10 分钟可以加入',
  NOT_ADOPTED: '梦想被认领后才能召开股东大会',
  UNANSWERED_QUESTIONS: '得票最多的前几个问题还没有答复，请先逐一答复或说明理由后再发布纪要',
  POLL_CLOSED: '投票已结束',
  PROMISE_SETTLED: '这项承诺已经标记过了',
  CONTENT_UNSAFE: '内容未通过微信安全检查，请修改后再提交',
}

// A 403 on these routes means the person is not among the dream's donors (or voted on their own question).
const FORBIDDEN_TEXT = '只有支持过这个梦想的人可以参与（不能给自己的问题投票）'

export function assemblyErrorMessage(err: unknown, fallback?: string): string {
  if (err instanceof ApiError) {
    if (err.code === 'ALREADY_ANSWERED' && err.path?.startsWith('/polls/')) return '你已经参与过这个投票了'
    if (MESSAGES[err.code]) return MESSAGES[err.code]
    if (err.status === 403) return FORBIDDEN_TEXT
  }
  return errorMessage(err, fallback)
}
