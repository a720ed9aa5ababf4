import type { UserConfigExport } from '@tarojs/cli'

export default {
  // WeChat's code-quality check flags uncompressed code: production builds (the mini-program
  // above all) always minify their JS and CSS, whatever Taro's defaults become.
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
