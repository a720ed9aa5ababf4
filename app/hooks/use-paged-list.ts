import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { errorMessage, toastError } from '../services/request'
import type { Page } from '../../functions/contract'

/** One page of the list: the first when `cursor` is null, else the one after `cursor`. */
export type FetchPage<T> = (cursor: string | null) => Promise<Page<T>>

export interface ReloadOptions {
  /** Empty the list first, so nothing counts as loaded until the new first page answers (a filter changed). */
  clear?: boolean
  /** No error toast: the caller shows one itself (it loads something else alongside). */
  quiet?: boolean
}

/** `stale`: a newer reload started meanwhile, so this one's answer was dropped. */
export type ReloadResult = { status: 'ok' } | { status: 'failed'; error: unknown } | { status: 'stale' }

export interface PagedList<T> {
  items: T[]
  /** For a page's own edits (a row removed after review); a reload replaces them. */
  setItems: Dispatch<SetStateAction<T[]>>
  /** A first page has answered (since the last `clear`), so an empty list really is empty. */
  loaded: boolean
  loading: boolean
  hasMore: boolean
  /** Why the last first-page load failed; '' once one succeeds. */
  error: string
  /** Loads the first page again; every failure is toasted unless `quiet`. */
  reload: (options?: ReloadOptions) => Promise<ReloadResult>
  /** Appends the next page (skipping ids already shown); does nothing while loading or at the end. */
  loadMore: () => Promise<void>
}

const OK: ReloadResult = { status: 'ok' }
const STALE: ReloadResult = { status: 'stale' }

/**
 * A cursor-paged list: first page on `reload`, the next on `loadMore` and on reaching the bottom
 * of the page. `reload` and `loadMore` keep their identity; they always call the latest `fetchPage`.
 * Pair with usePageRefresh for reloading on show and on pull-down.
 */
export function usePagedList<T extends { id: string }>(fetchPage: FetchPage<T>): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState('')

  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  // Refs, not state, for values the scroll/refresh callbacks read: they must see the latest
  // value even if the hook fires with an older closure.
  const cursorRef = useRef<string | null>(null)
  const loadingRef = useRef(false)
  // Bumped by every reload so a slow older answer (first page or "load more") is dropped.
  const generationRef = useRef(0)

  const reload = useCallback(async (options: ReloadOptions = {}): Promise<ReloadResult> => {
    const generation = ++generationRef.current
    if (options.clear) {
      setItems([])
      setLoaded(false)
    }
    loadingRef.current = true
    setLoading(true)
    // A retry shows 加载中… alone: the old error goes now, and comes back only if this one fails too.
    setError('')
    try {
      const page = await fetchRef.current(null)
      if (generation !== generationRef.current) return STALE
      cursorRef.current = page.nextCursor
      setItems(page.items)
      setHasMore(Boolean(page.nextCursor))
      setError('')
      setLoaded(true)
      return OK
    } catch (err) {
      if (generation !== generationRef.current) return STALE
      setError(errorMessage(err))
      if (!options.quiet) toastError(err)
      return { status: 'failed', error: err }
    } finally {
      if (generation === generationRef.current) {
        loadingRef.current = false
        setLoading(false)
      }
    }
  }, [])

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current
    if (loadingRef.current || !cursor) return
    const generation = generationRef.current
    loadingRef.current = true
    setLoading(true)
    try {
      const page = await fetchRef.current(cursor)
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      // Skip ids already shown, in case new rows shifted the pages in between.
      setItems((prev) => {
        const seen = new Set(prev.map((item) => item.id))
        return prev.concat(page.items.filter((item) => !seen.has(item.id)))
      })
      setHasMore(Boolean(page.nextCursor))
    } catch (err) {
      if (generation === generationRef.current) toastError(err, '加载失败，请稍后重试')
    } finally {
      if (generation === generationRef.current) {
        loadingRef.current = false
        setLoading(false)
      }
    }
  }, [])

  useReachBottom(() => {
    loadMore()
  })

  return { items, setItems, loaded, loading, hasMore, error, reload, loadMore }
}
