import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ListFooter from '../../components/list-footer'
import { usePageRefresh } from '../../hooks/use-page-refresh'
import { usePagedList } from '../../hooks/use-paged-list'
import { showUnreadBadge } from '../../services/badge'
import { getMyLetters } from '../../services/letters'
import type { LetterboxItemView } from '../../../functions/contract'
import { formatShanghaiDate } from '../../utils/format'
import './index.scss'

const PAGE_SIZE = 20

/** The donor's letterbox: letters from the dreams they gave to, newest first, unread ones marked. */
export default function LetterInboxPage() {
  const [unread, setUnread] = useState<number | null>(null)
  const list = usePagedList<LetterboxItemView & { id: string }>(async (cursor) => {
    const page = await getMyLetters(cursor, PAGE_SIZE)
    setUnread(page.unread)
    showUnreadBadge({ letters: page.unread })
    return { items: page.items.map((item) => ({ ...item, id: item.letter.id })), nextCursor: page.nextCursor }
  })
  const { items, loaded, setItems } = list

  usePageRefresh(() => list.reload())

  const open = (item: LetterboxItemView) => {
    if (!item.read) {
      // Opening it reads it (the reading page tells the server); the list and the count follow at once.
      setItems((prev) => prev.map((i) => (i.letter.id === item.letter.id ? { ...i, read: true } : i)))
      setUnread((n) => (n === null ? n : Math.max(0, n - 1)))
    }
    Taro.navigateTo({ url: `/letters/read/index?id=${encodeURIComponent(item.letter.id)}&box=${item.read ? 'read' : 'unread'}` }).catch(() =>
      Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }),
    )
  }

  return (
    <View className='inbox'>
      <View className='inbox-head'>
        <Text className='inbox-title'>小红花来信</Text>
        <Text className='lrf-muted inbox-desc'>你支持过的梦想，公益机构会写信告诉你每一分钱的去向。</Text>
        {unread !== null ? <Text className='inbox-unread'>{unread > 0 ? `${unread} 封未读` : '全部已读'}</Text> : null}
      </View>
      {loaded && items.length === 0 ? (
        <View className='lrf-empty inbox-empty'>
          <Text>还没有来信。支持的梦想被认领后，公益机构会按月来信。</Text>
        </View>
      ) : null}
      {items.map((item) => (
        <View
          key={item.letter.id}
          className={`lrf-card inbox-item ${item.read ? 'inbox-read' : 'inbox-unread-item'}`}
          role='button'
          aria-label={`${item.read ? '' : '未读，'}${item.dreamTitle}：${item.letter.title}`}
          onClick={() => open(item)}
        >
          <View className='inbox-item-head'>
            {!item.read ? <View className='inbox-dot' aria-hidden /> : null}
            <Text className='inbox-dream'>{item.dreamTitle}</Text>
            <Text className='lrf-muted inbox-date'>{formatShanghaiDate(item.letter.publishedAt ?? item.letter.createdAt)}</Text>
          </View>
          <Text className='inbox-letter-title'>{item.letter.title}</Text>
          <Text className='lrf-muted inbox-kind'>{item.letter.kind === 'letter' ? '月度来信 · 含收支明细' : '执行反馈'}</Text>
        </View>
      ))}
      <ListFooter prefix='inbox' list={list} end />
    </View>
  )
}
