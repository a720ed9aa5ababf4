import { useRef, useState } from 'react'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getDreams } from '../../services/api'
import type { Dream, DreamCategory, DreamSort } from '../../../functions/contract'
import { DREAM_CATEGORIES, categoryLabel, dreamStatusLabel, percent } from '../../utils/format'
import './index.scss'
import Icon from '../../components/icon'

const PAGE_SIZE = 10

const SORT_TABS: { sort: DreamSort; label: string }[] = [
  { sort: 'hot', label: '最热' },
  { sort: 'new', label: '最新' },
]

export default function DreamsPage() {
  const [sort, setSort] = useState<DreamSort>('hot')
  const [category, setCategory] = useState<DreamCategory | ''>('')
  // Refs for what the fetch reads, so a filter change reloads with the new filter right away.
  const sortRef = useRef<DreamSort>('hot')
  const categoryRef = useRef<DreamCategory | ''>('')
  const list = usePagedList<Dream>((cursor) => getDreams({ sort: sortRef.current, category: categoryRef.current || undefined, cursor, limit: PAGE_SIZE }))
  const { items, loaded, loading, error } = list

  useShareAppMessage(() => ({ title: '梦想广场：把小红花送给一个梦想', path: '/pages/dreams/index' }))

  // Every time the tab shows: progress changes after a gift on the detail page.
  usePageRefresh(() => list.reload())

  const changeSort = (next: DreamSort) => {
    if (next === sortRef.current) return
    sortRef.current = next
    setSort(next)
    list.reload({ clear: true })
  }

  const changeCategory = (next: DreamCategory | '') => {
    if (next === categoryRef.current) return
    categoryRef.current = next
    setCategory(next)
    list.reload({ clear: true })
  }

  const openDream = (dream: Dream) => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const openPropose = () => {
    Taro.navigateTo({ url: '/pages/dream-propose/index' }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
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
          <View key={t.sort} className={`dreams-tab dreams-tab-${t.sort} ${sort === t.sort ? 'dreams-tab-active' : ''}`} onClick={() => changeSort(t.sort)}>
            {t.label}
          </View>
        ))}
      </View>

      <ScrollView className='dreams-categories' scrollX enableFlex>
        <View className={`dreams-category dreams-category-all ${category === '' ? 'dreams-category-active' : ''}`} onClick={() => changeCategory('')}>
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

      {!showError && loaded && !loading && items.length === 0 ? (
        <View className='lrf-empty dreams-empty'>
          <Icon name='sprout' className='lrf-empty-icon' size={96} />
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

      <ListFooter prefix='dreams' list={list} end showError={showError} />
    </View>
  )
}
