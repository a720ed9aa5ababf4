import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '../../hooks/use-paged-list'
import Icon from '../icon'

export interface ListFooterProps {
  /** Class prefix of the browser-test markers: `<prefix>-error`, `-loading`, `-more` and `-end`. */
  prefix: string
  list: Pick<PagedList<unknown>, 'items' | 'loaded' | 'loading' | 'hasMore' | 'error' | 'loadMore'> & Partial<Pick<PagedList<unknown>, 'reload'>>
  /** Say 没有更多了 once the last page is in. */
  end?: boolean
  /** When a first-page error shows in place of the list; by default while nothing has loaded. */
  showError?: boolean
  /** Shows the error icon above the message unless ''. */
  errorIcon?: string
}

/** Under a paged list: its first-page error, 加载中…, the load-more tap and 没有更多了. */
export default function ListFooter(props: ListFooterProps) {
  const { prefix, list, end = false, errorIcon = 'sad' } = props
  const { items, loaded, loading, hasMore, error } = list
  const showError = props.showError ?? !loaded
  return (
    <>
      {error && showError ? (
        <View className={`lrf-empty ${prefix}-error`}>
          {errorIcon ? <Icon name='sad' className='lrf-empty-icon' size={96} /> : null}
          <Text>{error}</Text>
          {list.reload ? (
            <Button className='lrf-button-plain lrf-retry' onClick={() => list.reload?.()}>
              重试
            </Button>
          ) : (
            <View className='lrf-muted'>下拉页面可以重试</View>
          )}
        </View>
      ) : null}
      {loading ? <View className={`lrf-hint ${prefix}-loading`}>加载中…</View> : null}
      {/* Tap fallback for when the list is too short to scroll, so reach-bottom never fires. */}
      {!loading && items.length > 0 && hasMore ? (
        <View className={`lrf-hint ${prefix}-more`} onClick={() => list.loadMore()}>
          上拉或点击加载更多
        </View>
      ) : null}
      {end && !loading && loaded && items.length > 0 && !hasMore ? <View className={`lrf-hint ${prefix}-end`}>没有更多了</View> : null}
    </>
  )
}
