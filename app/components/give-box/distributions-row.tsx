import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { dreamDistributions, signedInFull } from '../../services/dream-distributions'

/** The panel's 物资签收 row: how many distributions the dream has, and how many were signed for in full. */
export default function DistributionsRow({ dreamId }: { dreamId: string }) {
  const [counts, setCounts] = useState<{ all: number; full: number; disputed: number } | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    dreamDistributions(dreamId)
      .then((items) => live && setCounts({ all: items.length, full: items.filter(signedInFull).length, disputed: items.filter((d) => d.disputed).length }))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [dreamId])
  const text = failed
    ? '暂时无法读取物资发放'
    : !counts
      ? '加载中…'
      : counts.all === 0
        ? '暂无物资发放'
        : `共 ${counts.all} 次发放，${counts.full} 次已全部签收${counts.disputed ? `，${counts.disputed} 次有争议` : ''}`
  return (
    <View className='transparency-row'>
      <Text className='transparency-label'>物资签收</Text>
      <Text className='transparency-value transparency-distributions'>{text}</Text>
    </View>
  )
}
