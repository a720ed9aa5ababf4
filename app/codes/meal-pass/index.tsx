import { useCallback, useEffect, useRef } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import Icon from '../../components/icon'
import QrCode from '../../components/qr-code'
import { getMealPass } from '../../services/meals'
import { errorMessage, isApiError } from '../../services/request'
import { formatCountdown, formatShanghaiTime } from '../../utils/format'
import { useRenewingCode } from '../../hooks/use-renewing-code'
import './index.scss'

// A pass lives 90 s and the server hands out the same one for 60 s (docs/api.md): renew it
// once less than this is left, so the one on screen never runs out while a clerk scans it.
const RENEW_BEFORE_MS = 25 * 1000
const FALLBACK_LIFETIME_MS = 90 * 1000
// The scan happens on the merchant's phone, so this screen asks every few seconds whether the
// meal was handed out (the server gives the same pass within its window, so this mints nothing).
const SERVED_POLL_MS = 5 * 1000

/** A verified worker's meal pass: a QR code the merchant scans, renewed on its own before it expires. */
/** While a pass is on screen and the page shows, asks again every few seconds (to learn it was used). */
function useServedPoll(active: boolean, load: () => Promise<void>) {
  const visible = useRef(true)
  useDidShow(() => {
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
  })
  useEffect(() => {
    if (!active) return undefined
    const timer = setInterval(() => {
      if (visible.current) load()
    }, SERVED_POLL_MS)
    return () => clearInterval(timer)
  }, [active, load])
}

export default function MealPassPage() {
  const fetchPass = useCallback(async () => {
    const fresh = await getMealPass()
    return { code: fresh.pass, expiresAt: fresh.expiresAt, servedToday: fresh.servedToday }
  }, [])
  const {
    code: shown,
    remaining,
    expired,
    error: failure,
    load,
  } = useRenewingCode(fetchPass, {
    usualLifetimeMs: FALLBACK_LIFETIME_MS,
    renewBeforeMs: RENEW_BEFORE_MS,
  })
  const notWorker = isApiError(failure, 'FORBIDDEN')
  const error = failure && !notWorker ? errorMessage(failure, '核销码获取失败，请稍后重试') : ''
  const served = shown?.servedToday ?? null
  const pass = shown && !served ? { pass: shown.code } : null
  useServedPoll(Boolean(pass), load)

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
        {served ? (
          <View className='meal-pass-served' role='status'>
            <Icon name='check' size={96} />
            <Text className='meal-pass-served-title'>今日已领</Text>
            <Text className='meal-pass-served-store'>
              {served.storeName} · {formatShanghaiTime(served.servedAt)}
            </Text>
          </View>
        ) : null}
        {served ? null : (
          <View className='meal-pass-qr-wrap' role='img' aria-label={pass ? '爱心餐核销码二维码，请店员扫描' : '核销码生成中'}>
            {pass ? (
              <QrCode text={pass.pass} className='meal-pass-qr' dimmed={expired} />
            ) : (
              <View className='meal-pass-placeholder'>{error ? '' : '核销码生成中…'}</View>
            )}
          </View>
        )}
        {pass ? (
          <Text className='meal-pass-countdown' aria-live='polite'>
            {expired ? '核销码已过期，正在刷新' : `${formatCountdown(remaining)} 后失效，到期前自动刷新`}
          </Text>
        ) : null}
        {error ? (
          <View className='meal-pass-error' role='alert'>
            {error}
          </View>
        ) : null}
        {served ? null : (
          <Button className='lrf-button-plain meal-pass-refresh' onClick={load}>
            刷新核销码
          </Button>
        )}
      </View>
      <Text className='lrf-muted meal-pass-note'>每个码只能用一次，请勿截图转发；每天可领取一份。</Text>
    </View>
  )
}
