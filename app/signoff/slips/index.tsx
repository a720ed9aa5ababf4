import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import QrCode from '../../components/qr-code'
import { savePdf } from '../../services/signoff-files'
import { slipsPdf } from '../../services/signoff-pdf'
import { takeSlips, type SlipSheet } from '../../services/signoff-slips'
import './index.scss'

// Each QR is a few hundred Views: past this many the page would crawl, and the PDF carries them all.
const SHOWN_SLIPS = 200

/**
 * The slips of a distribution just created: one QR slip per recipient, to print (H5) or keep as a
 * PDF. The codes came with the create answer and live only in this page: the server keeps their
 * hashes, so once the page closes nobody can show them again.
 */
export default function SlipsPage() {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : ''
  // Taken once, when the page first renders; a reload of the page finds nothing.
  const [sheet] = useState<SlipSheet | null>(() => takeSlips(id))
  const [saving, setSaving] = useState(false)

  if (!sheet) {
    return (
      <View className='slips'>
        <View className='lrf-empty slips-gone' role='alert'>
          <Text>签收码只在创建发放时显示一次，现在已无法再次查看。如果还没有打印，请结束这次发放，重新创建一批。</Text>
        </View>
      </View>
    )
  }

  const download = async () => {
    if (saving) return
    setSaving(true)
    try {
      await savePdf(`签收单-${sheet.distributionId}.pdf`, slipsPdf(sheet.title, sheet.slips))
    } catch {
      Taro.showToast({ title: 'PDF 生成失败，请重试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='slips'>
      <View className='slips-warning' role='alert'>
        <Text className='slips-warning-title'>签收码只显示这一次</Text>
        <Text>离开本页后任何人（包括你）都无法再看到这些签收码。请现在打印，或下载 PDF 保存好。</Text>
      </View>
      <View className='slips-actions'>
        {process.env.TARO_ENV === 'h5' ? (
          <Button className='lrf-button slips-print' aria-label='打印签收单' onClick={() => window.print()}>
            打印
          </Button>
        ) : null}
        <Button className='lrf-button-plain slips-pdf' aria-label='下载签收单 PDF' disabled={saving || undefined} onClick={download}>
          {saving ? '生成中…' : '下载 PDF'}
        </Button>
        <Button
          className='lrf-button-plain slips-done'
          onClick={() => Taro.redirectTo({ url: `/signoff/timeline/index?id=${encodeURIComponent(sheet.distributionId)}` })}
        >
          已保存，查看进度
        </Button>
      </View>
      <Text className='lrf-muted slips-count'>
        {sheet.title} · 共 {sheet.slips.length} 张{sheet.slips.length > SHOWN_SLIPS ? `，页面只显示前 ${SHOWN_SLIPS} 张，全部签收单请下载 PDF` : ''}
      </Text>
      <View className='slips-grid'>
        {sheet.slips.slice(0, SHOWN_SLIPS).map((slip) => (
          <View key={slip.recipientId} className='slip' aria-label={`签收单 ${slip.maskedName}`}>
            <QrCode text={slip.code} className='slip-qr' />
            <Text className='slip-code'>{slip.code}</Text>
            <Text className='slip-name'>
              {slip.maskedName}
              {slip.village ? ` · ${slip.village}` : ''}
            </Text>
            <Text className='slip-item'>
              {slip.item} × {slip.quantity} {slip.unit}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
