import { useCallback, useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getMe } from '../../services/api'
import { getMyStores, recordLowcarbonAction } from '../../services/earning-api'
import { IS_WEAPP, getStoredUser } from '../../services/auth'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { useIdempotentTap } from '../../hooks/use-idempotent-tap'
import { errorMessage, toastError } from '../../services/request'
import type { LowCarbonAction, LowCarbonActionView, Role, Store, StoreStatus } from '../../../functions/contract'
import { LOW_CARBON_ACTIONS } from '../../../functions/contract/enums'
import { formatShanghaiTime } from '../../utils/format'
import StoreApply from '../../components/store-apply'
import './index.scss'
import Icon, { type IconName } from '../../components/icon'

const STORE_STATUS_LABELS: Record<StoreStatus, string> = { active: '营业中', pending: '审核中', suspended: '已暂停', rejected: '未通过' }

const ACTION_FACES: Record<LowCarbonAction, { icon: IconName; label: string }> = {
  own_cup: { icon: 'cup', label: '自带杯' },
  no_plastic_bag: { icon: 'bag', label: '不要塑料袋' },
  e_receipt: { icon: 'receipt', label: '电子小票' },
  no_disposables: { icon: 'chopsticks', label: '不用一次性餐具' },
}
/** The contract's actions, in its order. */
const LOWCARBON_ACTIONS = LOW_CARBON_ACTIONS.map((action) => ({ action, ...ACTION_FACES[action] }))

const actionLabel = (action: string) => LOWCARBON_ACTIONS.find((a) => a.action === action)?.label || action

interface IntendedRecord {
  code: string
  action: LowCarbonAction
}

const sameRecord = (pending: IntendedRecord, intended: IntendedRecord) => pending.code === intended.code && pending.action === intended.action

export default function MerchantLowcarbonPage() {
  const [roles, setRoles] = useState<Role[] | null>(getStoredUser()?.roles ?? null)
  const [rolesChecked, setRolesChecked] = useState(false)
  const [stores, setStores] = useState<Store[]>([])
  const [storesLoaded, setStoresLoaded] = useState(false)
  const [storesError, setStoresError] = useState('')

  const [code, setCode] = useState('')
  const [submitting, setSubmitting] = useState<LowCarbonAction | null>(null)
  const [result, setResult] = useState<LowCarbonActionView | null>(null)
  const [error, setError] = useState('')

  const submittingRef = useRef(false)
  // A tap that got no final answer (network/5xx) is resent with the same key.
  const recordTap = useIdempotentTap(sameRecord)

  const load = useCallback(async () => {
    let currentRoles: Role[] | null
    try {
      const me = await getMe()
      currentRoles = me.user.roles
    } catch {
      // Fall back to the roles saved at sign-in.
      currentRoles = getStoredUser()?.roles ?? null
    }
    setRoles(currentRoles)
    setRolesChecked(true)
    if (!currentRoles || !currentRoles.includes('merchant')) return
    try {
      const page = await getMyStores()
      setStores(page.items)
      setStoresLoaded(true)
      setStoresError('')
    } catch (err) {
      setStoresError(errorMessage(err, '门店加载失败，请稍后重试'))
    }
  }, [])

  usePageRefresh(() => load())

  const onScan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      if (res.result) {
        setCode(res.result.trim())
        setResult(null)
        setError('')
      }
    } catch {
      // Cancelled: nothing to do.
    }
  }

  const onAction = async (action: LowCarbonAction) => {
    if (submittingRef.current) return
    const trimmed = code.trim()
    if (!trimmed) {
      Taro.showToast({ title: IS_WEAPP ? '请先扫描顾客的会员码' : '请先粘贴顾客的会员码', icon: 'none' })
      return
    }
    submittingRef.current = true
    setSubmitting(action)
    setError('')
    setResult(null)
    try {
      const res = await recordTap.run({ payload: { code: trimmed, action } }, ({ key, payload }) => recordLowcarbonAction(payload.code, payload.action, key))
      setResult(res.action)
      // A member code is single-use: clear it for the next customer.
      setCode('')
      Taro.showToast({ title: '记录成功', icon: 'success' })
    } catch (err) {
      const message = errorMessage(err, '记录失败，请稍后重试')
      setError(message)
      toastError(err, message)
    } finally {
      submittingRef.current = false
      setSubmitting(null)
    }
  }

  if (!rolesChecked && !roles) {
    return <View className='lrf-hint lowcarbon-loading'>加载中…</View>
  }

  if (!roles || !roles.includes('merchant')) {
    return (
      <View className='lowcarbon'>
        <View className='lrf-empty merchant-only'>
          <Icon name='store' className='lrf-empty-icon' size={96} />
          <Text>仅商户可用</Text>
          <View className='lrf-muted'>商户登录后可为到店顾客记录低碳行动</View>
        </View>
      </View>
    )
  }

  const activeStores = stores.filter((s) => s.status === 'active')

  return (
    <View className='lowcarbon'>
      <View className='lrf-card lowcarbon-stores'>
        <Text className='lowcarbon-card-title'>我的门店</Text>
        {!storesLoaded && !storesError ? <View className='lrf-muted'>加载中…</View> : null}
        {storesError && !storesLoaded ? <View className='lowcarbon-error'>{storesError}</View> : null}
        {storesLoaded && activeStores.length === 0 ? (
          <View className='lowcarbon-no-store'>
            {stores.length === 0 ? '你还没有门店，暂时不能记录低碳行动。' : '你还没有营业中的门店（审核通过后才能记录低碳行动）。'}
          </View>
        ) : null}
        {stores.map((s) => (
          <View key={s.id} className='lowcarbon-store'>
            <Text className='lowcarbon-store-name'>{s.name}</Text>
            <Text className={`lowcarbon-store-status lowcarbon-store-${s.status}`}>{STORE_STATUS_LABELS[s.status] || s.status}</Text>
            <Text className='lowcarbon-store-address lrf-muted'>
              {s.city} {s.address}
            </Text>
            {s.status === 'active' ? (
              <View
                className='lowcarbon-store-meals'
                role='button'
                aria-label={`${s.name}的爱心餐核销`}
                onClick={() => Taro.navigateTo({ url: `/merchant/meals/index?storeId=${encodeURIComponent(s.id)}&name=${encodeURIComponent(s.name)}` })}
              >
                爱心餐核销与对账 ›
              </View>
            ) : null}
          </View>
        ))}
        {storesLoaded && !stores.some((s) => s.status === 'active' || s.status === 'pending') ? <StoreApply onOpened={load} /> : null}
      </View>

      <View className='lrf-card lowcarbon-form'>
        <Text className='lowcarbon-card-title'>1. 获取顾客会员码</Text>
        {IS_WEAPP ? (
          <View className='lowcarbon-scan-area'>
            <Button className='lrf-button lowcarbon-scan' onClick={onScan}>
              扫描会员码
            </Button>
            {code ? <Text className='lowcarbon-code-preview'>已扫描：{code.slice(0, 24)}…</Text> : null}
          </View>
        ) : (
          <View className='lowcarbon-paste-area'>
            <Textarea
              className='lowcarbon-code-input'
              placeholder='网页版无法扫码：请粘贴顾客会员码下方的文字'
              maxlength={4096}
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
          </View>
        )}

        <Text className='lowcarbon-card-title lowcarbon-step2'>2. 选择顾客的低碳行动</Text>
        <View className='lowcarbon-actions'>
          {LOWCARBON_ACTIONS.map((a) => (
            <Button
              key={a.action}
              className={`lowcarbon-action lowcarbon-action-${a.action}`}
              disabled={(submitting !== null && submitting !== a.action) || undefined}
              onClick={() => onAction(a.action)}
            >
              {submitting === a.action ? (
                '记录中…'
              ) : (
                <>
                  <Icon name={a.icon} size={36} label='' /> {a.label}
                </>
              )}
            </Button>
          ))}
        </View>
        <View className='lrf-muted lowcarbon-rule'>每次为顾客 +1 朵小红花，每人每天最多 5 朵；每个会员码只能用一次。</View>

        {result ? (
          <View className='lowcarbon-result'>
            <Text className='lowcarbon-result-main'>
              已记录「{actionLabel(result.action)}」，顾客获得 {result.flowers} 朵小红花
            </Text>
            <Text className='lowcarbon-result-meta'>
              {result.storeName} · {formatShanghaiTime(result.createdAt)}
            </Text>
          </View>
        ) : null}
        {error ? <View className='lowcarbon-error'>{error}</View> : null}
      </View>
    </View>
  )
}
