import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { settlePromise, type DreamPromise } from '../../services/assembly-extras'
import { assemblyErrorMessage } from '../../services/assembly-errors'
import { promiseBadge } from '../../services/assembly-promise-badge'

interface Props {
  promises: DreamPromise[] | null
  error: string
  nowMs: number
  /** The adopting charity marks a promise done or unmet here. */
  isCharity: boolean
  onChanged: (promise: DreamPromise) => void
}

/** The dream's promises (承诺), with their badges: the list every assembly opens with. */
export default function PromiseList({ promises, error, nowMs, isCharity, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null)

  const settle = async (promise: DreamPromise, status: 'done' | 'unmet') => {
    if (busy) return
    const sure = await Taro.showModal({
      title: status === 'done' ? '标记为已完成？' : '标记为未兑现？',
      content: status === 'done' ? '支持者会收到通知。标记后不能更改。' : '这项承诺会一直以“未兑现”留在记录里。标记后不能更改。',
    })
    if (!sure.confirm) return
    setBusy(promise.id)
    try {
      const answer = await settlePromise(promise.id, status)
      onChanged(answer.promise)
    } catch (err) {
      Taro.showToast({ title: assemblyErrorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(null)
    }
  }

  if (error) return <View className='lrf-hint assembly-promises-error'>{error}</View>
  if (promises === null) return <View className='lrf-hint assembly-promises-loading'>加载中…</View>
  if (promises.length === 0) return <View className='lrf-muted assembly-promises-empty'>还没有记录承诺</View>
  return (
    <View className='assembly-promises'>
      {promises.map((p) => {
        const badge = promiseBadge(p, nowMs)
        return (
          <View key={p.id} className={`assembly-promise assembly-promise-${badge.tone}`} aria-label={`承诺：${p.text}，${badge.label}，${p.dueDate} 前`}>
            <View className='assembly-promise-head'>
              <Text className={`assembly-badge assembly-badge-${badge.tone}`}>{badge.label}</Text>
              <Text className='lrf-muted assembly-promise-due'>{p.dueDate} 前</Text>
            </View>
            <Text className='assembly-promise-text'>{p.text}</Text>
            {p.note ? <Text className='lrf-muted assembly-promise-note'>机构说明：{p.note}</Text> : null}
            {isCharity && p.status === 'in_progress' ? (
              <View className='assembly-row'>
                <Button
                  className='lrf-button assembly-small-button assembly-promise-done'
                  disabled={busy !== null || undefined}
                  onClick={() => settle(p, 'done')}
                >
                  标记已完成
                </Button>
                <Button
                  className='lrf-button-plain assembly-small-button assembly-promise-unmet'
                  disabled={busy !== null || undefined}
                  onClick={() => settle(p, 'unmet')}
                >
                  标记未兑现
                </Button>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
