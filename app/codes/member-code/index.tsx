import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import QrCode from '../../components/qr-code'
import { getMemberCode } from '../../services/earning-api'
import { explainRefusal } from '../../services/privacy'
import { errorMessage } from '../../services/request'
import PrivacyPopup from '../../components/privacy-popup'
import type { MemberCode } from '../../../functions/contract'
import { formatCountdown } from '../../utils/format'
import { useRenewingCode } from '../../hooks/use-renewing-code'
import { useSpentCode } from './use-spent-code'
import './index.scss'
import Icon, { type IconName } from '../../components/icon'

// Codes live 5 minutes (docs/api.md).
const FALLBACK_LIFETIME_MS = 5 * 60 * 1000

const ACTIONS = [
  { icon: 'cup', label: '自带杯' },
  { icon: 'bag', label: '不要塑料袋' },
  { icon: 'receipt', label: '电子小票' },
  { icon: 'chopsticks', label: '不用一次性餐具' },
] as const satisfies readonly { icon: IconName; label: string }[]

export default function MemberCodePage() {
  // A code is renewed once it expired (a member code has no window: asking earlier mints another).
  const {
    code,
    remaining,
    expired,
    loading,
    error: failure,
    load,
  } = useRenewingCode<MemberCode>(getMemberCode, {
    usualLifetimeMs: FALLBACK_LIFETIME_MS,
    renewBeforeMs: 0,
  })
  const error = failure ? errorMessage(failure, '会员码获取失败，请稍后重试') : ''
  // A scanned code is spent: it leaves the screen, and the person sees what it earned.
  const spent = useSpentCode(code?.code ?? null)
  const shownCode = spent ? null : code

  const copyCode = () => {
    if (!code) return
    Taro.setClipboardData({ data: code.code }).catch(async (err) => {
      // A refused privacy guide or a cancel is answered by explainRefusal; only a failure says so here.
      if ((await explainRefusal(err, '复制会员码')) === 'other') Taro.showToast({ title: '复制失败，请长按文字复制', icon: 'none' })
    })
  }

  return (
    <View className='member'>
      <PrivacyPopup />
      <View className='lrf-card member-card'>
        <View className='lrf-icon-title'>
          <Icon name='leaf' size={40} label='' />
          <Text className='member-title'>我的低碳会员码</Text>
        </View>
        <Text className='member-subtitle'>向门店店员出示，扫码记录低碳行动</Text>

        {spent ? (
          <View className='member-spent' role='status'>
            <Text className='member-spent-flowers'>+{spent.delta} 朵小红花</Text>
            <Text className='member-spent-note'>{spent.note || '低碳行动已记录'}</Text>
            <Text className='lrf-muted member-spent-hint'>这个会员码已经用过了，下次点“刷新会员码”换一个新的</Text>
          </View>
        ) : null}

        {spent ? null : (
          <View className='member-qr-wrap'>
            {code ? (
              <QrCode text={code.code} className='member-qr' dimmed={expired || loading} />
            ) : (
              <View className='member-qr-placeholder'>{error ? '' : '会员码生成中…'}</View>
            )}
            {code && (expired || loading) ? <View className='member-qr-overlay'>正在刷新…</View> : null}
          </View>
        )}

        {shownCode ? (
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

        {shownCode ? (
          <Text className='member-code-text' userSelect selectable>
            {shownCode.code}
          </Text>
        ) : null}

        {error ? <View className='member-error'>{error}</View> : null}

        <View className='member-buttons'>
          <Button className='lrf-button-plain member-refresh' onClick={load} disabled={loading || undefined}>
            刷新会员码
          </Button>
          {shownCode ? (
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
              <Icon className='member-action-icon' name={a.icon} size={48} label='' />
              <Text className='member-action-label'>{a.label}</Text>
            </View>
          ))}
        </View>
        <Text className='lrf-muted member-explain-note'>会员码 5 分钟内有效，每个码只能使用一次；用过后点“刷新会员码”换一个新的。</Text>
      </View>
    </View>
  )
}
