import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ensureSignedIn } from '../services/auth'

/** Runs `refresh` every time the page shows (once signed in) and on pull-down. */
export function usePageRefresh(refresh: () => Promise<unknown>): void {
  useDidShow(() => {
    ensureSignedIn().then((ok) => {
      if (ok) refresh()
    })
  })

  usePullDownRefresh(() => {
    refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
