import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CallOutcome, SpotCheckView } from '../../../functions/contract'
import { getSpotCheck } from '../../services/spot-check'
import { errorMessage, isApiError } from '../../services/request'
import './index.scss'

const OUTCOME_LABELS: Record<CallOutcome, string> = { confirmed: '已确认收到', not_reached: '未联系上', disputed: '有争议' }

/**
 * A closed distribution's spot check (抽查回访), for everyone: who was drawn (names masked), from
 * which public-log checkpoint, and what each call-back found. Before the draw exists it says so.
 */
export default function SpotCheckCard({ distributionId }: { distributionId: string }) {
  const [check, setCheck] = useState<SpotCheckView | null>(null)
  const [state, setState] = useState<'loading' | 'pending' | 'error' | 'ready'>('loading')
  const [error, setError] = useState('')
  const load = useCallback(async () => {
    setState('loading')
    try {
      setCheck(await getSpotCheck(distributionId))
      setState('ready')
    } catch (err) {
      if (isApiError(err, 'NOT_FOUND')) return setState('pending')
      setError(errorMessage(err))
      setState('error')
    }
  }, [distributionId])
  useEffect(() => {
    load()
  }, [load])

  const done = check ? check.calls.filter((call) => call.outcome !== null).length : 0
  return (
    <View className='lrf-card spot-check-card' aria-label='抽查回访'>
      <Text className='spot-check-title'>抽查回访</Text>
      {state === 'loading' ? <Text className='lrf-hint spot-check-loading'>加载中…</Text> : null}
      {state === 'pending' ? (
        <Text className='lrf-muted spot-check-pending'>发放结束后系统会随机抽取已签收的受助人，由平台管理员电话回访，名单稍后公布。</Text>
      ) : null}
      {state === 'error' ? (
        <View className='lrf-error spot-check-error' role='alert' onClick={load}>
          {error}（点此重试）
        </View>
      ) : null}
      {state === 'ready' && check ? (
        <>
          <Text className='lrf-muted spot-check-summary'>
            {check.sampleSize === 0 ? '没有已签收的受助人，无需抽查' : `随机抽取 ${check.sampleSize} 人，已回访 ${done} 人`}
            {check.disputed ? '，有争议待处理' : ''}
          </Text>
          <Text className='lrf-muted spot-check-seed' userSelect>
            抽取依据：公开账本第 {check.seed.treeSize} 条时的检查点（根 {check.seed.rootHash}），任何人都可复核
          </Text>
          {check.calls.map((call) => (
            <View key={call.recipientId} className='spot-check-call'>
              <Text>{call.maskedName}</Text>
              <Text className={`spot-check-outcome ${call.outcome ? `spot-check-${call.outcome}` : ''}`}>
                {call.outcome ? OUTCOME_LABELS[call.outcome] : '待回访'}
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  )
}
