import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { dreamDistributions, type DreamDistribution } from '../../services/dream-distributions'
import './index.scss'

/**
 * The dream page's line per goods distribution (已签收 134/200 件, 有争议 when a spot check was
 * disputed), each opening its public timeline. Kept tiny: it sits in the main package.
 */
export default function DistributionProgress({ dreamId }: { dreamId: string }) {
  const [items, setItems] = useState<DreamDistribution[]>([])
  const load = useCallback(() => {
    if (!dreamId) return
    dreamDistributions(dreamId, 20).then(
      setItems,
      // A dream without the feature (or an API that cannot be reached) shows no line, not an error.
      () => setItems([]),
    )
  }, [dreamId])
  // On mount, and again whenever the person comes back to the dream page (after signing, say).
  useEffect(load, [load])
  useDidShow(load)
  if (items.length === 0) return null
  return (
    <View className='lrf-card distribution-progress'>
      <Text className='distribution-progress-title'>物资签收</Text>
      {items.map((d) => (
        <View
          key={d.id}
          className='distribution-progress-line'
          role='link'
          aria-label={`${d.title}：已签收 ${d.signedQuantity}/${d.totalQuantity} ${d.unit}`}
          onClick={() => Taro.navigateTo({ url: `/signoff/timeline/index?id=${encodeURIComponent(d.id)}` })}
        >
          <Text className='distribution-progress-name'>{d.title}</Text>
          <Text className='distribution-progress-count'>
            已签收 {d.signedQuantity}/{d.totalQuantity} {d.unit}
          </Text>
          {d.disputed ? <Text className='distribution-progress-disputed'>有争议</Text> : null}
          {d.status === 'closed' ? <Text className='distribution-progress-closed'>已结束</Text> : null}
          <Text className='distribution-progress-arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
