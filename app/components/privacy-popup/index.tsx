import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { addPrivacyPresenter, type PrivacyAnswer } from '../../services/privacy-prompt'
import { openPrivacyContract } from '../../services/privacy'
import './index.scss'

/** WeChat checks that the button with this id was tapped before it accepts an 'agree'. */
const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * The privacy guide's consent sheet, for pages that read personal data (WeRun, photos, the
 * location of a sign-off, a chosen file, the clipboard). It stays hidden until WeChat asks; H5
 * never asks, so it never shows there.
 */
export default function PrivacyPopup() {
  const [open, setOpen] = useState(false)
  const answerRef = useRef<((choice: PrivacyAnswer) => void) | null>(null)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    return addPrivacyPresenter((answer) => {
      answerRef.current = answer
      setOpen(true)
    })
  }, [])

  const close = (choice: PrivacyAnswer) => {
    setOpen(false)
    answerRef.current?.(choice)
    answerRef.current = null
  }

  if (!open) return null
  return (
    <View className='privacy-popup' role='dialog' aria-label='隐私保护指引'>
      <View className='privacy-popup-sheet'>
        <Text className='privacy-popup-title'>隐私保护指引</Text>
        <Text className='privacy-popup-text'>
          使用这项功能前，请阅读并同意小红花的隐私保护指引：我们只为你要用的功能读取微信运动步数、照片、签收地点、文件或剪贴板，不作他用。
        </Text>
        <View className='privacy-popup-link' role='link' onClick={openPrivacyContract}>
          《小红花隐私保护指引》
        </View>
        <View className='privacy-popup-buttons'>
          <Button className='lrf-button-plain privacy-popup-disagree' onClick={() => close({ event: 'disagree' })}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='lrf-button privacy-popup-agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => close({ event: 'agree', buttonId: AGREE_BUTTON_ID })}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
