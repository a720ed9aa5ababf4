import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { assemblyPageUrl, getDreamAssemblies, getDreamPromises, type AssemblySummary, type DreamPromise } from '../../services/assembly-reads'
import { countdownText } from '../../services/assembly-phase'
import { promiseBadge, promisesStillShown } from '../../services/assembly-promise-badge'
import './index.scss'

const TICK_MS = 60_000

const go = (url: string) => Taro.navigateTo({ url }).catch(() => undefined)

/**
 * On the dream page: the next 公益股东大会 with its countdown, and the promises not yet done
 * (进行中 / 逾期 / 未兑现). Nothing at all while the dream has neither; a failed read shows nothing
 * either, as the rest of the page does not depend on it.
 */
export default function DreamAssemblyStrip({ dreamId }: { dreamId: string }) {
  const [next, setNext] = useState<AssemblySummary | null>(null)
  const [any, setAny] = useState(false)
  const [promises, setPromises] = useState<DreamPromise[]>([])
  const [now, setNow] = useState(() => Date.now())
  const mounted = useRef(false)

  const load = useCallback(() => {
    getDreamAssemblies(dreamId).then(
      (page) => {
        const upcoming = page.items.filter((a) => a.status !== 'closed').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
        setNext(upcoming[0] ?? null)
        setAny(page.items.length > 0)
        setNow(Date.now())
      },
      () => undefined,
    )
    getDreamPromises(dreamId).then(
      (answer) => setPromises(promisesStillShown(answer.items)),
      () => undefined,
    )
  }, [dreamId])

  useEffect(() => {
    load()
    mounted.current = true
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [load])
  // Back from the assembly page: what was asked, answered or promised there shows here.
  useDidShow(() => {
    if (mounted.current) load()
  })

  if (!any && promises.length === 0) return null
  return (
    <View className='lrf-card assembly-strip'>
      <View className='assembly-strip-head'>
        <Text className='assembly-strip-title'>公益股东大会</Text>
        <View
          className='assembly-strip-all'
          role='link'
          aria-label='查看这个梦想的全部股东大会'
          onClick={() => go(`/assembly/dream/index?dreamId=${encodeURIComponent(dreamId)}`)}
        >
          全部 ›
        </View>
      </View>
      {next ? (
        <View
          className='assembly-strip-next'
          role='link'
          aria-label={`下一场：${next.title}，${countdownText(next, now)}，打开`}
          onClick={() => go(assemblyPageUrl(next.id))}
        >
          <Text className='assembly-strip-next-title'>{next.title}</Text>
          <Text className='assembly-strip-countdown'>{countdownText(next, now)} ›</Text>
        </View>
      ) : null}
      {promises.map((p) => {
        const badge = promiseBadge(p, now)
        return (
          <View key={p.id} className='assembly-strip-promise' aria-label={`承诺：${p.text}，${badge.label}，${p.dueDate} 前`}>
            <Text className={`assembly-strip-badge assembly-strip-badge-${badge.tone}`}>{badge.label}</Text>
            <Text className='assembly-strip-promise-text'>
              {p.text}（{p.dueDate} 前）
            </Text>
          </View>
        )
      })}
    </View>
  )
}
