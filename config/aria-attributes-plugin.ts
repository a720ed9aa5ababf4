import type { IPluginContext } from '@tarojs/service'
import ariaAttributes from './aria-attributes.json'

/** The part of a mini-program platform this plugin needs: its WXML template generator. */
interface MiniPlatform {
  template?: { mergeComponents?: (ctx: IPluginContext, patch: Record<string, Record<string, string>>) => void }
}

/**
 * WeChat's WXML templates carry only the attributes Taro lists per component, and aria-label is not
 * one of them: screen readers never heard the app's labels. This adds it to the template (each
 * component then binds `aria-label`); app/accessibility.ts adds the same list to the runtime,
 * because both number a component's attributes in sorted order and must agree.
 */
export default (ctx: IPluginContext) => {
  ctx.registerMethod('onBuildInit', (platform: MiniPlatform) => {
    platform.template?.mergeComponents?.(ctx, ariaAttributes)
  })
}
