import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { getMe } from '../../services/api'
import { closeAccount } from '../../services/account'
import { signOut } from '../../services/auth'
import { errorMessage, isApiError } from '../../services/request'
import '../account.scss'

/** 注销账号: what is forfeited, what stays, a confirm, then the account is closed and the app signed out. */
export default function CloseAccountPage() {
  const [balance, setBalance] = useState<number | null>(null)
  const [closing, setClosing] = useState(false)
  const [error, setError] = useState('')

  usePageRefresh(async () => {
    try {
      setBalance((await getMe()).flowers.balance)
    } catch (err) {
      setError(errorMessage(err))
    }
  })

  const close = async () => {
    if (closing) return
    const { confirm } = await Taro.showModal({
      title: '确定注销账号？',
      content: `注销后无法恢复：${balance ?? 0} 朵小红花将作废，账号信息将被删除。`,
      confirmText: '确定注销',
      confirmColor: '#e64340',
    })
    if (!confirm) return
    setClosing(true)
    setError('')
    try {
      await closeAccount()
      Taro.showToast({ title: '账号已注销', icon: 'success' })
      // Signed out on purpose: WeChat would otherwise sign in at once and make a new account.
      signOut()
    } catch (err) {
      setError(
        isApiError(err, 'ACCOUNT_HAS_DUTIES') ? '你还有正在营业的门店或已认领的梦想，请先联系我们交接后再注销。' : errorMessage(err, '注销失败，请稍后重试'),
      )
    } finally {
      setClosing(false)
    }
  }

  return (
    <View className='account'>
      <View className='lrf-card account-card'>
        <Text className='account-heading'>注销后会失去</Text>
        <Text className='account-text account-forfeit'>余下的 {balance === null ? '…' : balance} 朵小红花将作废，不能再捐出或找回。</Text>
        <Text className='account-text'>你的昵称、微信身份、订阅、消息和小红花来信都会被删除，已有的登录会立即失效。</Text>
      </View>
      <View className='lrf-card account-card'>
        <Text className='account-heading'>会保留下来</Text>
        <Text className='account-text'>你已经捐出的小红花和爱心餐仍然算数：梦想的进度、捐赠人数和公开账本都不会改变，捐赠记录里显示为“已注销用户”。</Text>
        <Text className='account-text'>之后用同一个微信再登录，会是一个新账号，小红花从 0 开始。</Text>
      </View>
      {error ? <View className='account-error'>{error}</View> : null}
      <Button className='lrf-button account-close' disabled={closing || undefined} onClick={close}>
        {closing ? '正在注销…' : '注销账号'}
      </Button>
    </View>
  )
}
