import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { errorMessage } from '../../services/request'
import type { AdminSpotCheckView, CallOutcome } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import { getOpenSpotChecks, recordSpotCheckCall, resolveSpotCheck } from './spot-checks-api'
import '../admin.scss'
import './index.scss'

const OUTCOMES: { value: CallOutcome; label: string; type: 'primary' | 'default' | 'warn' }[] = [
  { value: 'confirmed', label: '已确认收到', type: 'primary' },
  { value: 'not_reached', label: '未联系上', type: 'default' },
  { value: 'disputed', label: '有争议', type: 'warn' },
]
/** A draw as the paged list keys it (by its distribution). */
type Draw = AdminSpotCheckView & { id: string }
const asDraw = (check: AdminSpotCheckView): Draw => ({ ...check, id: check.distributionId })

const OUTCOME_LABELS: Record<CallOutcome, string> = { confirmed: '已确认收到', not_reached: '未联系上', disputed: '有争议' }

/**
 * Admin: 抽查回访. When a distribution closes, a sample of its signed recipients is drawn from the
 * public log's checkpoint; an admin (never the charity) calls each one back and records what they
 * said. A dispute marks the distribution 有争议 for everyone until an admin resolves it.
 */
export default function SpotChecksPage() {
  const gate = useRoleGate('admin')
  const list = usePagedList<Draw>(async (cursor) => {
    const page = await getOpenSpotChecks(cursor, 10)
    return { ...page, items: page.items.map(asDraw) }
  })
  const [busy, setBusy] = useState('')
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { check } = gate
  const { reload, setItems } = list
  const refresh = useCallback(async () => {
    if (await check()) await reload()
  }, [check, reload])
  usePageRefresh(refresh)

  const replace = (next: AdminSpotCheckView) => setItems((items) => items.map((item) => (item.id === next.distributionId ? asDraw(next) : item)))

  const act = async (distributionId: string, run: () => Promise<{ spotCheck: AdminSpotCheckView }>, done: string) => {
    setBusy(distributionId)
    setErrors((prev) => ({ ...prev, [distributionId]: '' }))
    try {
      const { spotCheck } = await run()
      replace(spotCheck)
      setNotes((prev) => ({ ...prev, [distributionId]: '' }))
      Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      setErrors((prev) => ({ ...prev, [distributionId]: errorMessage(err) }))
    } finally {
      setBusy('')
    }
  }

  const record = (draw: Draw, recipientId: string, outcome: CallOutcome) => {
    const note = (notes[draw.distributionId] ?? '').trim()
    return act(draw.distributionId, () => recordSpotCheckCall(draw.distributionId, { recipientId, outcome, ...(note ? { note } : {}) }), '已记录')
  }

  const resolve = (draw: Draw) => {
    const note = (notes[draw.distributionId] ?? '').trim()
    if (!note) {
      setErrors((prev) => ({ ...prev, [draw.distributionId]: '请先在备注里写明争议如何处理' }))
      return
    }
    return act(draw.distributionId, () => resolveSpotCheck(draw.distributionId, { note }), '已处理争议')
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>抽查回访</Text>
        <Text className='admin-desc'>
          发放结束后，系统用公开账本当时的检查点随机抽取已签收的受助人，任何人都能复核这次抽取。请逐一电话回访并记录结果；公益机构本身不能记录自己的回访。
        </Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading && !list.error ? (
        <View className='lrf-empty spotcheck-empty'>
          <Text>没有待回访的抽查</Text>
        </View>
      ) : null}
      {list.items.map((draw) => (
        <View key={draw.distributionId} className='lrf-card spotcheck-item' aria-label={`发放「${draw.title}」的抽查`}>
          <View className='spotcheck-head'>
            <Text className='store-name'>{draw.title}</Text>
            {draw.disputed ? <Text className='spotcheck-disputed'>有争议</Text> : null}
          </View>
          <Text className='lrf-muted'>
            {formatShanghaiTime(draw.drawnAt)} 抽取 · 已签收 {draw.signedCount} 人，抽查 {draw.sampleSize} 人，待回访 {draw.openCalls} 人
          </Text>
          <Text className='lrf-muted spotcheck-seed' userSelect>
            种子：检查点 {draw.seed.treeSize} 条，根 {draw.seed.rootHash}
          </Text>
          {draw.calls.map((call) => (
            <View key={call.recipientId} className='spotcheck-call' aria-label={`受助人 ${call.name}`}>
              <Text className='spotcheck-name'>
                {call.name}
                {call.village ? ` · ${call.village}` : ''} · {call.quantity}
              </Text>
              <Text className={`spotcheck-outcome ${call.outcome ? `spotcheck-outcome-${call.outcome}` : ''}`}>
                {call.outcome ? `${OUTCOME_LABELS[call.outcome]}${call.at ? `（${formatShanghaiTime(call.at)}）` : ''}` : '待回访'}
              </Text>
              {call.note ? <Text className='lrf-muted'>备注：{call.note}</Text> : null}
              <View className='admin-actions'>
                {OUTCOMES.map((outcome) => (
                  <Button
                    key={outcome.value}
                    size='mini'
                    type={outcome.type}
                    className={`spotcheck-${outcome.value}`}
                    aria-label={`${call.name}：${outcome.label}`}
                    disabled={busy === draw.distributionId}
                    onClick={() => record(draw, call.recipientId, outcome.value)}
                  >
                    {outcome.label}
                  </Button>
                ))}
              </View>
            </View>
          ))}
          <Input
            className='lrf-input spotcheck-note'
            aria-label='回访备注'
            placeholder='备注（可选；处理争议时必填）'
            maxlength={200}
            value={notes[draw.distributionId] ?? ''}
            onInput={(e) => setNotes((prev) => ({ ...prev, [draw.distributionId]: e.detail.value }))}
          />
          {draw.resolutions.map((resolution) => (
            <Text key={resolution.at} className='lrf-muted'>
              {formatShanghaiTime(resolution.at)} {resolution.by} 处理争议：{resolution.note}
            </Text>
          ))}
          {errors[draw.distributionId] ? (
            <View className='lrf-error spotcheck-error' role='alert'>
              {errors[draw.distributionId]}
            </View>
          ) : null}
          {draw.disputed ? (
            <View className='admin-actions'>
              <Button size='mini' type='primary' className='spotcheck-resolve' disabled={busy === draw.distributionId} onClick={() => resolve(draw)}>
                争议已处理
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <ListFooter prefix='spotcheck' list={list} end />
    </View>
  )
}
