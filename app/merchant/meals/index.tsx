import { useCallback, useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageState from '../../components/page-state'
import { IS_WEAPP } from '../../services/auth'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getStoreMeals, redeemMeal, type StoreMeals } from '../../services/meals'
import { errorMessage, isApiError, isRetryable, newIdempotencyKey, toastError } from '../../services/request'
import { formatShanghaiTime, formatMoney } from '../../utils/format'
import './index.scss'

/** What a refusal means to the clerk at the counter. */
const REFUSALS: Record<string, string> = {
  INVALID_PASS: '核销码无效或已过期，请让对方刷新后重新出示',
  PASS_ALREADY_USED: '这个核销码已经用过了',
  DAILY_LIMIT_REACHED: '对方今天已经领过爱心餐了',
  NO_MEALS_AVAILABLE: '本店的爱心餐已领完，等待新的捐赠',
  STORE_NOT_ACTIVE: '门店当前不在营业状态，不能核销',
  FORBIDDEN: '不能核销：不是本店，或是你自己的核销码',
}

const monthOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
const shiftMonth = (month: string, by: number) => {
  const [year, m] = month.split('-').map(Number)
  return monthOf(new Date(year, m - 1 + by, 1))
}

/** The merchant's love meals at one store: scan a worker's pass, today's meals, and the month's statement. */
export default function MerchantMealsPage() {
  const router = useRouter()
  const storeId = router.params.storeId ? decodeURIComponent(router.params.storeId) : ''
  const storeName = router.params.name ? decodeURIComponent(router.params.name) : ''
  const [meals, setMeals] = useState<StoreMeals | null>(null)
  const [loadError, setLoadError] = useState('')
  const [month, setMonth] = useState<string | undefined>(undefined)
  const [pass, setPass] = useState('')
  const [redeeming, setRedeeming] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const redeemingRef = useRef(false)
  // A scan that got no answer (network/5xx) is resent with the same key: the same redemption.
  const attemptRef = useRef<{ pass: string; key: string } | null>(null)

  const load = useCallback(
    async (wanted?: string) => {
      if (!storeId) return
      try {
        setMeals(await getStoreMeals(storeId, wanted))
        setLoadError('')
      } catch (err) {
        setLoadError(errorMessage(err, '门店数据加载失败'))
      }
    },
    [storeId],
  )

  usePageRefresh(() => load(month))

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) await redeem(res.result.trim())
    } catch {
      // Cancelled.
    }
  }

  const redeem = async (scanned: string) => {
    if (redeemingRef.current) return
    if (!scanned) {
      setResult({ ok: false, text: '请先粘贴环卫工人出示的核销码' })
      return
    }
    const previous = attemptRef.current
    const attempt = previous && previous.pass === scanned ? previous : { pass: scanned, key: newIdempotencyKey() }
    attemptRef.current = attempt
    redeemingRef.current = true
    setRedeeming(true)
    setResult(null)
    try {
      const { redemption } = await redeemMeal(storeId, attempt.pass, attempt.key)
      attemptRef.current = null
      setPass('')
      setResult({ ok: true, text: `核销成功，请为对方准备一份爱心餐（${formatShanghaiTime(redemption.createdAt)}）` })
      Taro.showToast({ title: '核销成功', icon: 'success' })
      await load(month)
    } catch (err) {
      if (!isRetryable(err)) attemptRef.current = null
      const code = Object.keys(REFUSALS).find((c) => isApiError(err, c))
      setResult({ ok: false, text: code ? REFUSALS[code] : errorMessage(err, '核销失败，请稍后重试') })
      if (!code) toastError(err)
    } finally {
      redeemingRef.current = false
      setRedeeming(false)
    }
  }

  const showMonth = (by: number) => {
    const next = shiftMonth(meals?.statement.month ?? monthOf(new Date()), by)
    setMonth(next)
    load(next)
  }

  if (!meals) return <PageState root='store-meals' missing={storeId ? null : '没有找到这个门店'} error={loadError} onRetry={() => load(month)} />

  return (
    <View className='store-meals'>
      <View className='lrf-card store-meals-summary'>
        <Text className='store-meals-name'>{storeName || '我的门店'}</Text>
        <View className='store-meals-figures'>
          <View className='store-meals-figure'>
            <Text className='store-meals-value store-meals-available'>{meals.mealsAvailable}</Text>
            <Text className='lrf-muted'>待领取（份）</Text>
          </View>
          <View className='store-meals-figure'>
            <Text className='store-meals-value'>{meals.served}</Text>
            <Text className='lrf-muted'>累计已领（份）</Text>
          </View>
          <View className='store-meals-figure'>
            <Text className='store-meals-value'>{formatMoney(meals.fundedFen)}</Text>
            <Text className='lrf-muted'>待领餐款</Text>
          </View>
        </View>
      </View>

      <View className='lrf-card store-meals-scan'>
        <Text className='store-meals-section'>核销爱心餐</Text>
        {IS_WEAPP ? (
          <Button className='lrf-button store-meals-scan-button' disabled={redeeming || undefined} onClick={scan}>
            {redeeming ? '核销中…' : '扫描环卫工人核销码'}
          </Button>
        ) : (
          <View>
            <Textarea
              className='store-meals-pass'
              aria-label='核销码'
              placeholder='网页版无法扫码：请粘贴环卫工人核销码下方的文字'
              maxlength={4096}
              value={pass}
              onInput={(e) => setPass(e.detail.value)}
            />
            <Button className='lrf-button store-meals-redeem' disabled={redeeming || undefined} onClick={() => redeem(pass.trim())}>
              {redeeming ? '核销中…' : '核销'}
            </Button>
          </View>
        )}
        {result ? (
          <View className={result.ok ? 'store-meals-ok' : 'store-meals-refused'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
          </View>
        ) : null}
      </View>

      <View className='lrf-card store-meals-today'>
        <Text className='store-meals-section'>今日核销 {meals.today.length} 份</Text>
        {meals.today.length === 0 ? <Text className='lrf-muted store-meals-today-empty'>今天还没有核销</Text> : null}
        {meals.today.map((r) => (
          <Text key={r.id} className='store-meals-today-row'>
            {formatShanghaiTime(r.createdAt)} · 一份爱心餐
          </Text>
        ))}
      </View>

      <View className='lrf-card store-meals-statement' aria-label='月度对账单'>
        <View className='store-meals-month'>
          <View className='store-meals-month-step' role='button' aria-label='上个月' onClick={() => showMonth(-1)}>
            ‹
          </View>
          <Text className='store-meals-section'>{meals.statement.month} 对账单</Text>
          <View className='store-meals-month-step' role='button' aria-label='下个月' onClick={() => showMonth(1)}>
            ›
          </View>
        </View>
        <View className='store-meals-row'>
          <Text>已供餐</Text>
          <Text className='store-meals-month-served'>{meals.statement.served} 份</Text>
        </View>
        <View className='store-meals-row'>
          <Text>应结算</Text>
          <Text className='store-meals-month-owed'>{formatMoney(meals.statement.owedFen)}</Text>
        </View>
        <View className='store-meals-row'>
          <Text>已打款</Text>
          <Text className='store-meals-month-paid'>{formatMoney(meals.statement.paidOutFen)}</Text>
        </View>
      </View>
    </View>
  )
}
