import { Text, View } from '@tarojs/components'

interface Props {
  /** The page's root class; the states get `<root>-missing`, `<root>-error`, `<root>-loading`. */
  root: string
  /** Text to show when what the page is about does not exist; null while it may. */
  missing: string | null
  /** A load error a person can read; empty while there is none. */
  error: string
}

/** What a detail page shows before it has its data: not found, a load error, or loading. */
export default function PageState({ root, missing, error }: Props) {
  return (
    <View className={root}>
      {missing !== null ? (
        <View className={`lrf-empty ${root}-missing`}>
          <Text className='lrf-empty-icon'>🔍</Text>
          <Text>{missing}</Text>
        </View>
      ) : error ? (
        <View className={`lrf-empty ${root}-error`}>
          <Text className='lrf-empty-icon'>😿</Text>
          <Text>{error}</Text>
          <View className='lrf-muted'>下拉页面可以重试</View>
        </View>
      ) : (
        <View className={`lrf-hint ${root}-loading`}>加载中…</View>
      )}
    </View>
  )
}
