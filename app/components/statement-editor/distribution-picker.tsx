import { Picker, Text, View } from '@tarojs/components'
import type { DreamDistribution } from '../../services/dream-distributions'

interface Props {
  /** The line's place, for its accessible name (第 n 笔). */
  index: number
  distributions: DreamDistribution[]
  value?: string
  onChange: (distributionId: string | undefined) => void
}

const labelOf = (d: DreamDistribution) => `${d.title}（已签收 ${d.signedCount}/${d.recipientCount}）`

/** A statement line's optional citation of one of the dream's distributions (数字签收). */
export default function DistributionPicker({ index, distributions, value, onChange }: Props) {
  const chosen = distributions.findIndex((d) => d.id === value)
  const options = ['不关联物资发放', ...distributions.map(labelOf)]
  return (
    <View className='composer-line-distribution'>
      <Text className='composer-line-label'>关联物资发放（可选）</Text>
      <Picker
        mode='selector'
        range={options}
        value={chosen + 1}
        onChange={(e) => {
          const picked = Number(e.detail.value)
          onChange(picked > 0 ? distributions[picked - 1].id : undefined)
        }}
      >
        <View className='composer-input composer-line-distribution-value' role='button' aria-label={`第 ${index + 1} 笔关联的物资发放：${options[chosen + 1]}`}>
          {options[chosen + 1]}
        </View>
      </Picker>
    </View>
  )
}
