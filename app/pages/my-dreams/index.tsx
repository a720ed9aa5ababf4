import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getMyDreams } from '../../services/api'
import type { Dream } from '../../../functions/contract'
import { categoryLabel, dreamStatusLabel, formatShanghaiTime, percent } from '../../utils/format'
import './index.scss'
import Icon from '../../components/icon'

const PAGE_SIZE = 50

export default function MyDreamsPage() {
  const list = usePagedList<Dream>((cursor) => getMyDreams(cursor, PAGE_SIZE))
  const { items, loaded } = list

  // On every show: a review may have happened meanwhile.
  usePageRefresh(() => list.reload())

  const open = (dream: Dream) => {
    Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(dream.id)}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  const propose = () => {
    Taro.navigateTo({ url: '/pages/dream-propose/index' }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
  }

  return (
    <View className='my-dreams'>
      {loaded && items.length === 0 ? (
        <View className='lrf-empty my-dreams-empty'>
          <Icon name='sprout' className='lrf-empty-icon' size={96} />
          <View className='my-dreams-empty-text'>你还没有提出过梦想</View>
          <View className='my-dreams-propose my-dreams-empty-propose' role='button' onClick={propose}>
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
            {rejected ? <View className='my-dream-note'>审核意见：{dream.reviewNote || '未说明原因'}</View> : null}
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

      <ListFooter prefix='my-dreams' list={list} />
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
