import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { joinAssembly } from '../../services/assembly'
import { assemblyErrorMessage } from '../../services/assembly-errors'

/**
 * 加入会议: counts the person in the attendance, then hands over the link. WeChat cannot open an
 * outside web page from a mini-program, so there the link is copied (WeChat's own toast says
 * 内容已复制) and the page says where to paste it; in a browser it opens in a new tab.
 */
export default function JoinButton({ assemblyId }: { assemblyId: string }) {
  const [busy, setBusy] = useState(false)
  const [url, setUrl] = useState('')

  const join = async () => {
    if (busy) return
    setBusy(true)
    try {
      const { meetingUrl } = await joinAssembly(assemblyId)
      if (!meetingUrl) {
        Taro.showToast({ title: '机构还没有填写会议链接，请稍后再试', icon: 'none', duration: 2500 })
        return
      }
      setUrl(meetingUrl)
      if (process.env.TARO_ENV === 'h5') {
        window.open(meetingUrl, '_blank')
      } else {
        await Taro.setClipboardData({ data: meetingUrl })
      }
    } catch (err) {
      Taro.showToast({ title: assemblyErrorMessage(err), icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='assembly-join'>
      <Button className='lrf-button assembly-join-button' disabled={busy || undefined} aria-label='加入会议' onClick={join}>
        {busy ? '正在加入…' : '加入会议'}
      </Button>
      {url ? (
        <Text className='lrf-muted assembly-join-hint' userSelect>
          {process.env.TARO_ENV === 'h5' ? `会议已在新窗口打开；没有打开的话，请复制链接：${url}` : `会议链接已复制，请打开腾讯会议或浏览器粘贴加入：${url}`}
        </Text>
      ) : null}
    </View>
  )
}
