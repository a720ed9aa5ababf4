import { useRef } from 'react'
import { isRetryable, newIdempotencyKey } from '../services/request'
import { createIdempotentTap, type IdempotentTap } from './idempotent-tap'

export type { IntendedAction, TapAttempt } from './idempotent-tap'

/**
 * A page's flower- or money-moving button: one Idempotency-Key per intended action, kept for a
 * resend after a network failure or 5xx, renewed after a definite answer (see idempotent-tap.ts).
 * `same` is read once, on the first render: pass a function that depends only on its arguments.
 */
export function useIdempotentTap<P>(same: (pending: P, intended: P) => boolean): IdempotentTap<P> {
  const tap = useRef<IdempotentTap<P> | null>(null)
  if (!tap.current) tap.current = createIdempotentTap({ same, newKey: newIdempotencyKey, isRetryable })
  return tap.current
}
