import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { ensureSignedIn } from '../services/auth'
import { MIN_REFRESH_MS, deadlineOnThisPhone } from '../utils/code-deadline'

export interface RenewingCode<T> {
  /** The code on screen, with when it stops working on this phone's clock. */
  code: T | null
  /** Milliseconds left (0 before the first code). */
  remaining: number
  expired: boolean
  loading: boolean
  /** The last failure (the page says it in words); null once a code came. */
  error: unknown
  /** Asks for a code now (the refresh button). */
  load: () => Promise<void>
}

/**
 * A short-lived code a person shows (the member code, the meal pass): fetched each time the page
 * shows (a code is single-use), counted down every second, and fetched again on its own once less
 * than `renewBeforeMs` is left, never more often than every 10 s; a failure waits for a tap.
 */
export function useRenewingCode<T extends { expiresAt: string }>(
  fetchCode: () => Promise<T>,
  options: { usualLifetimeMs: number; renewBeforeMs: number },
): RenewingCode<T> {
  const [shown, setShown] = useState<{ code: T; deadline: number } | null>(null)
  const [now, setNow] = useState(Date.now())
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const loadingRef = useRef(false)
  const lastFetchRef = useRef(0)
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null)
  const fetchRef = useRef(fetchCode)
  fetchRef.current = fetchCode
  const { usualLifetimeMs, renewBeforeMs } = options

  const load = useCallback(async () => {
    if (loadingRef.current) return
    loadingRef.current = true
    lastFetchRef.current = Date.now()
    setLoading(true)
    try {
      const fresh = await fetchRef.current()
      const fetchedAt = Date.now()
      setShown({ code: fresh, deadline: deadlineOnThisPhone(fresh.expiresAt, fetchedAt, usualLifetimeMs) })
      setNow(fetchedAt)
      setError(null)
    } catch (err) {
      setError(err)
    } finally {
      loadingRef.current = false
      setLoading(false)
    }
  }, [usualLifetimeMs])

  const stopTimer = () => {
    if (timerRef.current) clearInterval(timerRef.current)
    timerRef.current = null
  }

  useDidShow(() => {
    stopTimer()
    timerRef.current = setInterval(() => setNow(Date.now()), 1000)
    ensureSignedIn().then((ok) => {
      if (ok) load()
    })
  })
  useDidHide(stopTimer)
  useUnload(stopTimer)
  useEffect(() => stopTimer, [])

  const remaining = shown ? shown.deadline - now : 0
  const expired = Boolean(shown) && remaining <= 0

  useEffect(() => {
    if (!shown || remaining > renewBeforeMs || loadingRef.current || error) return
    if (Date.now() - lastFetchRef.current < MIN_REFRESH_MS) return
    load()
  }, [shown, remaining, renewBeforeMs, error, load])

  return { code: shown?.code ?? null, remaining, expired, loading, error, load }
}
