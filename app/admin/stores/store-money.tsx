import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getStoreMoney, recordPayout, resumeStore, suspendStore, windUpStore } from '../../services/admin-api'
import { errorMessage, isRetryable, newIdempotencyKey } from '../../services/request'
import type { AnswerOf, PendingStore } from '../../../functions/contract'
import type { storeWindupRoute } from '../../../functions/contract/store-admin'
import { yuanToFen, formatMoney } from '../../utils/format'

type Money = AnswerOf<typeof storeWindupRoute>

interface Props {
  store: PendingStore
  /** Active stores a suspended store's meals can move to. */
  targets: PendingStore[]
  /** The store left this list (suspended or resumed). */
  onMoved: () => void
}

/**
 * An active or suspended store in the admin's console: its money (funded, owed, refunded, moved),
 * suspension, the refund or move of a suspended store's unredeemed meals with its progress, and
 * payouts. Every rule is the API's; this shows its answers.
 */
export default function StoreMoney({ store, targets, onMoved }: Props) {
  const [money, setMoney] = useState<Money | null>(null)
  const [loadError, setLoadError] = useState('')
  const [reason, setReason] = useState('')
  const [target, setTarget] = useState(0)
  const [amount, setAmount] = useState('')
  const [reference, setReference] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const payoutRef = useRef<{ key: string; amount: string; reference: string } | null>(null)

  const load = useCallback(async () => {
    try {
      setMoney(await getStoreMoney(store.id))
      setLoadError('')
    } catch (err) {
      setLoadError(errorMessage(err, '资金情况加载失败'))
    }
  }, [store.id])

  useEffect(() => {
    load()
  }, [load])

  // While a refund or move runs (on the server's stream), its progress is read again every 2 s.
  const running = money?.windup?.status === 'running'
  useEffect(() => {
    if (!running) return
    const timer = setInterval(load, 2000)
    return () => clearInterval(timer)
  }, [running, load])

  const act = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      await work()
      setMessage({ ok: true, text: done })
      Taro.showToast({ title: done, icon: 'success' })
      await load()
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) })
    } finally {
      setBusy(false)
    }
  }

  const suspend = () => {
    if (!reason.trim()) return setMessage({ ok: false, text: '请填写暂停原因' })
    return act(async () => {
      await suspendStore(store.id, { reason: reason.trim() })
      onMoved()
    }, '已暂停')
  }

  const resume = () =>
    act(async () => {
      await resumeStore(store.id)
      onMoved()
    }, '已恢复营业')

  const others = targets.filter((t) => t.id !== store.id)
  const refund = () => act(() => windUpStore(store.id, { action: 'refund' }), '已开始退款')
  const move = () => {
    const to = others[target]
    if (!to) return setMessage({ ok: false, text: '没有可接收的营业门店' })
    return act(() => windUpStore(store.id, { action: 'move', toStoreId: to.id }), `已开始转移到「${to.name}」`)
  }

  const payout = () => {
    const fen = yuanToFen(amount)
    if (!fen || !reference.trim()) return setMessage({ ok: false, text: '请填写打款金额（元）和银行回单号' })
    // A tap that got no answer is resent with the same key: one payout.
    const previous = payoutRef.current
    const attempt = previous && previous.amount === amount && previous.reference === reference ? previous : { key: newIdempotencyKey(), amount, reference }
    payoutRef.current = attempt
    return act(async () => {
      try {
        await recordPayout(store.id, { amountFen: fen, reference: reference.trim() }, attempt.key)
        payoutRef.current = null
        setAmount('')
        setReference('')
      } catch (err) {
        if (!isRetryable(err)) payoutRef.current = null
        throw err
      }
    }, '已记录打款')
  }

  const funds = money?.funds
  const windup = money?.windup
  return (
    <View className={`store-money store-money-${store.status}`}>
      {funds ? (
        <View className='store-money-figures'>
          <Text>
            待领取 {funds.mealsAvailable} 份（{formatMoney(funds.fundedFen)}）· 已供餐 {funds.served} 份 · 应结算 {formatMoney(funds.owedFen)}
          </Text>
          {funds.refundedFen || funds.movedOutFen || funds.movedInFen ? (
            <Text className='lrf-muted'>
              已退款 {formatMoney(funds.refundedFen)} · 转出 {formatMoney(funds.movedOutFen)} · 转入 {formatMoney(funds.movedInFen)}
            </Text>
          ) : null}
        </View>
      ) : (
        <Text className='lrf-muted'>{loadError || '资金情况加载中…'}</Text>
      )}
      {windup ? (
        <View className={`store-windup store-windup-${windup.status}`} role='status'>
          {windup.action === 'refund' ? '退款' : '转移'}
          {windup.status === 'running' ? '进行中' : '已完成'}：{windup.done.meals} 份，{formatMoney(windup.done.fen)}
        </View>
      ) : null}

      {store.status === 'active' ? (
        <View className='store-money-actions'>
          <Input
            className='review-input store-suspend-reason'
            aria-label='暂停原因'
            placeholder='暂停原因（必填）'
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className='lrf-button-plain store-suspend' disabled={busy || undefined} onClick={suspend}>
            暂停营业
          </Button>
        </View>
      ) : null}

      {store.status === 'suspended' ? (
        <View className='store-money-actions'>
          <Button className='lrf-button-plain store-refund' disabled={busy || running || undefined} onClick={refund}>
            退款给捐赠人
          </Button>
          {others.length > 0 ? (
            <Picker mode='selector' range={others.map((t) => `${t.name}（${t.city}）`)} value={target} onChange={(e) => setTarget(Number(e.detail.value))}>
              <View className='store-move-target' aria-label='转移到的门店'>
                转移到：{others[target]?.name ?? '—'} ›
              </View>
            </Picker>
          ) : null}
          <Button className='lrf-button-plain store-move' disabled={busy || running || !others.length || undefined} onClick={move}>
            转移到其他门店
          </Button>
          <Button className='lrf-button-plain store-resume' disabled={busy || running || undefined} onClick={resume}>
            恢复营业
          </Button>
        </View>
      ) : null}

      <View className='store-money-actions store-payout'>
        <Input
          className='review-input store-payout-amount'
          type='digit'
          aria-label='打款金额（元）'
          placeholder='打款金额（元）'
          value={amount}
          onInput={(e) => setAmount(e.detail.value)}
        />
        <Input
          className='review-input store-payout-reference'
          aria-label='银行回单号'
          placeholder='银行回单号'
          value={reference}
          onInput={(e) => setReference(e.detail.value)}
        />
        <Button className='lrf-button-plain store-payout-record' disabled={busy || undefined} onClick={payout}>
          记录打款
        </Button>
      </View>
      {message ? (
        <View className={message.ok ? 'store-money-ok' : 'review-error store-money-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </View>
      ) : null}
    </View>
  )
}
