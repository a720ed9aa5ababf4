import Taro from '@tarojs/taro'

/** The 我的 tab (app.config.ts tabBar.list[2]) carries the unread-notification count. */
const ME_TAB = 2

/** Shows the count on the 我的 tab, or clears it at 0. Off a tab page WeChat refuses: ignored. */
export function showUnreadBadge(count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge({ index: ME_TAB, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index: ME_TAB })
  Promise.resolve(done).catch(() => undefined)
}
