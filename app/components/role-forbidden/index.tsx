import { Text, View } from '@tarojs/components'

/** What a console shows a person who lacks its role. */
export default function RoleForbidden({ className, text }: { className: string; text: string }) {
  return (
    <View className={`lrf-empty ${className}`} role='alert'>
      <Text className='lrf-empty-icon' aria-hidden>
        ⊘
      </Text>
      <Text>{text}</Text>
    </View>
  )
}
