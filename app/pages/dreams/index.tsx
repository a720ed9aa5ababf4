import { useCallback, useRef, useState } from 'react'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { getDreams } from '../../services/api'
import { ensureSignedIn } from '../../services/auth'
import { errorMessage, toastError } from '../../services/request'
import type { Dream, DreamCategory, DreamSort } from '../../services/types'
import { DREAM_CATEGORIES, categoryLabel, dreamStatusLabel, percent } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 10

const SORT_TABS: { sort: DreamSort; label: string }[] = [
  { sort: 'hot', label: '最热' },
  { sort: 'new', label: '最新' },
]

export default function DreamsPage() {
  const [sort, setSort] = useState<DreamSort>('hot')
  const [category, setCategory] = useState<DreamCategory | ''>('')
  const [items, setItems] = useState<Dream[]>([])
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState('')

  // Refs for what the scroll/refresh callbacks read, so an older closure still sees the latest.
  const sortRef = useRef<DreamSort>('hot')
  const categoryRef = useRef<DreamCategory | ''>('')
  const cursorRef = useRef<string | null>(null)
  const loadingRef = useRef(false)
  // Bumped by every refresh (and filter change) so a slow older answer is dropped.
  const generationRef = useRef(0)

  const refresh = useCallback(async () => {
    const generation = ++generationRef.current
    loadingRef.current = true
    setLoading(true)
    try {
      const page = await getDreams({
        sort: sortRef.current,
        category: categoryRef.current || undefined,
        limit: PAGE_SIZE,
      })
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
      const page = await getDreams({
        sort: sortRef.current,
        category: categoryRef.current || undefined,
        cursor,
        limit: PAGE_SIZE,
      })
      if (generation !== generationRef.current) return
      cursorRef.current = page.nextCursor
      // Skip ids already shown, in case new gifts or dreams shifted the pages in between.
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

  // Every time the tab shows: progress changes after a gift on the detail page.
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

  const changeSort = (next: DreamSort) => {
    if (next === sortRef.current) return
    sortRef.current = next
    setSort(next)
    setItems([])
    setLoaded(false)
    refresh()
  }

  const changeCategory = (next: DreamCategory | '') => {
    if (next === categoryRef.current) return
    categoryRef.current = next
    setCategory(next)
    setItems([])
    setLoaded(false)
    refresh()
  }

  const openDream = (dream: Dream) => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const openPropose = () => {
    Taro.navigateTo({ url: '/pages/dream-propose/index' }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const showError = Boolean(error) && items.length === 0

  return (
    <View className='dreams'>
      <View className='dreams-banner'>
        <View className='dreams-banner-text'>
          <Text className='dreams-banner-title'>一花一梦想</Text>
          <Text className='dreams-banner-desc'>每一朵小红花，都在帮一个真实的梦想靠近现实。</Text>
        </View>
        <View className='dream-propose-entry' onClick={openPropose}>
          提出梦想
        </View>
      </View>

      <View className='dreams-tabs'>
        {SORT_TABS.map((t) => (
          <View
            key={t.sort}
            className={`dreams-tab dreams-tab-${t.sort} ${sort === t.sort ? 'dreams-tab-active' : ''}`}
            onClick={() => changeSort(t.sort)}
          >
            {t.label}
          </View>
        ))}
      </View>

      <ScrollView className='dreams-categories' scrollX enableFlex>
        <View
          className={`dreams-category dreams-category-all ${category === '' ? 'dreams-category-active' : ''}`}
          onClick={() => changeCategory('')}
        >
          全部
        </View>
        {DREAM_CATEGORIES.map((c) => (
          <View
            key={c.value}
            className={`dreams-category dreams-category-${c.value} ${category === c.value ? 'dreams-category-active' : ''}`}
            onClick={() => changeCategory(c.value as DreamCategory)}
          >
            {c.label}
          </View>
        ))}
      </ScrollView>

      {showError ? (
        <View className='lrf-empty dreams-error'>
          <Text className='lrf-empty-icon'>😿</Text>
          <Text>{error}</Text>
          <View className='lrf-muted'>下拉页面可以重试</View>
        </View>
      ) : null}

      {!showError && loaded && !loading && items.length === 0 ? (
        <View className='lrf-empty dreams-empty'>
          <Text className='lrf-empty-icon'>🌱</Text>
          <Text>{category ? `「${categoryLabel(category)}」还没有公开的梦想` : '还没有公开的梦想'}</Text>
          <View className='lrf-muted'>你心里有一个想实现的梦想吗？</View>
          <View className='dreams-empty-propose' onClick={openPropose}>
            提出第一个梦想
          </View>
        </View>
      ) : null}

      <View className='dream-list'>
        {items.map((dream) => {
          const pct = percent(dream.flowersRaised, dream.targetFlowers)
          return (
            <View key={dream.id} className='dream-item' onClick={() => openDream(dream)}>
              {dream.coverUrl ? <Image className='dream-cover' src={dream.coverUrl} mode='aspectFill' lazyLoad /> : null}
              <View className='dream-head'>
                <Text className='dream-category'>{categoryLabel(dream.category)}</Text>
                <Text className={`dream-status dream-status-${dream.status}`}>{dreamStatusLabel(dream.status)}</Text>
              </View>
              <Text className='dream-title'>{dream.title}</Text>
              <View className='dream-progress'>
                <View className='dream-progress-bar' style={{ width: `${pct}%` }} />
              </View>
              <View className='dream-numbers'>
                <Text className='dream-card-raised'>
                  {dream.flowersRaised} / {dream.targetFlowers} 朵
                </Text>
                <Text className='dream-percent'>{pct}%</Text>
              </View>
              <Text className='lrf-muted dream-card-donors'>{dream.donorCount} 人支持</Text>
            </View>
          )
        })}
      </View>

      {loading ? <View className='lrf-hint dreams-loading'>加载中…</View> : null}
      {/* Tap fallback for when the list is too short to scroll, so reach-bottom never fires. */}
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
