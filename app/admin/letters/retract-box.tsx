import { useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LetterCard from '../../components/letter-card'
import { retractLetter } from '../../services/letters'
import { toastError } from '../../services/request'
import type { LetterView } from '../../../functions/contract'

/**
 * 撤回: the way out for a wrong letter that was published. The admin names the letter (its id, or
 * the link to it) and why; donors keep seeing it, marked 已撤回 with the reason, and are told.
 */
export default function RetractBox() {
  const [letterRef, setLetterRef] = useState('')
  const [reason, setReason] = useState('')
  const [done, setDone] = useState<LetterView | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const retract = async () => {
    if (busyRef.current) return
    // A pasted link (…/letters/read/index?id=…) works as well as the bare id.
    const letterId = decodeURIComponent((letterRef.match(/[?&]id=([^&]+)/)?.[1] ?? letterRef).trim())
    const why = reason.trim()
    if (!letterId || !why) {
      Taro.showToast({ title: '请填写来信编号和撤回原因，支持者会看到原因', icon: 'none' })
      return
    }
    const confirmed = await Taro.showModal({ title: '撤回这封来信？', content: '来信会标记为已撤回，账目回到上一封，支持者会收到通知。' })
    if (!confirmed.confirm) return
    busyRef.current = true
    setBusy(true)
    try {
      const { letter } = await retractLetter(letterId, { reason: why })
      setDone(letter)
      setReason('')
      Taro.showToast({ title: '已撤回，正在通知支持者', icon: 'success' })
    } catch (err) {
      toastError(err)
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <View className='retract-box'>
      <View className='lrf-section-title'>撤回已发布的来信</View>
      <Text className='lrf-muted retract-box-desc'>
        发现已发布的来信有误时撤回：它仍然可见并标注“已撤回”与原因；账目回到上一封，机构可为同一周期重新提交更正。
      </Text>
      <Input
        className='review-letter-note retract-box-letter'
        aria-label='来信编号'
        placeholder='来信编号或链接'
        value={letterRef}
        onInput={(e) => setLetterRef(e.detail.value)}
      />
      <Input
        className='review-letter-note retract-box-reason'
        aria-label='撤回原因'
        placeholder='撤回原因（必填，支持者可见）'
        maxlength={200}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <Button className='lrf-button-plain retract-box-button' disabled={busy || undefined} onClick={retract}>
        撤回
      </Button>
      {done ? <LetterCard letter={done} full /> : null}
    </View>
  )
}
