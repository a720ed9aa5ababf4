import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import QrCode from '../../components/qr-code'
import { ensureSignedIn } from '../../services/auth'
import { getMealPass } from '../../services/meals'
import { errorMessage, isApiError } from '../../services/request'
import { formatCountdown } from '../../utils/format'
import { MIN_REFRESH_MS, deadlineOnThisPhone } from '../../utils/code-deadline'
import './index.scss'

// A pass lives 90 s and the server hands out the same one for 60 s (api-additions.md): renew it
// once less than this is left, so the one on screen never runs out while a clerk scans it.
const RENEW_BEFORE_MS = 25 * 1000
const FALLBACK_LIFETIME_MS = 90 * 1000

interface Pass {
  pass: string
  /** When it stops working, on this phone's clock. */
  deadline: number
}

/** A verified worker's meal pass: a QR code the merchant scans, renewed on its own before it expires. */
export default function MealPassPage() {
  const [pass, setPass] = useState<Pass | null>(null)
  const [now, setNow] = useState(Date.now())
  const [error, setError] = useState('')
  const [notWorker, setNotWorker] = useState(false)
  const loadingRef = useRef(false)
  const lastFetchRef = useRef(0)
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null)

  const load = useCallback(async () => {
    if (loadingRef.current) return
    loadingRef.current = true
    lastFetchRef.current = Date.now()
    try {
      const fresh = await getMealPass()
      const fetchedAt = Date.now()
      setPass({ pass: fresh.pass, deadline: deadlineOnThisPhone(fresh.expiresAt, fetchedAt, FALLBACK_LIFETIME_MS) })
      setNow(fetchedAt)
      setError('')
    } catch (err) {
      if (isApiError(err, 'FORBIDDEN')) setNotWorker(true)
      else setError(errorMessage(err, '核销码获取失败，请稍后重试'))
    } finally {
      loadingRef.current = false
    }
  }, [])

  const stopTimer = () => {
    if (timerRef.current) clearInterval(timerRef.current)
    timerRef.current = null
  }

  useDidShow(() => {
    stopTimer()
    timerRef.current = setInterval(() => setNow(Date.now()), 1000)
    ensureSignedIn().then((ok) => {
      if (ok) load()
    })
  })
  useDidHide(stopTimer)
  useUnload(stopTimer)
  useEffect(() => stopTimer, [])

  const remaining = pass ? pass.deadline - now : 0
  const expired = Boolean(pass) && remaining <= 0

  // Renew before it runs out (a failure shows the retry button instead of asking again and again).
  useEffect(() => {
    if (!pass || remaining > RENEW_BEFORE_MS || loadingRef.current || error) return
    if (Date.now() - lastFetchRef.current < MIN_REFRESH_MS) return
    load()
  }, [pass, remaining, error, load])

  if (notWorker) {
    return (
      <View className='meal-pass'>
        <View className='lrf-empty meal-pass-not-worker'>
          <Text>认证为环卫工人后才能出示爱心餐核销码</Text>
          <View className='meal-pass-claim' role='button' onClick={() => Taro.redirectTo({ url: '/meals/worker/index' })}>
            去认证 ›
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='meal-pass'>
      <View className='lrf-card meal-pass-card'>
        <Text className='meal-pass-title'>爱心餐核销码</Text>
        <Text className='lrf-muted'>向爱心餐门店店员出示，扫码后领取一份爱心餐</Text>
        <View className='meal-pass-qr-wrap'>
          {pass ? (
            <QrCode text={pass.pass} className='meal-pass-qr' dimmed={expired} />
          ) : (
            <View className='meal-pass-placeholder'>{error ? '' : '核销码生成中…'}</View>
          )}
        </View>
        {pass ? (
          <Text className='meal-pass-countdown' aria-live='polite'>
            {expired ? '核销码已过期，正在刷新' : `${formatCountdown(remaining)} 后失效，到期前自动刷新`}
          </Text>
        ) : null}
        {pass ? (
          <Text className='meal-pass-text' userSelect selectable>
            {pass.pass}
          </Text>
        ) : null}
        {error ? (
          <View className='meal-pass-error' role='alert'>
            {error}
          </View>
        ) : null}
        <Button className='lrf-button-plain meal-pass-refresh' onClick={load}>
          刷新核销码
        </Button>
      </View>
      <Text className='lrf-muted meal-pass-note'>每个码只能用一次，请勿截图转发；每天可领取一份。</Text>
    </View>
  )
}
