// Where an assembly stands at one instant, and how long until it starts. Pure (the caller passes
// the clock), so the page, the dream page's strip and the tests all read it the same way.

/** asking: questions open · waiting: questions closed, meeting not yet started · live: started · closed: minutes out. */
export type AssemblyPhase = 'asking' | 'waiting' | 'live' | 'closed'

export interface AssemblyTimes {
  startsAt: string
  questionsCloseAt: string
  status: string
}

export function assemblyPhase(assembly: AssemblyTimes, nowMs: number): AssemblyPhase {
  if (assembly.status === 'closed') return 'closed'
  if (nowMs >= Date.parse(assembly.startsAt)) return 'live'
  if (nowMs >= Date.parse(assembly.questionsCloseAt)) return 'waiting'
  return 'asking'
}

export const PHASE_LABELS: Record<AssemblyPhase, string> = {
  asking: '征集提问中',
  waiting: '提问已截止',
  live: '会议进行中',
  closed: '已结束',
}

const MINUTE = 60_000

/** 加入会议 shows from this long before the start: the API hands the link out from then on. */
export const JOIN_LEAD_MS = 10 * 60_000

/** The meeting can be joined: from shortly before the start until the minutes close it. */
export function canJoin(assembly: AssemblyTimes, nowMs: number): boolean {
  return assembly.status !== 'closed' && nowMs >= Date.parse(assembly.startsAt) - JOIN_LEAD_MS
}

const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Time left → "3 天 4 小时" / "2 小时 5 分" / "5 分钟" / "不到 1 分钟": coarse, so a minute tick is enough. */
export function formatTimeLeft(ms: number): string {
  if (ms < MINUTE) return '不到 1 分钟'
  const days = Math.floor(ms / DAY)
  const hours = Math.floor((ms % DAY) / HOUR)
  const minutes = Math.floor((ms % HOUR) / MINUTE)
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours > 0) return minutes > 0 ? `${hours} 小时 ${minutes} 分` : `${hours} 小时`
  return `${minutes} 分钟`
}

/** The one line under an assembly's title: what happens next and when. */
export function countdownText(assembly: AssemblyTimes, nowMs: number): string {
  const phase = assemblyPhase(assembly, nowMs)
  if (phase === 'asking')
    return `提问还剩 ${formatTimeLeft(Date.parse(assembly.questionsCloseAt) - nowMs)} · 距开会 ${formatTimeLeft(Date.parse(assembly.startsAt) - nowMs)}`
  if (phase === 'waiting') return `提问已截止 · 距开会 ${formatTimeLeft(Date.parse(assembly.startsAt) - nowMs)}`
  if (phase === 'live') return '会议已开始，可以加入会议'
  return '会议已结束，纪要已公布'
}
