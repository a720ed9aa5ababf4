import { useCallback, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import RoleForbidden from '../../components/role-forbidden'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { useRoleGate } from '../../hooks/use-role-gate'
import { getStoreQueue, reviewStore } from '../../services/admin-api'
import type { PendingStore } from '../../../functions/contract'
import { errorMessage, isApiError, toastError } from '../../services/request'
import { formatShanghaiTime } from '../../utils/format'
import '../admin.scss'

/** Admin: stores that merchants asked to open, approved or rejected one by one. */
export default function StoreReviewPage() {
  const gate = useRoleGate('admin')
  const list = usePagedList<PendingStore>((cursor) => getStoreQueue(cursor, 20))
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const { check } = gate
  const { reload } = list
  const refresh = useCallback(async () => {
    if (await check()) await reload()
  }, [check, reload])
  usePageRefresh(refresh)

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
        <Text className='admin-title'>店铺审核</Text>
        <Text className='admin-desc'>商家申请开店后在这里等待审核；通过后才能登记低碳行动、接受爱心餐。</Text>
      </View>
      {list.loaded && list.items.length === 0 && !list.loading ? (
        <View className='lrf-empty store-queue-empty'>
          <Text>没有待审核的店铺</Text>
        </View>
      ) : null}
      {list.items.map((store) => (
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
