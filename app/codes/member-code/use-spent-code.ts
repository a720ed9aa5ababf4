import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { getLedger } from '../../services/api'
import type { LedgerEntry } from '../../../functions/contract'

// How often the shown code is checked: a counter's scan should answer on the person's screen within seconds.
const POLL_MS = 3000
// The newest entries are enough: a scan lands on top of the person's bill.
const NEWEST_ENTRIES = 5

/**
 * Watches the bill while a member code is on screen: the merchant's scan lands there as a new
 * low-carbon entry (+1), which is when the code is spent. Resolves to that entry, or null while
 * the code is still unused. A new code starts a new watch; a hidden page stops watching.
 */
export function useSpentCode(code: string | null): LedgerEntry | null {
  const [spent, setSpent] = useState<LedgerEntry | null>(null)
  const [visible, setVisible] = useState(true)
  // The bill's entries as they were when this code arrived: anything newer came after it was shown.
  const seenRef = useRef<Set<string> | null>(null)

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  useEffect(() => {
    setSpent(null)
    seenRef.current = null
  }, [code])

  useEffect(() => {
    if (!code || spent || !visible) return
    let stopped = false
    const check = async () => {
      try {
        const { items } = await getLedger(null, NEWEST_ENTRIES)
        if (stopped) return
        if (!seenRef.current) {
          seenRef.current = new Set(items.map((entry) => entry.id))
          return
        }
        const seen = seenRef.current
        const scan = items.find((entry) => entry.reason === 'lowcarbon' && !seen.has(entry.id))
        if (scan) setSpent(scan)
      } catch {
        // A missed check is made up by the next one.
      }
    }
    check()
    const timer = setInterval(check, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [code, spent, visible])

  return spent
}
