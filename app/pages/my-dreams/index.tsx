import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { getMyDreams } from '../../services/api'
import { ensureSignedIn } from '../../services/auth'
import { errorMessage, toastError } from '../../services/request'
import type { Dream } from '../../services/types'
import { categoryLabel, dreamStatusLabel, formatShanghaiTime, percent } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 50

export default function MyDreamsPage() {
  const [items, setItems] = useState<Dream[]>([])
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
      const page = await getMyDreams(null, PAGE_SIZE)
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
      const page = await getMyDreams(cursor, PAGE_SIZE)
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

  // On every show: a review may have happened meanwhile.
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

  const open = (dream: Dream) => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const propose = () => {
    Taro.navigateTo({ url: '/pages/dream-propose/index' }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  return (
    <View className='my-dreams'>
      {error && !loaded ? (
        <View className='lrf-empty my-dreams-error'>
          <Text className='lrf-empty-icon'>😿</Text>
          <Text>{error}</Text>
          <View className='lrf-muted'>下拉页面可以重试</View>
        </View>
      ) : null}

      {loaded && items.length === 0 ? (
        <View className='lrf-empty my-dreams-empty'>
          <Text className='lrf-empty-icon'>🌱</Text>
          <Text>你还没有提出过梦想</Text>
          <View className='my-dreams-propose' onClick={propose}>
            提出梦想
          </View>
        </View>
      ) : null}

      {items.map((dream) => {
        const pct = percent(dream.flowersRaised, dream.targetFlowers)
        const reviewing = dream.status === 'in_review'
        const rejected = dream.status === 'rejected'
        return (
          <View key={dream.id} className={`my-dream-item my-dream-${dream.status}`} onClick={() => open(dream)}>
            <View className='my-dream-head'>
              <Text className='my-dream-category'>{categoryLabel(dream.category)}</Text>
              <Text className={`my-dream-status my-dream-status-${dream.status}`}>{dreamStatusLabel(dream.status)}</Text>
            </View>
            <Text className='my-dream-title'>{dream.title}</Text>
            {rejected ? (
              <View className='my-dream-note'>审核意见：{dream.reviewNote || '未说明原因'}</View>
            ) : null}
            {reviewing ? <View className='lrf-muted my-dream-hint'>正在等待管理员审核，通过后会出现在梦想广场</View> : null}
            {!reviewing && !rejected ? (
              <View className='my-dream-progress-row'>
                <View className='my-dream-progress'>
                  <View className='my-dream-progress-bar' style={{ width: `${pct}%` }} />
                </View>
                <Text className='my-dream-numbers'>
                  {dream.flowersRaised} / {dream.targetFlowers} 朵 · {dream.donorCount} 人支持
                </Text>
              </View>
            ) : null}
            <Text className='lrf-muted my-dream-time'>提交于 {formatShanghaiTime(dream.createdAt)}</Text>
          </View>
        )
      })}

      {loading ? <View className='lrf-hint my-dreams-loading'>加载中…</View> : null}
      {!loading && items.length > 0 && hasMore ? (
        <View className='lrf-hint my-dreams-more' onClick={loadMore}>
          上拉或点击加载更多
        </View>
      ) : null}
      {loaded && items.length > 0 ? (
        <View className='my-dreams-footer'>
          <View className='my-dreams-propose' onClick={propose}>
            再提一个梦想
          </View>
        </View>
      ) : null}
    </View>
  )
}
