import type { UserConfigExport } from '@tarojs/cli'

export default {
  // WeChat's code-quality check flags uncompressed code: production builds (the mini-program
  // above all) always minify their JS and CSS, whatever Taro's defaults become. WeChat reads its
  // JS as UTF-8, so the mini-program keeps Chinese text as it is rather than as \uXXXX escapes
  // (twice the bytes: about 11 KB of the 450 KB main package).
  terser: { enable: true, config: process.env.TARO_ENV === 'weapp' ? { output: { ascii_only: false } } : {} },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
