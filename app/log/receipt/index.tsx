import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageState from '../../components/page-state'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { errorMessage } from '../../services/request'
import { getLogReceipt, type GiftShown } from '../../services/public-log'
import { tamperedProof, verifyReceipt, type ReceiptCheck } from '../../services/public-log-verify'
import './index.scss'

type Loaded = { state: 'pending' } | { state: 'checked'; check: ReceiptCheck }

/**
 * 公开账本验证: fetches the receipt of one gift and checks it here, on the phone, against the key
 * built into the app; the server is trusted for nothing but delivering the bytes.
 */
export default function LogReceiptPage() {
  const { params } = useRouter()
  const ref = params.ref ? decodeURIComponent(params.ref) : ''
  const flowers = Number(params.flowers)
  const dream = params.dream ? decodeURIComponent(params.dream) : undefined
  // Honoured by local and test builds only (tamperedProof is a no-op elsewhere): shows a failure.
  const tamper = params.tamperProof === '1'

  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    if (!ref || !Number.isInteger(flowers)) {
      setMissing(true)
      return
    }
    try {
      const receipt = await getLogReceipt(ref)
      if (!receipt) {
        setMissing(true)
      } else if (receipt.status === 'pending') {
        setLoaded({ state: 'pending' })
      } else {
        const gift: GiftShown = { ref, flowers, dream }
        setLoaded({ state: 'checked', check: verifyReceipt(tamper ? tamperedProof(receipt) : receipt, gift) })
      }
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [ref, flowers, dream, tamper])

  usePageRefresh(load)

  if (missing || error || !loaded) {
    return <PageState root='log-receipt' missing={missing ? '公开账本里没有这笔捐赠' : null} error={error} onRetry={load} />
  }

  return (
    <View className='log-receipt'>
      <View className='lrf-card log-receipt-card'>
        <Text className='log-receipt-gift'>这笔捐赠：{flowers} 朵小红花</Text>
        {loaded.state === 'pending' ? (
          <View className='log-receipt-pending'>
            <Text>记账中…几秒后就会写进公开账本。</Text>
            <Button className='lrf-button-plain log-receipt-again' onClick={load}>
              再看一次
            </Button>
          </View>
        ) : loaded.check.ok ? (
          <View className='log-receipt-verified' role='status' aria-label={`已验证，${loaded.check.cosigners} 个见证方联署`}>
            <Text className='log-receipt-result log-receipt-ok'>✓ 已验证</Text>
            <Text className='log-receipt-line'>
              公开账本第 #{loaded.check.index} 条（账本共 {loaded.check.size} 条）
            </Text>
            <Text className='log-receipt-line log-receipt-witnesses'>{loaded.check.cosigners} 个见证方联署</Text>
          </View>
        ) : (
          <View className='log-receipt-failed' role='alert'>
            <Text className='log-receipt-result log-receipt-bad'>✗ 验证未通过</Text>
            <Text className='log-receipt-line log-receipt-reason'>{loaded.check.message}</Text>
          </View>
        )}
      </View>
      <View className='lrf-card log-receipt-how'>
        <Text className='log-receipt-how-title'>手机上验证了什么</Text>
        <Text className='lrf-muted log-receipt-how-line'>用这笔记录和证明算出账本根，与签名的账本根对比；</Text>
        <Text className='lrf-muted log-receipt-how-line'>用内置在小程序里的公钥核对账本签名；</Text>
        <Text className='lrf-muted log-receipt-how-line'>核对记录就是这笔捐赠，且捐赠人承诺由只有你持有的盐算出。</Text>
      </View>
    </View>
  )
}
