import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { apiBaseFor } from './api-base'
import { logKeysFor } from './log-keys'

// Read once at build time: `TARO_APP_API_BASE=https://api.example.com npx taro build --type h5`
// bakes another API into the bundle; without it the local API (`npm run api`) is used. A weapp
// build for a deployed stage (TARO_APP_STAGE=prod …) refuses anything but an https base.
const API_BASE = apiBaseFor({ platform: process.env.TARO_ENV, stage: process.env.TARO_APP_STAGE, apiBase: process.env.TARO_APP_API_BASE })
// The public log's verifier key (and witnesses' keys) the phone checks receipts with; a deployed
// stage's mini-program refuses to build without its own.
const LOG_KEYS = logKeysFor({
  platform: process.env.TARO_ENV,
  stage: process.env.TARO_APP_STAGE,
  vkey: process.env.TARO_APP_LOG_VKEY,
  witnesses: process.env.TARO_APP_LOG_WITNESSES,
})
// The public log's test-only switches (a tampered proof) exist in local and test builds alone.
const LOG_TEST_SWITCHES = ['local', 'test'].includes(process.env.TARO_APP_STAGE || 'local')

/** A bundle analysis without extra dependencies: module sizes per emitted chunk. */
class ModuleSizesPlugin {
  apply(compiler: {
    hooks: {
      done: {
        tap(name: string, fn: (stats: { toJson(o: object): { chunks?: { files?: string[]; modules?: { name?: string; size?: number }[] }[] } }) => void): void
      }
    }
  }) {
    compiler.hooks.done.tap('module-sizes', (stats) => {
      const json = stats.toJson({ chunks: true, chunkModules: true, modules: false, assets: false })
      const out = (json.chunks ?? []).map((chunk) => ({
        files: chunk.files,
        modules: (chunk.modules ?? []).map((m) => ({ name: m.name, size: m.size })).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)),
      }))
      writeFileSync(`dist/${process.env.TARO_ENV}-modules.json`, JSON.stringify(out, null, 1))
    })
  }
}

// The API contract's limits and enums (functions/contract/fields.ts, enums.ts: plain constants, no
// zod) are compiled into the app too; its types are `import type` and cost nothing.
const CONTRACT = resolve(__dirname, '..', 'functions', 'contract')
// The public log's pure files, which the phone checks receipts with (no Node in them).
const LOG_DOMAIN = ['log-encoding', 'log-merkle', 'log-note', 'log-entries'].map((name) => resolve(__dirname, '..', 'functions', 'domain', `${name}.ts`))

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'little-red-flower',
    date: '2025-11-25',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'app',
    // Mini-program only: base.wxml repeats every template once per nesting level, and deeper
    // trees go on through Taro's recursive comp component. 8 levels cover these pages
    // (measured: base.wxml 63 KB → 42 KB of the main package).
    baseLevel: 8,
    // TARO_OUTPUT_ROOT lets two builds run side by side (e.g. parallel browser-test builds).
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    // Keeps the app's aria-label attributes in the WeChat WXML templates (see the plugin).
    plugins: [resolve(__dirname, 'aria-attributes-plugin.ts')],
    // `env` entries become `process.env.KEY` in app code (values must be JSON literals).
    env: {
      TARO_APP_API_BASE: JSON.stringify(API_BASE),
      TARO_APP_LOG_VKEY: JSON.stringify(LOG_KEYS.vkey),
      TARO_APP_LOG_WITNESSES: JSON.stringify(LOG_KEYS.witnesses.join(',')),
      TARO_APP_LOG_TEST_SWITCHES: JSON.stringify(LOG_TEST_SWITCHES ? '1' : ''),
    },
    defineConstants: {},
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      compile: { include: [CONTRACT, ...LOG_DOMAIN] },
      // Modules only subpackages use go into those subpackages, not the main package's common.js.
      optimizeMainPackage: { enable: true },
      // TARO_ANALYZE=1: write which modules each output file carries to dist/<env>-modules.json.
      webpackChain(chain) {
        if (process.env.TARO_ANALYZE === '1') chain.plugin('module-sizes').use(ModuleSizesPlugin)
      },
      postcss: {
        // A mini-program runs only in WeChat's engines (the phones package.json names), never in the
        // desktop browsers "last 3 versions" adds: their -ms- prefixes only cost main-package bytes.
        autoprefixer: {
          enable: true,
          config: { overrideBrowserslist: ['Android >= 4.1', 'ios >= 8'] },
        },
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
    h5: {
      compile: { include: [CONTRACT, ...LOG_DOMAIN] },
      // Absolute '/' so dist/h5 works when served from the root of any host/port; hash routing
      // keeps every page on index.html, so no server rewrites are needed.
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        mode: 'hash',
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
