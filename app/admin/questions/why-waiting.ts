import type { AnswerOf } from '../../../functions/contract'
import type { reportedQuestionsRoute } from '../../../functions/contract/assemblies'

type Question = AnswerOf<typeof reportedQuestionsRoute>['items'][number]['question']

/**
 * Why a question waits for an admin: WeChat's text check asked a person to look at it, donors
 * reported it, or both. An admin weighs the two differently, so the card says which. (`held` also
 * marks a held answer for admins; that is the answer's review, not this question's.)
 */
export function whyWaiting(question: Pick<Question, 'held' | 'answerHeld' | 'reportCount'>): string {
  const reasons: string[] = []
  if (question.held && !question.answerHeld) reasons.push('微信内容检查要求人工复核')
  if (question.reportCount) reasons.push(`被举报 ${question.reportCount} 次`)
  return reasons.length ? reasons.join('，') : '等待复核'
}
