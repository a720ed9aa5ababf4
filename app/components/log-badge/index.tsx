import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getLogReceiptQueued, receiptPageUrl, type GiftShown } from '../../services/public-log'
import './index.scss'

// The sequencer signs a gift into a checkpoint within seconds: look again a few times meanwhile.
const PENDING_RETRY_MS = 3000
const PENDING_RETRIES = 10

type Shown = { state: 'asking' } | { state: 'pending' } | { state: 'logged'; index: number } | { state: 'none' }

/**
 * 已记入公开账本 · #index beside one gift, once the gift is in a signed checkpoint (记账中… before;
 * nothing for a gift the log does not know, or when the receipt cannot be read). Tapping it opens
 * the page that checks the receipt on the phone.
 */
export default function LogBadge({ gift }: { gift: GiftShown }) {
  const [shown, setShown] = useState<Shown>({ state: 'asking' })
  const { ref, flowers, dream } = gift

  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async (retriesLeft: number) => {
      try {
        const receipt = await getLogReceiptQueued(ref)
        if (!alive) return
        if (!receipt) return setShown({ state: 'none' })
        if (receipt.status === 'logged') return setShown({ state: 'logged', index: receipt.index })
        setShown({ state: 'pending' })
        if (retriesLeft > 0) timer = setTimeout(() => ask(retriesLeft - 1), PENDING_RETRY_MS)
      } catch {
        // A badge is extra: a failed read leaves the row as it was.
        if (alive) setShown({ state: 'none' })
      }
    }
    ask(PENDING_RETRIES)
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
    }
  }, [ref])

  if (shown.state === 'pending') return <Text className='log-badge log-badge-pending'>记账中…</Text>
  if (shown.state !== 'logged') return null
  const open = () => {
    Taro.navigateTo({ url: receiptPageUrl({ ref, flowers, dream }) }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
  }
  return (
    <View className='log-badge log-badge-logged' role='link' aria-label={`已记入公开账本第 ${shown.index} 条，点按在手机上验证`} onClick={open}>
      已记入公开账本 · #{shown.index}
    </View>
  )
}
