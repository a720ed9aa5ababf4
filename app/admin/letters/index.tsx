import { useCallback, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LetterCard from '../../components/letter-card'
import ListFooter from '../../components/list-footer'
import RetractBox from './retract-box'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { getLetterQueue, getOverdueDreams, reviewLetter } from '../../services/letters'
import { isApiError, toastError } from '../../services/request'
import type { LetterView } from '../../../functions/contract'
import { formatShanghaiDate } from '../../utils/format'
import '../admin.scss'
import './index.scss'

type Overdue = Awaited<ReturnType<typeof getOverdueDreams>>['items'][number]

/**
 * Admin: letters and field updates waiting for review, shown as donors will see them, with each
 * photo's WeChat image check; approve (publish to every donor) or reject with a note. Below: the
 * adopted dreams whose charity is overdue with its letter (逾期未反馈); and 撤回, for a published letter that was wrong.
 */
export default function LetterReviewPage() {
  const gate = useRoleGate('admin')
  const list = usePagedList<LetterView>((cursor) => getLetterQueue(cursor, 20))
  const overdue = usePagedList<Overdue & { id: string }>(async (cursor) => {
    const page = await getOverdueDreams(cursor, 20)
    return { items: page.items.map((item) => ({ ...item, id: item.dream.id })), nextCursor: page.nextCursor }
  })
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const busyRef = useRef(false)
  const { check } = gate
  const { reload, setItems } = list
  const { reload: reloadOverdue } = overdue

  const refresh = useCallback(async () => {
    if (await check()) await Promise.all([reload(), reloadOverdue({ quiet: true })])
  }, [check, reload, reloadOverdue])
  usePageRefresh(refresh)

  const decide = async (letter: LetterView, decision: 'approve' | 'reject') => {
    if (busyRef.current) return
    const note = (notes[letter.id] ?? '').trim()
    if (decision === 'reject' && !note) {
      Taro.showToast({ title: '退回时请写明原因，机构会看到', icon: 'none' })
      return
    }
    busyRef.current = true
    setBusy(letter.id)
    try {
      await reviewLetter(letter.id, { decision, ...(note ? { note } : {}) })
      Taro.showToast({ title: decision === 'approve' ? '已发布，正在送达支持者' : '已退回', icon: 'success' })
      setItems((prev) => prev.filter((l) => l.id !== letter.id))
    } catch (err) {
      toastError(err)
      // Reviewed by someone else meanwhile: it leaves the queue.
      if (isApiError(err, 'NOT_IN_REVIEW')) setItems((prev) => prev.filter((l) => l.id !== letter.id))
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>来信审核</Text>
        <Text className='admin-desc'>核对来信与照片（照片需通过微信图片安全检测），账目已自动核对。发布后每位支持者都会收到这封信。</Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading ? (
        <View className='lrf-empty letters-empty'>
          <Text>没有待审核的来信</Text>
        </View>
      ) : null}
      {list.items.map((letter) => {
        const waiting = (letter.photoChecks ?? []).some((c) => c.verdict !== 'pass')
        return (
          <View key={letter.id} className='review-letter'>
            <LetterCard letter={letter} full />
            <Text className='lrf-muted review-letter-meta'>
              提交于 {formatShanghaiDate(letter.createdAt)}
              {letter.statement ? ' · 账目已核对：期初 = 上期期末，期末 = 期初 + 收入 − 支出' : ''}
            </Text>
            {waiting ? <Text className='review-letter-waiting'>照片尚未全部通过微信检测，暂不能发布</Text> : null}
            <Input
              className='review-letter-note'
              aria-label='审核意见'
              placeholder='审核意见（退回时必填，机构可见）'
              value={notes[letter.id] ?? ''}
              onInput={(e) => setNotes((prev) => ({ ...prev, [letter.id]: e.detail.value }))}
            />
            <View className='review-letter-actions'>
              <Button className='lrf-button review-letter-approve' disabled={busy === letter.id || undefined} onClick={() => decide(letter, 'approve')}>
                通过并发布
              </Button>
              <Button className='lrf-button-plain review-letter-reject' disabled={busy === letter.id || undefined} onClick={() => decide(letter, 'reject')}>
                退回修改
              </Button>
            </View>
          </View>
        )
      })}
      <ListFooter prefix='letters' list={list} end />

      <RetractBox />

      <View className='lrf-section-title'>逾期未反馈</View>
      {overdue.loaded && overdue.items.length === 0 ? (
        <View className='lrf-empty overdue-empty'>
          <Text>所有已认领的梦想都按时来信了</Text>
        </View>
      ) : null}
      {overdue.error && !overdue.loaded ? <View className='lrf-hint overdue-error'>{overdue.error}</View> : null}
      {overdue.items.map((item) => (
        <View
          key={item.dream.id}
          className='lrf-card overdue-item'
          onClick={() => Taro.navigateTo({ url: `/pages/dream-detail/index?id=${encodeURIComponent(item.dream.id)}` }).catch(() => undefined)}
        >
          <Text className='overdue-title'>{item.dream.title}</Text>
          <Text className='lrf-muted overdue-meta'>
            {item.charity ? `${item.charity.nickname} · ` : ''}已发布 {item.letters} 封 · 最近一封{' '}
            {item.lastLetterAt ? formatShanghaiDate(item.lastLetterAt) : '无'} · 应于 {formatShanghaiDate(item.dueAt)} 前来信
          </Text>
        </View>
      ))}
    </View>
  )
}
