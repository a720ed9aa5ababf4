import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Image, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import PrivacyPopup from '../../components/privacy-popup'
import { explainRefusal } from '../../services/privacy'
import { errorMessage, newIdempotencyKey } from '../../services/request'
import { forgetQueued, getDistribution, keepPhoto, sendQueued, signoffQueue } from '../../services/signoff'
import { choosePhoto, currentLocation, isOnline, onNetworkBack, scanSlip } from '../../services/signoff-device'
import type { QueuedLocation, QueuedSignoff } from '../../services/signoff-queue'
import { formatCode, isWellFormedCode, normaliseCode } from '../../../functions/contract/signoff-code'
import type { DistributionView } from '../../../functions/contract'
import './index.scss'

// The test switch (pretend the phone is offline) exists only in local and test builds.
const TEST_SWITCHES = process.env.TARO_APP_LOG_TEST_SWITCHES === '1'

/**
 * Field staff record hand-overs: scan a slip or type its code (checked on the phone first), add a
 * photo and the place if they like, and save. Every sign-off is queued on the phone at the moment
 * it is signed and sent from the queue, so one made offline goes out when the network returns.
 */
export default function SignPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''

  const [distribution, setDistribution] = useState<DistributionView | null>(null)
  const [canSign, setCanSign] = useState<boolean | null>(null)
  const [loadError, setLoadError] = useState('')
  const [code, setCode] = useState('')
  const [codeProblem, setCodeProblem] = useState('')
  const [photoPath, setPhotoPath] = useState('')
  const [photoType, setPhotoType] = useState<string | undefined>(undefined)
  const [withLocation, setWithLocation] = useState(false)
  const [saving, setSaving] = useState(false)
  const [queued, setQueued] = useState<QueuedSignoff[]>([])
  const [lastResult, setLastResult] = useState('')
  const [offline, setOffline] = useState(TEST_SWITCHES && router.params.offline === '1')
  const offlineRef = useRef(offline)
  offlineRef.current = offline
  const savingRef = useRef(false)

  const showQueue = useCallback(() => setQueued(signoffQueue.list(id)), [id])

  const load = useCallback(async () => {
    if (!id || offlineRef.current) return
    try {
      const res = await getDistribution(id)
      setDistribution(res.distribution)
      setCanSign(res.canSign)
      setLoadError('')
    } catch (err) {
      // Offline the page still signs: the queue keeps every sign-off until it can be sent.
      setLoadError(errorMessage(err))
    }
  }, [id])

  const flush = useCallback(async () => {
    if (offlineRef.current) return
    if (!(await isOnline())) return
    const before = signoffQueue.pendingCount()
    if (before === 0) return
    const result = await signoffQueue.flush(sendQueued)
    showQueue()
    if (result.sent.length > 0) {
      setLastResult(`已上传 ${result.sent.length} 条签收`)
      load()
    }
    if (result.refused.length > 0) Taro.showToast({ title: `${result.refused.length} 条签收被拒绝，请查看原因`, icon: 'none' })
  }, [load, showQueue])

  useDidShow(() => {
    showQueue()
    load()
    flush()
  })

  useEffect(() => onNetworkBack(() => flush()), [flush])

  const scan = async () => {
    const text = await scanSlip()
    if (text) {
      setCode(text)
      setCodeProblem(isWellFormedCode(text) ? '' : '校验位不对，请核对')
    }
  }

  const addPhoto = async () => {
    const chosen = await choosePhoto()
    if (!chosen) return
    try {
      setPhotoPath(await keepPhoto(chosen.path))
      setPhotoType(chosen.type)
    } catch {
      Taro.showToast({ title: '照片保存失败，请重试', icon: 'none' })
    }
  }

  const locate = async (): Promise<QueuedLocation | undefined> => {
    try {
      return await currentLocation()
    } catch (err) {
      await explainRefusal(err, '位置信息')
      return undefined
    }
  }

  const save = async () => {
    if (savingRef.current) return
    if (!isWellFormedCode(code)) {
      setCodeProblem('校验位不对，请核对')
      return
    }
    savingRef.current = true
    setSaving(true)
    try {
      // The moment of the hand-over, kept as it is however late the record is sent.
      const signedAt = new Date().toISOString()
      const location = withLocation ? await locate() : undefined
      signoffQueue.add({
        distributionId: id,
        code: formatCode(normaliseCode(code)),
        signedAt,
        idempotencyKey: newIdempotencyKey(),
        ...(photoPath ? { photoPath, photoType } : {}),
        ...(location ? { location } : {}),
      })
      setCode('')
      setCodeProblem('')
      setPhotoPath('')
      setLastResult(offlineRef.current ? '已保存在手机上，联网后自动上传' : '已保存，正在上传…')
      showQueue()
      await flush()
    } catch {
      Taro.showToast({ title: '手机存储已满，签收没有保存，请先上传或清理', icon: 'none' })
    } finally {
      savingRef.current = false
      setSaving(false)
    }
  }

  const toggleOffline = (value: boolean) => {
    setOffline(value)
    offlineRef.current = value
    if (!value) {
      load()
      flush()
    }
  }

  const pending = queued.filter((r) => r.state === 'pending')
  const refused = queued.filter((r) => r.state === 'refused')
  const closed = distribution?.status === 'closed'

  return (
    <View className='sign'>
      <PrivacyPopup />
      <View className='lrf-card sign-head'>
        <Text className='sign-title'>{distribution ? distribution.title : '签收'}</Text>
        {distribution ? (
          <Text className='lrf-muted sign-progress'>
            已签收 {distribution.signedQuantity}/{distribution.totalQuantity} {distribution.unit} · {distribution.signedCount}/{distribution.recipientCount} 人
          </Text>
        ) : null}
        {loadError ? <Text className='lrf-muted sign-load-error'>暂时取不到发放信息（{loadError}），签收会先保存在手机上。</Text> : null}
        <Text className={`sign-pending ${pending.length ? 'sign-pending-some' : ''}`} aria-live='polite'>
          待上传 {pending.length}
        </Text>
      </View>

      {TEST_SWITCHES ? (
        <View className='sign-test-switch'>
          <Text>模拟离线（仅测试环境）</Text>
          <View
            className={`sign-offline ${offline ? 'sign-offline-on' : ''}`}
            role='switch'
            aria-checked={offline}
            aria-label='模拟离线'
            onClick={() => toggleOffline(!offline)}
          >
            {offline ? '已离线' : '在线'}
          </View>
        </View>
      ) : null}

      {closed ? <View className='lrf-empty sign-closed'>这次发放已结束，不能再签收。</View> : null}
      {canSign === false ? <View className='lrf-empty sign-forbidden'>你没有这次发放的签收权限，请联系发放的公益机构。</View> : null}

      {!closed && canSign !== false ? (
        <View className='lrf-card sign-form'>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='lrf-button sign-scan' aria-label='扫描签收单' onClick={scan}>
              扫描签收单
            </Button>
          ) : null}
          <Text className='sign-label'>签收码</Text>
          <Input
            className='sign-code'
            aria-label='签收码'
            placeholder='如 K7QM-2XPD-RT9'
            maxlength={20}
            value={code}
            onInput={(e) => {
              setCode(e.detail.value)
              setCodeProblem('')
            }}
            onBlur={() => setCodeProblem(code && !isWellFormedCode(code) ? '校验位不对，请核对' : '')}
          />
          {codeProblem ? (
            <View className='sign-code-problem' role='alert'>
              {codeProblem}
            </View>
          ) : null}

          <View className='sign-photo'>
            {photoPath ? (
              <View className='sign-photo-item'>
                <Image className='sign-photo-thumb' src={photoPath} mode='aspectFill' aria-label='签收照片' />
                <View className='sign-photo-remove' role='button' aria-label='移除照片' onClick={() => setPhotoPath('')}>
                  移除
                </View>
              </View>
            ) : (
              <View className='sign-photo-add' role='button' aria-label='拍照（可选）' onClick={addPhoto}>
                + 拍照（可选）
              </View>
            )}
          </View>

          <View className='sign-location'>
            <Text>附上当前位置（可选）</Text>
            <Switch className='sign-location-switch' aria-label='附上当前位置' checked={withLocation} onChange={(e) => setWithLocation(e.detail.value)} />
          </View>

          <Button className='lrf-button sign-save' disabled={saving || undefined} onClick={save}>
            {saving ? '保存中…' : '确认签收'}
          </Button>
          {lastResult ? (
            <Text className='lrf-muted sign-result' aria-live='polite'>
              {lastResult}
            </Text>
          ) : null}
        </View>
      ) : null}

      {queued.length > 0 ? <View className='lrf-section-title'>手机上的签收</View> : null}
      {pending.map((r) => (
        <View key={r.id} className='lrf-card sign-queued sign-queued-pending'>
          <Text className='sign-queued-code'>{r.code}</Text>
          <Text className='lrf-muted'>待上传 · 签收于 {new Date(r.signedAt).toLocaleString('zh-CN', { hour12: false })}</Text>
        </View>
      ))}
      {refused.map((r) => (
        <View key={r.id} className='lrf-card sign-queued sign-queued-refused'>
          <Text className='sign-queued-code'>{r.code}</Text>
          <Text className='sign-queued-reason'>未通过：{r.refusal?.message ?? '被拒绝'}</Text>
          <View
            className='sign-queued-remove'
            role='button'
            aria-label={`不再显示 ${r.code}`}
            onClick={() => {
              forgetQueued(r)
              showQueue()
            }}
          >
            知道了
          </View>
        </View>
      ))}
    </View>
  )
}
