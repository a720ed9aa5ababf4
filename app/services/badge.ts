import Taro from '@tarojs/taro'

/** The 我的 tab (app.config.ts tabBar.list[2]) carries the unread notifications and letters together. */
const ME_TAB = 2

const unread = { notifications: 0, letters: 0 }

/**
 * Updates one of the two counts (given ones only) and shows their sum on the 我的 tab, or clears it
 * at 0. Off a tab page WeChat refuses: ignored.
 */
export function showUnreadBadge(counts: Partial<typeof unread>): void {
  Object.assign(unread, counts)
  const count = unread.notifications + unread.letters
  const done = count > 0 ? Taro.setTabBarBadge({ index: ME_TAB, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index: ME_TAB })
  Promise.resolve(done).catch(() => undefined)
}
