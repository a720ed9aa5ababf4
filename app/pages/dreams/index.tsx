import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { getDreams } from '../../services/api'
import { ensureSignedIn } from '../../services/auth'
import { ApiError, errorMessage, toastError } from '../../services/request'
import type { Dream } from '../../services/types'
import { categoryLabel, dreamStatusLabel, percent } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 10

export default function DreamsPage() {
  const [items, setItems] = useState<Dream[]>([])
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState('')
  // 404: the dreams API is not deployed yet, which is not the user's problem to retry.
  const [notOpenYet, setNotOpenYet] = useState(false)

  const cursorRef = useRef<string | null>(null)
  const loadingRef = useRef(false)
  const generationRef = useRef(0)

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    loadingRef.current = true
    setLoading(true)
    try {
      const page = await getDreams({ sort: 'new', limit: PAGE_SIZE })
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      setItems(page.items)
      setHasMore(Boolean(page.nextCursor))
      setError('')
      setNotOpenYet(false)
      setLoaded(true)
    } catch (err) {
      if (generation !== generationRef.current) return
      const notFound = err instanceof ApiError && err.status === 404
      setError(errorMessage(err))
      setNotOpenYet(notFound)
      // 404 means the dreams API is not deployed yet: the page says so, no toast needed.
      if (!notFound) toastError(err)
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
      const page = await getDreams({ sort: 'new', cursor, limit: PAGE_SIZE })
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      setItems((prev) => {
        const seen = new Set(prev.map((d) => d.id))
        return prev.concat(page.items.filter((d) => !seen.has(d.id)))
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

  const showError = Boolean(error) && items.length === 0

  return (
    <View className='dreams'>
      <View className='dreams-banner'>
        <Text className='dreams-banner-title'>一花一梦想</Text>
        <Text className='dreams-banner-desc'>每一朵小红花，都在帮一个真实的梦想靠近现实。</Text>
      </View>

      {showError ? (
        <View className='lrf-empty dreams-unavailable'>
          <Text className='lrf-empty-icon'>🌈</Text>
          <View className='dreams-unavailable-title'>梦想广场即将开放</View>
          <View className='lrf-muted'>{notOpenYet ? '敬请期待，下拉页面可以刷新' : `${error}，下拉页面可以重试`}</View>
        </View>
      ) : null}

      {!showError && loaded && items.length === 0 ? (
        <View className='lrf-empty dreams-empty'>
          <Text className='lrf-empty-icon'>🌱</Text>
          <Text>还没有公开的梦想，敬请期待</Text>
        </View>
      ) : null}

      <View className='dream-list'>
        {items.map((dream) => {
          const pct = percent(dream.flowersRaised, dream.targetFlowers)
          return (
            <View key={dream.id} className='dream-item'>
              <View className='dream-head'>
                <Text className='dream-category'>{categoryLabel(dream.category)}</Text>
                <Text className='dream-status'>{dreamStatusLabel(dream.status)}</Text>
              </View>
              <Text className='dream-title'>{dream.title}</Text>
              <View className='dream-progress'>
                <View className='dream-progress-bar' style={{ width: `${pct}%` }} />
              </View>
              <View className='dream-numbers'>
                <Text className='dream-raised'>
                  已筹 {dream.flowersRaised} / {dream.targetFlowers} 朵
                </Text>
                <Text className='dream-percent'>{pct}%</Text>
              </View>
              <Text className='lrf-muted dream-donors'>{dream.donorCount} 人支持</Text>
            </View>
          )
        })}
      </View>

      {loading ? <View className='lrf-hint dreams-loading'>加载中…</View> : null}
      {!loading && items.length > 0 && hasMore ? (
        <View className='lrf-hint dreams-more' onClick={loadMore}>
          上拉或点击加载更多
        </View>
      ) : null}
      {!loading && loaded && items.length > 0 && !hasMore ? (
        <View className='lrf-hint dreams-end'>没有更多了</View>
      ) : null}
    </View>
  )
}
