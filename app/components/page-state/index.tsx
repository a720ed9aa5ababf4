import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Icon from '../icon'

interface Props {
  /** The page's root class; the states get `<root>-missing`, `<root>-error`, `<root>-loading`. */
  root: string
  /** Text to show when what the page is about does not exist; null while it may. */
  missing: string | null
  /** A load error a person can read; empty while there is none. */
  error: string
  /** Loads the page again (its pull-down refresh); offered as 重试 under an error. */
  onRetry?: () => Promise<unknown> | void
}

/** What a detail page shows before it has its data: not found, a load error, or loading. */
export default function PageState({ root, missing, error, onRetry }: Props) {
  // The page only replaces `error` once the new load answers, so while a retry runs the old
  // error is hidden here: a person sees 加载中… alone, then the page or the new error.
  const [retrying, setRetrying] = useState(false)
  const retry = async () => {
    if (!onRetry || retrying) return
    setRetrying(true)
    try {
      await onRetry()
    } finally {
      setRetrying(false)
    }
  }
  return (
    <View className={root}>
      {missing !== null ? (
        <View className={`lrf-empty ${root}-missing`}>
          <Icon name='search' className='lrf-empty-icon' size={96} />
          <Text>{missing}</Text>
        </View>
      ) : error && !retrying ? (
        <View className={`lrf-empty ${root}-error`} role='alert'>
          <Icon name='sad' className='lrf-empty-icon' size={96} />
          <Text>{error}</Text>
          {onRetry ? (
            <Button className='lrf-button-plain lrf-retry' onClick={retry}>
              重试
            </Button>
          ) : (
            <View className='lrf-muted'>下拉页面可以重试</View>
          )}
        </View>
      ) : (
        <View className={`lrf-hint ${root}-loading`}>加载中…</View>
      )}
    </View>
  )
}
