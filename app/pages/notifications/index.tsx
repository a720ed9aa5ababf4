import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { getNotifications } from '../../services/api'
import { ensureSignedIn } from '../../services/auth'
import { errorMessage, toastError } from '../../services/request'
import type { AppNotification } from '../../services/types'
import { formatShanghaiTime } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 20

const TYPE_ICONS: Record<string, string> = {
  dream_executable: '🎉',
  letter: '💌',
  meal_redeemed: '🍱',
}

/** Types whose refId is a dream the person can open. */
const DREAM_TYPES = new Set(['dream_executable'])

export default function NotificationsPage() {
  const [items, setItems] = useState<AppNotification[]>([])
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState('')

  const cursorRef = useRef<string | null>(null)
  const loadingRef = useRef(false)
  const generationRef = useRef(0)

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    loadingRef.current = true
    setLoading(true)
    try {
      const page = await getNotifications(null, PAGE_SIZE)
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      setItems(page.items)
      setHasMore(Boolean(page.nextCursor))
      setError('')
      setLoaded(true)
    } catch (err) {
      if (generation !== generationRef.current) return
      setError(errorMessage(err))
      toastError(err)
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
      const page = await getNotifications(cursor, PAGE_SIZE)
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      setItems((prev) => {
        const seen = new Set(prev.map((n) => n.id))
        return prev.concat(page.items.filter((n) => !seen.has(n.id)))
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

  useDidShow(() => {
    ensureSignedIn().then((ok) => {
      if (ok) refresh()
    })
  })

  usePullDownRefresh(() => {
    refresh().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    loadMore()
  })

  const open = (n: AppNotification) => {
    if (!n.refId || !DREAM_TYPES.has(n.type)) return
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(n.refId)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  return (
    <View className='notifications'>
      {error && !loaded ? (
        <View className='lrf-empty notifications-error'>
          <Text className='lrf-empty-icon'>😿</Text>
          <Text>{error}</Text>
          <View className='lrf-muted'>下拉页面可以重试</View>
        </View>
      ) : null}

      {loaded && items.length === 0 ? (
        <View className='lrf-empty notifications-empty'>
          <Text className='lrf-empty-icon'>🔔</Text>
          <Text>还没有消息</Text>
          <View className='lrf-muted'>你支持的梦想达成目标时，会在这里告诉你</View>
        </View>
      ) : null}

      {items.map((n) => (
        <View
          key={n.id}
          className={`notification-item notification-${n.type} ${n.read ? '' : 'notification-unread'}`}
          onClick={() => open(n)}
        >
          <Text className='notification-icon'>{TYPE_ICONS[n.type] || '📣'}</Text>
          <View className='notification-main'>
            <View className='notification-head'>
              <Text className='notification-title'>{n.title}</Text>
              {n.read ? null : <View className='notification-dot' />}
            </View>
            <Text className='notification-body'>{n.body}</Text>
            <Text className='notification-time'>{formatShanghaiTime(n.createdAt)}</Text>
          </View>
        </View>
      ))}

      {loading ? <View className='lrf-hint notifications-loading'>加载中…</View> : null}
      {!loading && items.length > 0 && hasMore ? (
        <View className='lrf-hint notifications-more' onClick={loadMore}>
          上拉或点击加载更多
        </View>
      ) : null}
      {!loading && loaded && items.length > 0 && !hasMore ? (
        <View className='lrf-hint notifications-end'>没有更多了</View>
      ) : null}
    </View>
  )
}
