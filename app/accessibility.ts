import { mergeInternalComponents } from '@tarojs/shared'
import ariaAttributes from '../config/aria-attributes.json'

// The runtime half of config/aria-attributes-plugin.ts: the mini-program runtime sends each
// component's attributes under short numbered names taken from this same list, so it must list
// aria-label exactly as the WXML template does. Imported first by app.ts, before any page renders.
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(ariaAttributes)
