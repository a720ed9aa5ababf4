import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { getNotifications, markAllNotificationsRead, markNotificationRead } from '../../services/api'
import { showUnreadBadge } from '../../services/badge'
import { toastError } from '../../services/request'
import type { Notification } from '../../../functions/contract'
import { formatShanghaiTime } from '../../utils/format'
import './index.scss'
import Icon, { type IconName } from '../../components/icon'
import { notificationPage } from './notification-link'

const PAGE_SIZE = 20

const TYPE_ICONS: Record<string, IconName> = {
  dream_executable: 'celebrate',
  letter: 'letter',
  meal_redeemed: 'meal',
  meal_refunded: 'refund',
  assembly_invited: 'charity',
  assembly_minutes: 'letter',
  promise_done: 'check',
  distribution_closed: 'bag',
}

export default function NotificationsPage() {
  const list = usePagedList<Notification>((cursor) => getNotifications(cursor, PAGE_SIZE))
  const { items, loaded, setItems } = list

  usePageRefresh(() => list.reload())

  const markLocally = (id: string | null) => setItems((prev) => prev.map((n) => (id === null || n.id === id ? { ...n, read: true } : n)))

  const open = (n: Notification) => {
    if (!n.read) {
      // Reading it is opening it: marked read on the server, the badge follows.
      markLocally(n.id)
      markNotificationRead(n.id).then(
        (answer) => showUnreadBadge({ notifications: answer.unread }),
        () => undefined,
      )
    }
    const url = notificationPage(n)
    if (!url) return
    Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }))
  }

  const readAll = async () => {
    try {
      const answer = await markAllNotificationsRead()
      markLocally(null)
      showUnreadBadge({ notifications: answer.unread })
    } catch (err) {
      toastError(err)
    }
  }

  const anyUnread = items.some((n) => !n.read)

  return (
    <View className='notifications'>
      {anyUnread ? (
        <View className='notifications-actions'>
          <Button className='lrf-button-plain notifications-read-all' onClick={readAll}>
            全部标为已读
          </Button>
        </View>
      ) : null}
      {loaded && items.length === 0 ? (
        <View className='lrf-empty notifications-empty'>
          <Icon name='bell' className='lrf-empty-icon' size={96} />
          <Text>还没有消息</Text>
          <View className='lrf-muted'>你支持的梦想达成目标时，会在这里告诉你</View>
        </View>
      ) : null}

      {items.map((n) => (
        <View key={n.id} className={`notification-item notification-${n.type} ${n.read ? '' : 'notification-unread'}`} onClick={() => open(n)}>
          <Icon className='notification-icon' name={TYPE_ICONS[n.type] ?? 'bell'} size={48} label='' />
          <View className='notification-main'>
            <View className='notification-head'>
              <Text className='notification-title'>{n.title}</Text>
              {n.read ? null : <View className='notification-dot' />}
            </View>
            <Text className='notification-body'>{n.body}</Text>
            <Text className='notification-time'>{formatShanghaiTime(n.createdAt)}</Text>
          </View>
        </View>
      ))}

      <ListFooter prefix='notifications' list={list} end />
    </View>
  )
}
