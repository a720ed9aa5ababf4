// The order of an assembly's questions and the ones that must be answered before the minutes,
// as the API decides them: most votes first, ties asked earlier first. Pure, so a vote can move a
// question on the page without reloading it.
import rules from '../../config/rules.json'

interface Ranked {
  votes: number
  askedAt: string
  status: string
}

/** How many of the most-voted questions the charity must answer before it publishes the minutes. */
export const MUST_ANSWER: number = (rules as { assemblies?: { mustAnswer?: number } }).assemblies?.mustAnswer ?? 5

export function byVotes<T extends Ranked>(questions: T[]): T[] {
  return [...questions].sort((a, b) => b.votes - a.votes || Date.parse(a.askedAt) - Date.parse(b.askedAt))
}

/** The most-voted questions (with at least one vote) that are still open: they block the minutes. */
export function mustAnswerFirst<T extends Ranked>(questions: T[], mustAnswer = MUST_ANSWER): T[] {
  return byVotes(questions.filter((q) => q.votes > 0))
    .slice(0, mustAnswer)
    .filter((q) => q.status === 'open')
}
