import { useCallback, useState } from 'react'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import PageState from '../../components/page-state'
import SpotCheckCard from '../../components/spot-check-card'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getDream } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { ApiError, errorMessage, toastError } from '../../services/request'
import { addFieldStaff, closeDistribution, getDistribution, getDistributionTimeline, listFieldStaff, removeFieldStaff } from '../../services/signoff'
import { formatShanghaiTime, percent } from '../../utils/format'
import type { DistributionView, FieldStaffMember, TimelineEntry } from '../../../functions/contract'
import './index.scss'

/**
 * A distribution as donors watch it: the progress, each hand-over (masked name, village, time,
 * photo, 可疑 when its location was not trustworthy) and whether it is closed. The adopting charity
 * also names its field staff here and closes the distribution.
 */
export default function TimelinePage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''

  const [distribution, setDistribution] = useState<DistributionView | null>(null)
  const [canSign, setCanSign] = useState(false)
  const [isCharity, setIsCharity] = useState(false)
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState('')
  const [staff, setStaff] = useState<FieldStaffMember[]>([])
  const [staffId, setStaffId] = useState('')
  const [confirmClose, setConfirmClose] = useState(false)
  const [busy, setBusy] = useState(false)

  const timeline = usePagedList<TimelineEntry>((cursor) => getDistributionTimeline(id, cursor, 50))
  const { reload } = timeline

  const load = useCallback(async () => {
    if (!id) {
      setMissing(true)
      return
    }
    try {
      const res = await getDistribution(id)
      setDistribution(res.distribution)
      setCanSign(res.canSign)
      setError('')
      reload({ quiet: true })
      const me = getStoredUser()?.id
      const dream = await getDream(res.distribution.dreamId).catch(() => null)
      const charity = Boolean(me && dream?.dream.charityId === me)
      setIsCharity(charity)
      if (charity) setStaff((await listFieldStaff(id).catch(() => ({ staff: [] }))).staff)
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setMissing(true)
      else setError(errorMessage(err))
    }
  }, [id, reload])
  usePageRefresh(load)

  if (!distribution) {
    return <PageState root='timeline' missing={missing ? '这次发放不存在' : null} error={error} onRetry={load} />
  }

  const d = distribution
  const closed = d.status === 'closed'
  const pct = percent(d.signedQuantity, d.totalQuantity)

  const close = async () => {
    if (busy) return
    setBusy(true)
    try {
      const res = await closeDistribution(d.id)
      setDistribution(res.distribution)
      setConfirmClose(false)
      Taro.showToast({ title: '发放已结束', icon: 'success' })
    } catch (err) {
      setConfirmClose(false)
      toastError(err, '结束失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const addStaff = async () => {
    const userId = staffId.trim()
    if (!userId || busy) return
    setBusy(true)
    try {
      setStaff((await addFieldStaff(d.id, userId)).staff)
      setStaffId('')
    } catch (err) {
      toastError(err, '添加失败，请核对用户 ID')
    } finally {
      setBusy(false)
    }
  }

  const dropStaff = async (member: FieldStaffMember) => {
    if (busy) return
    setBusy(true)
    try {
      setStaff((await removeFieldStaff(d.id, member.userId)).staff)
    } catch (err) {
      toastError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='timeline'>
      <View className='lrf-card timeline-head'>
        <View className='timeline-badges'>
          <Text className={`timeline-status timeline-status-${d.status}`}>{closed ? '已结束' : '发放中'}</Text>
          {d.disputed ? <Text className='timeline-disputed'>有争议</Text> : null}
        </View>
        <Text className='timeline-title'>{d.title}</Text>
        <View className='timeline-bar' role='progressbar' aria-label={`已签收 ${pct}%`} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <View className='timeline-bar-fill' style={{ width: `${pct}%` }} />
        </View>
        <Text className='timeline-progress'>
          已签收 {d.signedQuantity}/{d.totalQuantity} {d.unit}
        </Text>
        <Text className='lrf-muted timeline-people'>
          {d.item} · {d.signedCount}/{d.recipientCount} 人已签收
          {d.suspiciousCount > 0 ? ` · ${d.suspiciousCount} 条位置可疑` : ''}
        </Text>
        {closed ? (
          <Text className='lrf-muted timeline-closed'>
            {d.closedAt ? `${formatShanghaiTime(d.closedAt)} 结束` : '已结束'}，{d.recipientCount - d.signedCount} 人未签收
          </Text>
        ) : null}
        {!closed && canSign ? (
          <Button className='lrf-button timeline-sign' onClick={() => Taro.navigateTo({ url: `/signoff/sign/index?id=${encodeURIComponent(d.id)}` })}>
            去签收
          </Button>
        ) : null}
      </View>

      {isCharity && !closed ? (
        <View className='lrf-card timeline-manage'>
          <Text className='timeline-section'>现场工作人员</Text>
          <Text className='lrf-muted'>添加后，对方可以用自己的微信为这次发放签收（只限这一次发放）。</Text>
          {staff.map((member) => (
            <View key={member.userId} className='timeline-staff'>
              <Text>{member.nickname}</Text>
              <View className='timeline-staff-remove' role='button' aria-label={`移除${member.nickname}`} onClick={() => dropStaff(member)}>
                移除
              </View>
            </View>
          ))}
          <View className='timeline-staff-add'>
            <Input
              className='timeline-staff-id'
              aria-label='工作人员的用户 ID'
              placeholder='对方的用户 ID'
              value={staffId}
              onInput={(e) => setStaffId(e.detail.value)}
            />
            <Button className='lrf-button-plain timeline-staff-submit' disabled={busy || undefined} onClick={addStaff}>
              添加
            </Button>
          </View>
          <Button className='lrf-button-plain timeline-close' onClick={() => setConfirmClose(true)}>
            结束发放
          </Button>
        </View>
      ) : null}

      {closed ? <SpotCheckCard distributionId={d.id} /> : null}

      <View className='lrf-section-title'>签收记录</View>
      {timeline.loaded && timeline.items.length === 0 ? <View className='lrf-empty timeline-empty'>还没有签收记录</View> : null}
      {timeline.items.map((entry) => (
        <View key={entry.id} className='lrf-card timeline-entry'>
          <View className='timeline-entry-text'>
            <Text className='timeline-entry-name'>
              {entry.name}
              {entry.village ? ` · ${entry.village}` : ''}
            </Text>
            <Text className='lrf-muted timeline-entry-meta'>
              {formatShanghaiTime(entry.signedAt)} 签收 {entry.quantity} {d.unit}
            </Text>
            {entry.suspicious ? (
              <Text className='timeline-suspicious' aria-label='位置可疑'>
                可疑
              </Text>
            ) : null}
          </View>
          {entry.photoUrl ? (
            <Image
              className='timeline-entry-photo'
              src={entry.photoUrl}
              mode='aspectFill'
              aria-label={`${entry.name}的签收照片`}
              onClick={() => Taro.previewImage({ urls: [entry.photoUrl as string] })}
            />
          ) : null}
        </View>
      ))}
      <ListFooter prefix='timeline' list={timeline} />

      {confirmClose ? (
        <View className='timeline-confirm' role='dialog' aria-label='确认结束发放'>
          <View className='timeline-confirm-sheet'>
            <Text className='timeline-confirm-title'>结束“{d.title}”？</Text>
            <Text className='timeline-confirm-text'>
              结束后不能再签收，{d.recipientCount - d.signedCount} 位未签收的领取人会保留为未签收，并通知这个梦想的所有支持者。
            </Text>
            <View className='timeline-confirm-buttons'>
              <Button className='lrf-button-plain timeline-confirm-cancel' disabled={busy || undefined} onClick={() => setConfirmClose(false)}>
                再想想
              </Button>
              <Button className='lrf-button timeline-confirm-ok' disabled={busy || undefined} onClick={close}>
                {busy ? '结束中…' : '确认结束'}
              </Button>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
