/**
 * The API base baked into an app build. A mini-program for a deployed stage talks only to https
 * hosts entered in its 服务器域名 lists (and ICP-filed), so building one against anything else is
 * refused here, in one line, rather than shipping an app whose every request fails on a phone.
 */
export const LOCAL_API_BASE = 'http://localhost:3000'

export function apiBaseFor(build: { platform?: string; stage?: string; apiBase?: string }): string {
  const stage = build.stage || 'local'
  const base = (build.apiBase || LOCAL_API_BASE).replace(/\/+$/, '')
  const deployed = stage !== 'local' && stage !== 'test'
  if (build.platform === 'weapp' && deployed && !/^https:\/\/[^/]+(\/.*)?$/.test(base)) {
    throw new Error(
      `The mini-program for stage ${stage} needs an https API base on your ICP-filed domain: TARO_APP_API_BASE=https://api.example.cn (got ${base})`,
    )
  }
  return base
}
