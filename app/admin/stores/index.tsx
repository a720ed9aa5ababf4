import { useCallback, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { getStoreQueue, reviewStore } from '../../services/admin-api'
import StoreMoney from './store-money'
import type { PendingStore } from '../../../functions/contract'
import { errorMessage, isApiError, toastError } from '../../services/request'
import { formatShanghaiTime } from '../../utils/format'
import '../admin.scss'

type Tab = 'pending' | 'active' | 'suspended'
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'active', label: '营业中' },
  { key: 'suspended', label: '已暂停' },
]

/**
 * Admin: stores that merchants asked to open, approved or rejected one by one; active ones with their
 * money and payouts, suspended; suspended ones whose unredeemed meals are refunded or moved.
 */
export default function StoreReviewPage() {
  const gate = useRoleGate('admin')
  const [tab, setTab] = useState<Tab>('pending')
  const tabRef = useRef<Tab>('pending')
  const list = usePagedList<PendingStore>((cursor) => getStoreQueue(cursor, 20, tabRef.current))
  // Where a suspended store's meals can go: the active stores (first 100).
  const [targets, setTargets] = useState<PendingStore[]>([])
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const { check } = gate
  const { reload } = list
  const refresh = useCallback(async () => {
    if (!(await check())) return
    await reload()
    if (tabRef.current === 'suspended') setTargets((await getStoreQueue(null, 100, 'active').catch(() => ({ items: [] }))).items)
  }, [check, reload])
  usePageRefresh(refresh)

  const show = (next: Tab) => {
    tabRef.current = next
    setTab(next)
    list.setItems([])
    refresh()
  }

  const decide = async (store: PendingStore, decision: 'approve' | 'reject') => {
    if (busy) return
    setBusy(store.id)
    const note = (notes[store.id] || '').trim()
    try {
      await reviewStore(store.id, { decision, ...(note ? { note } : {}) })
      Taro.showToast({ title: decision === 'approve' ? '已通过' : '已驳回', icon: 'success' })
      list.setItems((items) => items.filter((s) => s.id !== store.id))
    } catch (err) {
      if (isApiError(err, 'NOT_PENDING')) list.setItems((items) => items.filter((s) => s.id !== store.id))
      setErrors((prev) => ({ ...prev, [store.id]: errorMessage(err) }))
      toastError(err)
    } finally {
      setBusy(null)
    }
  }

  if (gate.allowed === false) return <RoleForbidden className='admin-forbidden' text='仅管理员可用' />

  return (
    <View className='admin'>
      <View className='admin-head'>
        <Text className='admin-title'>店铺管理</Text>
        <Text className='admin-desc'>商家申请开店后在这里等待审核；通过后才能登记低碳行动、接受爱心餐。暂停的店铺可退款或转移未领取的爱心餐。</Text>
      </View>
      <View className='store-tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.key}
            role='tab'
            aria-selected={tab === t.key}
            className={`store-tab store-tab-${t.key} ${tab === t.key ? 'store-tab-on' : ''}`}
            onClick={() => show(t.key)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {list.loaded && list.items.length === 0 && !list.loading ? (
        <View className='lrf-empty store-queue-empty'>
          <Text>{tab === 'pending' ? '没有待审核的店铺' : tab === 'active' ? '没有营业中的店铺' : '没有暂停的店铺'}</Text>
        </View>
      ) : null}
      {tab !== 'pending'
        ? list.items.map((store) => (
            <View key={store.id} className='lrf-card store-item'>
              <Text className='store-name'>{store.name}</Text>
              <Text className='lrf-muted'>
                {store.city} · {store.address} · 店主 {store.owner.nickname || store.ownerId}
              </Text>
              {store.reviewNote ? <Text className='lrf-muted'>备注：{store.reviewNote}</Text> : null}
              <StoreMoney store={store} targets={targets} onMoved={() => list.setItems((items) => items.filter((s) => s.id !== store.id))} />
            </View>
          ))
        : null}
      {(tab === 'pending' ? list.items : []).map((store) => (
        <View key={store.id} className='lrf-card store-item'>
          <Text className='store-name'>{store.name}</Text>
          <Text className='lrf-muted'>
            {store.city} · {store.address}
          </Text>
          <Text className='lrf-muted'>
            申请人 {store.owner.nickname || store.ownerId} · {formatShanghaiTime(store.createdAt)}
          </Text>
          <Input
            className='review-input store-note'
            type='text'
            placeholder='审核意见（选填）'
            aria-label='审核意见'
            value={notes[store.id] || ''}
            onInput={(e) => setNotes((prev) => ({ ...prev, [store.id]: e.detail.value }))}
          />
          {errors[store.id] ? <View className='review-error'>{errors[store.id]}</View> : null}
          <View className='review-actions'>
            <Button className='lrf-button-plain store-reject' disabled={Boolean(busy) || undefined} onClick={() => decide(store, 'reject')}>
              驳回
            </Button>
            <Button className='lrf-button store-approve' disabled={Boolean(busy) || undefined} onClick={() => decide(store, 'approve')}>
              {busy === store.id ? '处理中…' : '通过'}
            </Button>
          </View>
        </View>
      ))}
      <ListFooter prefix='store-queue' list={list} end />
    </View>
  )
}
