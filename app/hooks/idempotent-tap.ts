/**
 * One Idempotency-Key per action a person means to take. A tap that got no definite answer (the
 * network failed, the request timed out, the server answered 5xx) may still have moved flowers, so
 * the next tap for the same action sends it again under the same key and the server does it once.
 * A definite answer (success or a 4xx) closes the action: the next tap is a new one with a new key.
 *
 * Plain code with its helpers passed in, so the rule runs under jest without Taro.
 */

export interface TapAttempt<P> {
  readonly key: string
  readonly payload: P
}

/**
 * What the person means to do: a payload known now (resent under the old key only when it is the
 * same action), or one read on demand (an unanswered attempt is then resent as it was, unread).
 */
export type IntendedAction<P> = { payload: P } | { read: () => Promise<P> }

export interface IdempotentTapRules<P> {
  /** The pending attempt and the intended one are one action (the fields the server keys on). */
  same: (pending: P, intended: P) => boolean
  newKey: () => string
  /** No definite answer came back: the same key may be sent again. */
  isRetryable: (err: unknown) => boolean
}

export interface IdempotentTap<P> {
  /** Sends the intended action under its key; resolves or rejects as `send` does. */
  run<T>(intended: IntendedAction<P>, send: (attempt: TapAttempt<P>) => Promise<T>): Promise<T>
}

export function createIdempotentTap<P>(rules: IdempotentTapRules<P>): IdempotentTap<P> {
  let pending: TapAttempt<P> | null = null

  const attemptFor = async (intended: IntendedAction<P>): Promise<TapAttempt<P>> => {
    if ('read' in intended) {
      if (pending) return pending
      const payload = await intended.read()
      return { key: rules.newKey(), payload }
    }
    return pending && rules.same(pending.payload, intended.payload) ? pending : { key: rules.newKey(), payload: intended.payload }
  }

  return {
    async run(intended, send) {
      const attempt = await attemptFor(intended)
      pending = attempt
      try {
        const answer = await send(attempt)
        pending = null
        return answer
      } catch (err) {
        if (!rules.isRetryable(err)) pending = null
        throw err
      }
    },
  }
}
