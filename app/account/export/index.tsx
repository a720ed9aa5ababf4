import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { deliverExport, exportFileName, exportMyData } from '../../services/account'
import { errorMessage } from '../../services/request'
import '../account.scss'

const DONE_TEXT = { downloaded: '已下载', shared: '已发送', copied: '已复制到剪贴板' } as const

/** 导出我的数据: everything kept about the person, as one JSON file. */
export default function ExportPage() {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [error, setError] = useState('')

  const run = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    setDone('')
    try {
      const data = await exportMyData()
      const how = await deliverExport(JSON.stringify(data, null, 2), exportFileName(data.exportedAt))
      setDone(DONE_TEXT[how])
      Taro.showToast({ title: DONE_TEXT[how], icon: 'success' })
    } catch (err) {
      setError(errorMessage(err, '导出失败，请稍后重试'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='account'>
      <View className='lrf-card account-card'>
        <Text className='account-heading'>导出我的数据</Text>
        <Text className='account-text'>
          一个 JSON 文件，包含我们保存的关于你的全部信息：账号、小红花余额和每一笔账单、捐赠、梦想、队伍、爱心餐、来信和消息。
        </Text>
      </View>
      {error ? <View className='account-error'>{error}</View> : null}
      {done ? <View className='account-done'>{done}</View> : null}
      <Button className='lrf-button account-export' disabled={busy || undefined} onClick={run}>
        {busy ? '正在导出…' : '导出'}
      </Button>
    </View>
  )
}
