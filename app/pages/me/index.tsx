import { useCallback, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { BILL_ANCHOR_ID, scrollToBill, takeBillWish } from './bill-anchor'
import ListFooter from '../../components/list-footer'
import Icon, { type IconName } from '../../components/icon'
import LogBadge from '../../components/log-badge'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { showUnreadBadge } from '../../services/badge'
import { usePagedList } from '../../hooks/use-paged-list'
import { getLedger, getMe } from '../../services/api'
import { ROLE_LABELS, getStoredUser, signOut } from '../../services/auth'
import { errorMessage, toastError } from '../../services/request'
import type { LedgerEntry, Me } from '../../../functions/contract'
import { formatShanghaiTime, reasonLabel, signed } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 20

interface MenuRow {
  /** Also the row's class: `me-<key>`. */
  key: string
  icon: IconName
  title: string
  url: string
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

// Like Promise.allSettled for one promise; older WeChat JS engines lack allSettled.
function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}

export default function MePage() {
  const [me, setMe] = useState<Me | null>(null)
  const [meError, setMeError] = useState('')
  const ledger = usePagedList<LedgerEntry>((cursor) => getLedger(cursor, PAGE_SIZE))
  const { reload: reloadLedger } = ledger

  const refresh = useCallback(async () => {
    const [meResult, ledgerResult] = await Promise.all([settle(getMe()), reloadLedger({ quiet: true })])
    // A newer refresh started meanwhile: its answers win.
    if (ledgerResult.status === 'stale') return

    if (meResult.ok) {
      setMe(meResult.value)
      showUnreadBadge({ notifications: meResult.value.unreadNotifications, letters: meResult.value.unreadLetters })
      setMeError('')
    } else {
      setMeError(errorMessage(meResult.error))
    }

    // One toast is enough when both calls fail for the same reason (e.g. no network).
    if (!meResult.ok) toastError(meResult.error)
    else if (ledgerResult.status === 'failed') toastError(ledgerResult.error)
  }, [reloadLedger])

  // Every time the tab shows: balances change on other pages (donations, quiz, steps).
  usePageRefresh(refresh)
  // Came from 查看爱心账单: land on the bill itself.
  useDidShow(() => {
    if (takeBillWish()) scrollToBill()
  })

  const onSignOut = () => {
    Taro.showModal({
      title: '退出登录',
      content: '确定要退出登录吗？',
      confirmColor: '#e64340',
    }).then((res) => {
      if (res.confirm) signOut()
    })
  }

  const user = me?.user ?? getStoredUser()
  const roles = user?.roles ?? []

  const menu: MenuRow[] = [
    { key: 'my-dreams', icon: 'dream', title: '我的梦想', url: '/pages/my-dreams/index' },
    { key: 'letters', icon: 'letter', title: '小红花来信', url: '/letters/inbox/index' },
    { key: 'notifications', icon: 'bell', title: '消息通知', url: '/pages/notifications/index' },
    { key: 'meals', icon: 'meal', title: '爱心餐', url: '/meals/stores/index' },
    { key: 'my-meals', icon: 'meal', title: '我捐的爱心餐', url: '/meals/mine/index' },
    roles.includes('worker')
      ? { key: 'meal-pass', icon: 'qr', title: '爱心餐核销码', url: '/codes/meal-pass/index' }
      : { key: 'worker', icon: 'worker', title: '环卫工人认证', url: '/meals/worker/index' },
  ]
  if (roles.includes('admin')) menu.push({ key: 'admin', icon: 'shield', title: '审核后台', url: '/admin/review/index' })
  if (roles.includes('charity')) {
    menu.push({ key: 'charity', icon: 'charity', title: '公益机构工作台', url: '/charity/workbench/index' })
  }
  menu.push({ key: 'profile', icon: 'edit', title: '头像和昵称', url: '/account/profile/index' })
  menu.push({ key: 'privacy', icon: 'lock', title: '隐私政策', url: '/privacy/index' })
  menu.push({ key: 'export', icon: 'download', title: '导出我的数据', url: '/account/export/index' })
  menu.push({ key: 'close-account', icon: 'close', title: '注销账号', url: '/account/close/index' })

  const openRow = (url: string) => {
    Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
  }

  return (
    <View className='me'>
      <View className='me-header'>
        {/* Only a checked avatar comes with the answer (GET /me), so nothing unchecked shows here. */}
        {me?.user.avatarUrl ? (
          <Image className='me-avatar' src={me.user.avatarUrl} mode='aspectFill' aria-label='我的头像' />
        ) : (
          <View className='me-avatar'>{(user?.nickname || '花').slice(0, 1)}</View>
        )}
        <View className='me-identity'>
          <Text className='me-nickname'>{user?.nickname || '小红花用户'}</Text>
          {user?.id ? <Text className='me-user-id'>用户编号 {user.id}</Text> : null}
          <View className='me-roles'>
            {roles.map((role) => (
              <Text key={role} className='me-role'>
                {ROLE_LABELS[role] || role}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className='me-flowers'>
        {me ? (
          <View className='me-balance'>
            <Icon className='me-balance-flower' name='flower' size={44} label='' />
            <Text className='me-balance-value'>{me.flowers.balance}</Text>
            <Text className='me-balance-unit'> 朵小红花</Text>
          </View>
        ) : (
          <View className='me-balance-placeholder'>{meError ? meError : '正在数小红花…'}</View>
        )}
        <View className='me-stats'>
          <View className='me-stat'>
            <Text className='me-stat-value me-earned-value'>{me ? me.flowers.earned : '-'}</Text>
            <Text className='me-stat-label'>累计获得</Text>
          </View>
          <View className='me-stat-divider' />
          <View className='me-stat'>
            <Text className='me-stat-value me-given-value'>{me ? me.flowers.given : '-'}</Text>
            <Text className='me-stat-label'>累计捐出</Text>
          </View>
        </View>
      </View>

      <View className='me-menu'>
        {menu.map((row) => (
          <View key={row.key} className={`me-menu-row me-${row.key}`} onClick={() => openRow(row.url)}>
            <View className='me-menu-icon'>
              <Icon name={row.icon} size={40} />
            </View>
            <Text className='me-menu-title'>{row.title}</Text>
            {row.key === 'notifications' && me && me.unreadNotifications > 0 ? (
              <Text className='me-menu-count' aria-label={`${me.unreadNotifications} 条未读`}>
                {me.unreadNotifications > 99 ? '99+' : me.unreadNotifications}
              </Text>
            ) : null}
            {row.key === 'letters' && me && me.unreadLetters > 0 ? (
              <Text className='me-menu-count me-letters-count' aria-label={`${me.unreadLetters} 封未读来信`}>
                {me.unreadLetters > 99 ? '99+' : me.unreadLetters}
              </Text>
            ) : null}
            <Text className='me-menu-arrow'>›</Text>
          </View>
        ))}
      </View>

      <View id={BILL_ANCHOR_ID} className='lrf-section-title me-bill-title'>
        爱心账单
      </View>

      {ledger.loaded && ledger.items.length === 0 ? (
        <View className='lrf-empty ledger-empty'>
          <Icon name='sprout' className='lrf-empty-icon' size={96} />
          <Text>还没有爱心账单，去捐步或答题赚取小红花吧</Text>
        </View>
      ) : null}

      {ledger.items.length > 0 ? (
        <View className='ledger-list'>
          {ledger.items.map((entry) => (
            <View key={entry.id} className='ledger-item'>
              <View className='ledger-main'>
                <Text className='ledger-reason'>{reasonLabel(entry.reason)}</Text>
                {entry.note ? <Text className='ledger-note'>{entry.note}</Text> : null}
                <Text className='ledger-time'>{formatShanghaiTime(entry.createdAt)}</Text>
                {entry.reason === 'dream_donation' ? <LogBadge gift={{ ref: entry.id, flowers: -entry.delta, dream: entry.refId ?? undefined }} /> : null}
              </View>
              <View className='ledger-side'>
                <Text className={`ledger-delta ${entry.delta >= 0 ? 'ledger-delta-plus' : 'ledger-delta-minus'}`}>{signed(entry.delta)}</Text>
                <Text className='ledger-balance'>余额 {entry.balanceAfter}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {/* The error is hidden while a retry loads. */}
      <ListFooter prefix='ledger' list={ledger} end showError={!ledger.loaded && !ledger.loading} />

      <View className='me-actions'>
        <Button className='lrf-button-plain me-signout' onClick={onSignOut}>
          退出登录
        </Button>
      </View>
    </View>
  )
}
