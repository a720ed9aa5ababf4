import type { Notification } from '../../../functions/contract'

/**
 * The page a notification opens when tapped, from its type and refId; null when it opens nothing.
 * What a refId names depends on the type, so the mapping lives in one place with its test.
 */

/** Types whose refId is a dream the person can open. */
const DREAM_TYPES = new Set<Notification['type']>(['dream_executable'])

/** Types whose refId is an assembly: they open its page (questions, answers, minutes). */
const ASSEMBLY_TYPES = new Set<Notification['type']>(['assembly_invited', 'assembly_minutes'])

/** Types about the person's love meals: they open 我捐的爱心餐. */
const MEAL_TYPES = new Set<Notification['type']>(['meal_redeemed', 'meal_refunded'])

/**
 * A promise's refId is `<dreamId>/<promiseId>` (one notice per promise, opening its dream, where the
 * promise is listed). Older notices carried the promise id alone: they open nothing.
 */
const PROMISE_REF_SEPARATOR = '/'

function dreamOfPromiseRef(refId: string): string | null {
  const at = refId.indexOf(PROMISE_REF_SEPARATOR)
  return at > 0 ? refId.slice(0, at) : null
}

const dreamPage = (dreamId: string) => `/pages/dream-detail/index?id=${encodeURIComponent(dreamId)}`

export function notificationPage(notification: Pick<Notification, 'type' | 'refId'>): string | null {
  const { type, refId } = notification
  if (MEAL_TYPES.has(type)) return '/meals/mine/index'
  if (!refId) return null
  if (ASSEMBLY_TYPES.has(type)) return `/assembly/detail/index?id=${encodeURIComponent(refId)}`
  if (DREAM_TYPES.has(type)) return dreamPage(refId)
  if (type === 'promise_done') {
    const dreamId = dreamOfPromiseRef(refId)
    return dreamId ? dreamPage(dreamId) : null
  }
  // The distribution's public timeline: progress and the masked hand-overs the notice counts.
  if (type === 'distribution_closed') return `/signoff/timeline/index?id=${encodeURIComponent(refId)}`
  return null
}
