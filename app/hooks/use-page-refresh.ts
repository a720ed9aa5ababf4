import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ensureSignedIn } from '../services/auth'

export type RefreshTrigger = 'show' | 'pull'

/** Runs `refresh` every time the page shows (once signed in) and on pull-down. */
export function usePageRefresh(refresh: (trigger: RefreshTrigger) => Promise<unknown>): void {
  useDidShow(() => {
    ensureSignedIn().then((ok) => {
      if (ok) refresh('show')
    })
  })

  usePullDownRefresh(() => {
    refresh('pull').finally(() => Taro.stopPullDownRefresh())
  })
}
