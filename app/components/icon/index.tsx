import { Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ICON_SHAPES, type IconName } from './shapes'
import { iconDataUri } from './data-uri'
import './index.scss'

export type { IconName } from './shapes'

interface Props {
  name: IconName
  /** What a screen reader says; the icon's own name by default. */
  label?: string
  /** Width and height in design pixels (750 wide). */
  size?: number
  color?: string
  className?: string
}

const RED = '#e64340'

/** One icon of the app's set, the same on every phone; always with an accessible name. */
export default function Icon({ name, label, size = 48, color = RED, className = '' }: Props) {
  const side = Taro.pxTransform(size)
  return (
    <Image
      className={`lrf-icon ${className}`}
      src={iconDataUri(name, color)}
      mode='aspectFit'
      aria-label={label ?? ICON_SHAPES[name].label}
      style={{ width: side, height: side }}
    />
  )
}
