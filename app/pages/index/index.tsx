import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { FIXED_SHARE_TITLE } from '../../utils/share'
import { getMe } from '../../services/api'
import { getStoredUser } from '../../services/auth'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { showUnreadBadge } from '../../services/badge'
import { toastError } from '../../services/request'
import type { Role } from '../../../functions/contract'
import { openBill } from '../me/bill-anchor'
import Icon, { type IconName } from '../../components/icon'
import './index.scss'

interface Entry {
  key: string
  icon: IconName
  title: string
  desc: string
  /** Page to open; `tab` pages are opened with switchTab. */
  url: string
  tab?: boolean
}

const ENTRIES: Entry[] = [
  { key: 'steps', icon: 'steps', title: '捐步', desc: '每天走路，步数换小红花', url: '/earn/steps/index' },
  { key: 'quiz', icon: 'quiz', title: '答题', desc: '每日三题，答对得小红花', url: '/earn/quiz/index' },
  { key: 'lowcarbon', icon: 'leaf', title: '一起低碳', desc: '出示会员码，低碳消费得小红花', url: '/codes/member-code/index' },
  { key: 'dreams', icon: 'dream', title: '一花一梦想', desc: '把小红花送给别人的梦想', url: '/pages/dreams/index', tab: true },
  { key: 'meals', icon: 'meal', title: '爱心餐', desc: '为环卫工人买一份午餐', url: '/meals/stores/index' },
]

const MERCHANT_ENTRY: Entry = {
  key: 'merchant',
  icon: 'store',
  title: '商户：低碳与爱心餐',
  desc: '扫会员码送小红花，扫核销码发爱心餐',
  url: '/merchant/lowcarbon/index',
}

export default function HomePage() {
  const [balance, setBalance] = useState<number | null>(null)
  const [nickname, setNickname] = useState(getStoredUser()?.nickname || '')
  const [failed, setFailed] = useState(false)
  const [roles, setRoles] = useState<Role[]>(getStoredUser()?.roles ?? [])

  // A fixed title: the home page shows the sharer's own nickname and balance, never shared.
  useShareAppMessage(() => ({ title: FIXED_SHARE_TITLE, path: '/pages/index/index' }))

  const load = async () => {
    try {
      const me = await getMe()
      setBalance(me.flowers.balance)
      setNickname(me.user.nickname)
      setRoles(me.user.roles)
      showUnreadBadge({ notifications: me.unreadNotifications, letters: me.unreadLetters })
      setFailed(false)
    } catch (err) {
      setFailed(true)
      toastError(err)
    }
  }

  usePageRefresh(() => load())

  const onEntry = (entry: Entry) => {
    const go = entry.tab ? Taro.switchTab({ url: entry.url }) : Taro.navigateTo({ url: entry.url })
    go.catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
  }

  const entries = roles.includes('merchant') ? [...ENTRIES, MERCHANT_ENTRY] : ENTRIES

  return (
    <View className='home'>
      <View className='home-banner'>
        <Text className='home-greeting'>{nickname ? `你好，${nickname}` : '你好'}</Text>
        <View className='lrf-icon-title'>
          <Icon name='flower' size={48} color='#fff' label='' />
          <Text className='home-title'>小红花</Text>
        </View>
        <Text className='home-intro'>做好事赚小红花，把小红花送给梦想。</Text>
        <Text className='home-intro'>捐出步数、答对题目、低碳出行都能获得小红花；攒下的小红花可以支持一个个真实的梦想。</Text>
      </View>

      <View className='home-balance-card' onClick={openBill}>
        <Text className='home-balance-label'>我的小红花</Text>
        <View className='home-balance'>
          {balance !== null ? (
            <Text className='home-balance-value'>{balance}</Text>
          ) : (
            <Text className='home-balance-pending'>{failed ? '暂时无法获取' : '加载中…'}</Text>
          )}
          {balance !== null ? <Text className='home-balance-unit'> 朵</Text> : null}
        </View>
        <Text className='home-balance-link'>查看爱心账单 ›</Text>
      </View>

      <View className='lrf-section-title'>做好事</View>
      <View className='home-entries'>
        {entries.map((entry) => (
          <View key={entry.key} className={`home-entry home-entry-${entry.key}`} onClick={() => onEntry(entry)}>
            <View className='home-entry-icon'>
              <Icon name={entry.icon} size={56} />
            </View>
            <Text className='home-entry-title'>{entry.title}</Text>
            <Text className='home-entry-desc'>{entry.desc}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
