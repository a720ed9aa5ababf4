// Earning flowers (捐步, 答题, 一起低碳): calls only subpackage pages make, kept out of api.ts so that
// the main package, which carries api.ts for its own pages, does not carry these too.
import type { AnswerOf, BodyOf, LowCarbonAction, StepsInput } from '../../functions/contract'
import type {
  answerQuizRoute,
  donateStepsRoute,
  listStepDonationsRoute,
  memberCodeRoute,
  previewStepsRoute,
  recordLowCarbonRoute,
  todaysQuizRoute,
} from '../../functions/contract/earning'
import type { myStoresRoute } from '../../functions/contract/stores'
import { request } from './request'

// ---- 捐步 ----

/** What donating these steps would earn now; changes nothing. */
export function previewSteps(input: StepsInput) {
  return request<AnswerOf<typeof previewStepsRoute>>('/steps/preview', { method: 'POST', body: input })
}

/** Once a day. Retry a failed tap with the same key and the same input. */
export function donateSteps(input: StepsInput, idempotencyKey: string) {
  return request<AnswerOf<typeof donateStepsRoute>>('/steps/donations', { method: 'POST', body: input, idempotencyKey })
}

/** Newest first. */
export function getStepDonations(limit = 7) {
  return request<AnswerOf<typeof listStepDonationsRoute>>('/steps/donations', { query: { limit } })
}

// ---- 答题 ----

export function getQuizToday() {
  return request<AnswerOf<typeof todaysQuizRoute>>('/quiz/today')
}

export function answerQuiz(questionId: string, choice: number, idempotencyKey: string) {
  const body: BodyOf<typeof answerQuizRoute> = { questionId, choice }
  return request<AnswerOf<typeof answerQuizRoute>>('/quiz/answers', { method: 'POST', body, idempotencyKey })
}

// ---- 一起低碳 ----

/** A signed, single-use, short-lived member code to show as a QR code. */
export function getMemberCode() {
  return request<AnswerOf<typeof memberCodeRoute>>('/me/member-code')
}

/** The merchant's own stores, any status. */
export function getMyStores() {
  return request<AnswerOf<typeof myStoresRoute>>('/me/stores')
}

export function recordLowcarbonAction(code: string, action: LowCarbonAction, idempotencyKey: string) {
  const body: BodyOf<typeof recordLowCarbonRoute> = { code, action }
  return request<AnswerOf<typeof recordLowCarbonRoute>>('/lowcarbon/actions', { method: 'POST', body, idempotencyKey })
}
