import { Button, Text, View } from '@tarojs/components'
import rules from '../../../config/rules.json'
import './index.scss'

/** How often an adopting charity writes to the dream's supporters, at the least (config/rules.json). */
export const LETTER_GAP_DAYS: number = rules.letters.maxGapDays

interface Props {
  /** The dream about to be adopted; nothing shows while null. */
  title: string | null
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Adopting is a promise to the dream's supporters, so it is never one tap: this sheet says what the
 * charity commits to (carrying the dream out, and a letter at least every few days) before it does.
 */
export default function AdoptConfirm({ title, busy, onConfirm, onCancel }: Props) {
  if (title === null) return null
  return (
    <View className='adopt-confirm' role='dialog' aria-label='确认认领'>
      <View className='adopt-confirm-sheet'>
        <Text className='adopt-confirm-title'>认领“{title}”</Text>
        <Text className='adopt-confirm-text'>认领后，你的机构承诺：</Text>
        <View className='adopt-confirm-promise'>· 执行这个梦想，把筹得的小红花用在梦想上；</View>
        <View className='adopt-confirm-promise adopt-confirm-gap'>
          · 至少每 {LETTER_GAP_DAYS} 天给支持者写一封来信，说明进展和账目，超过 {LETTER_GAP_DAYS} 天没有来信，梦想页会显示“逾期未反馈”。
        </View>
        <View className='adopt-confirm-buttons'>
          <Button className='lrf-button-plain adopt-confirm-cancel' disabled={busy || undefined} onClick={onCancel}>
            再想想
          </Button>
          <Button className='lrf-button adopt-confirm-ok' disabled={busy || undefined} onClick={onConfirm}>
            {busy ? '认领中…' : '确认认领'}
          </Button>
        </View>
      </View>
    </View>
  )
}
