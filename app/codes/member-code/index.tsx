import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import QrCode from '../../components/qr-code'
import { getMemberCode } from '../../services/api'
import { ensureSignedIn } from '../../services/auth'
import { errorMessage } from '../../services/request'
import type { MemberCode } from '../../../functions/contract'
import { formatCountdown } from '../../utils/format'
import { MIN_REFRESH_MS, deadlineOnThisPhone } from '../../utils/code-deadline'
import './index.scss'

// Codes live 5 minutes (api-additions.md).
const FALLBACK_LIFETIME_MS = 5 * 60 * 1000

const ACTIONS = [
  { icon: '☕', label: '自带杯' },
  { icon: '🛍️', label: '不要塑料袋' },
  { icon: '🧾', label: '电子小票' },
  { icon: '🥢', label: '不用一次性餐具' },
]

/** When this code stops working on this phone's clock. */
const localDeadline = (code: MemberCode, fetchedAt: number) => deadlineOnThisPhone(code.expiresAt, fetchedAt, FALLBACK_LIFETIME_MS)

export default function MemberCodePage() {
  const [code, setCode] = useState<MemberCode | null>(null)
  const [deadline, setDeadline] = useState(0)
  const [now, setNow] = useState(Date.now())
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')

  const loadingRef = useRef(false)
  const lastFetchRef = useRef(0)
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null)

  const load = useCallback(async () => {
    if (loadingRef.current) return
    loadingRef.current = true
    lastFetchRef.current = Date.now()
    setLoading(true)
    try {
      const fresh = await getMemberCode()
      const fetchedAt = Date.now()
      setCode(fresh)
      setDeadline(localDeadline(fresh, fetchedAt))
      setNow(fetchedAt)
      setError('')
    } catch (err) {
      setError(errorMessage(err, '会员码获取失败，请稍后重试'))
    } finally {
      loadingRef.current = false
      setLoading(false)
    }
  }, [])

  const stopTimer = () => {
    if (timerRef.current) {
      clearInterval(timerRef.current)
      timerRef.current = null
    }
  }

  const startTimer = () => {
    stopTimer()
    timerRef.current = setInterval(() => setNow(Date.now()), 1000)
  }

  useDidShow(() => {
    startTimer()
    // A code is single-use: coming back to the page always shows a fresh one.
    ensureSignedIn().then((ok) => {
      if (ok) load()
    })
  })

  useDidHide(stopTimer)
  useUnload(stopTimer)
  useEffect(() => stopTimer, [])

  const remaining = code ? deadline - now : 0
  const expired = Boolean(code) && remaining <= 0

  // Expired: fetch the next code on its own (rate-limited; failures show the retry button).
  useEffect(() => {
    if (!expired || loadingRef.current || error) return
    if (Date.now() - lastFetchRef.current < MIN_REFRESH_MS) return
    load()
  }, [expired, now, error, load])

  const copyCode = () => {
    if (!code) return
    Taro.setClipboardData({ data: code.code }).catch(() => {
      Taro.showToast({ title: '复制失败，请长按文字复制', icon: 'none' })
    })
  }

  return (
    <View className='member'>
      <View className='lrf-card member-card'>
        <Text className='member-title'>🌿 我的低碳会员码</Text>
        <Text className='member-subtitle'>向门店店员出示，扫码记录低碳行动</Text>

        <View className='member-qr-wrap'>
          {code ? (
            <QrCode text={code.code} className='member-qr' dimmed={expired || loading} />
          ) : (
            <View className='member-qr-placeholder'>{error ? '' : '会员码生成中…'}</View>
          )}
          {code && (expired || loading) ? <View className='member-qr-overlay'>正在刷新…</View> : null}
        </View>

        {code ? (
          <View className='member-countdown'>
            {expired ? (
              <Text className='member-expired'>会员码已过期，正在刷新</Text>
            ) : (
              <Text>
                <Text className='member-countdown-value'>{formatCountdown(remaining)}</Text> 后失效，过期自动刷新
              </Text>
            )}
          </View>
        ) : null}

        {code ? (
          <Text className='member-code-text' userSelect selectable>
            {code.code}
          </Text>
        ) : null}

        {error ? <View className='member-error'>{error}</View> : null}

        <View className='member-buttons'>
          <Button className='lrf-button-plain member-refresh' onClick={load} disabled={loading || undefined}>
            刷新会员码
          </Button>
          {code ? (
            <Button className='lrf-button-plain member-copy' onClick={copyCode}>
              复制会员码
            </Button>
          ) : null}
        </View>
      </View>

      <View className='lrf-card member-explain'>
        <Text className='member-explain-title'>怎么用</Text>
        <Text className='member-explain-text'>出示会员码给门店店员，自带杯/不要塑料袋/电子小票/不用一次性餐具，每次 +1 朵小红花，每天最多 5 朵。</Text>
        <View className='member-actions'>
          {ACTIONS.map((a) => (
            <View key={a.label} className='member-action'>
              <Text className='member-action-icon'>{a.icon}</Text>
              <Text className='member-action-label'>{a.label}</Text>
            </View>
          ))}
        </View>
        <Text className='lrf-muted member-explain-note'>会员码 5 分钟内有效，每个码只能使用一次；用过后点“刷新会员码”换一个新的。</Text>
      </View>
    </View>
  )
}
