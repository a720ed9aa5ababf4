// Display helpers shared by pages. Labels are keyed by the contract's enums, so a new value
// without a label fails the type check.

import { DREAM_CATEGORIES as CATEGORY_VALUES, GIFT_ACCEPTING_STATUSES } from '../../functions/contract/enums'
import type { DreamCategory, DreamDetail, DreamStatus, LedgerReason } from '../../functions/contract'
import type { IconName } from '../components/icon/shapes'

const REASON_LABELS: Record<LedgerReason, string> = {
  steps: '捐步',
  quiz: '答题',
  lowcarbon: '低碳行动',
  dream_donation: '支持梦想',
  dev_grant: '测试发放',
  account_closed: '注销账号',
}

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason as LedgerReason] || '其他'
}

// Icons from the app's one set (components/icon), which draw the same on every phone, unlike emoji.
const CATEGORY_FACES: Record<DreamCategory, { label: string; icon: IconName }> = {
  elderly: { label: '助老', icon: 'elderly' },
  children: { label: '儿童', icon: 'children' },
  education: { label: '教育', icon: 'book' },
  health: { label: '健康', icon: 'health' },
  environment: { label: '环保', icon: 'tree' },
  culture: { label: '文化', icon: 'palette' },
  rural: { label: '乡村', icon: 'wheat' },
  disability: { label: '助残', icon: 'wheelchair' },
  other: { label: '其他', icon: 'sparkle' },
}

/** The dream categories of the contract, in its order, as the app offers them. */
export const DREAM_CATEGORIES: { value: DreamCategory; label: string; icon: IconName }[] = CATEGORY_VALUES.map((value) => ({ value, ...CATEGORY_FACES[value] }))

export function categoryLabel(category: string): string {
  return CATEGORY_FACES[category as DreamCategory]?.label || '其他'
}

const DREAM_STATUS_LABELS: Record<DreamStatus, string> = {
  open: '筹集中',
  executable: '可执行',
  adopted: '已认领',
  completed: '已完成',
  in_review: '审核中',
  rejected: '未通过',
}

export function dreamStatusLabel(status: string): string {
  return DREAM_STATUS_LABELS[status as DreamStatus] || ''
}

/** Dreams in these statuses take flowers (the contract). */
export function acceptsFlowers(status: string): boolean {
  return (GIFT_ACCEPTING_STATUSES as readonly string[]).includes(status)
}

/** "+5" / "-3" for a ledger delta. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`)

// Asia/Shanghai is UTC+8 all year (no DST), so shifting by 8 hours and reading UTC fields is exact
// and does not depend on Intl time-zone data, which some mini-program runtimes lack.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** ISO time → "11-25 14:03" in Asia/Shanghai. */
export function formatShanghaiTime(iso: string): string {
  const t = new Date(iso)
  if (Number.isNaN(t.getTime())) return ''
  const d = new Date(t.getTime() + SHANGHAI_OFFSET_MS)
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 0–100, for progress bars; never NaN when the target is 0. */
export function percent(part: number, whole: number): number {
  if (!whole || whole <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((part / whole) * 100)))
}

/** Integer fen → "1.50" (yuan, 2 decimals): plain, as an amount box is filled and read back. */
export function formatYuan(fen: number): string {
  return (fen / 100).toFixed(2)
}

/**
 * Integer fen → money as a person reads it: "¥1,000.00", and "-¥30.00" below zero (the sign
 * before the currency, as Chinese bills print it). Works on integers, so no float rounding.
 */
export function formatMoney(fen: number): string {
  const cents = Math.abs(Math.round(fen))
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${fen < 0 && cents > 0 ? '-' : ''}¥${whole}.${pad(cents % 100)}`
}

/** Milliseconds left → "4:59" (never negative). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(total / 60)}:${pad(total % 60)}`
}

/** "2025-11-25" → "11-25"; anything else is returned unchanged. */
export function shortDate(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(day)
  return m ? `${m[1]}-${m[2]}` : day
}

/** ISO time → "2025-11-25" in Asia/Shanghai. */
export function formatShanghaiDate(iso: string): string {
  const t = new Date(iso)
  if (Number.isNaN(t.getTime())) return ''
  const d = new Date(t.getTime() + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The `count` calendar days ending with `today` ("YYYY-MM-DD"), oldest first. */
export function daysEndingWith(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`)
  if (Number.isNaN(end)) return []
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10))
}

/** Character count as the API counts it (Unicode code points, not UTF-16 units). */

const STATUS_ORDER: Record<string, number> = { in_review: 0, rejected: 0, open: 1, executable: 2, adopted: 3, completed: 4 }

/**
 * A dream's progress only grows (flowers never leave a dream, statuses only move forward), but a
 * read right after a gift may still show the figures from before it (the API caches totals for a
 * moment). Keep the furthest-along figures of two views of the same dream.
 */
export function freshestDream<T extends { id: string; flowersRaised: number; donorCount: number; status: string }>(prev: T | null | undefined, next: T): T {
  if (!prev || prev.id !== next.id) return next
  const p = prev as T & { matchedFen?: number; flowersLast24h?: number; executableAt?: string | null; adoptedAt?: string | null }
  const n = next as typeof p
  const merged = { ...n }
  merged.flowersRaised = Math.max(p.flowersRaised, n.flowersRaised)
  merged.donorCount = Math.max(p.donorCount, n.donorCount)
  if (p.matchedFen !== undefined) merged.matchedFen = Math.max(p.matchedFen, n.matchedFen ?? 0)
  if ((STATUS_ORDER[p.status] ?? 0) > (STATUS_ORDER[n.status] ?? 0)) {
    merged.status = p.status
    merged.executableAt = p.executableAt ?? n.executableAt
    merged.adoptedAt = p.adoptedAt ?? n.adoptedAt
  }
  return merged
}

/** A fresh read of a dream page over the one shown: the freshest figures win, and "has given" stays once true. */
export function mergeDreamDetail(prev: DreamDetail | null, fresh: DreamDetail): DreamDetail {
  if (!prev || prev.dream.id !== fresh.dream.id) return fresh
  return {
    ...fresh,
    dream: freshestDream(prev.dream, fresh.dream),
    viewer: fresh.viewer ? { hasGiven: fresh.viewer.hasGiven || Boolean(prev.viewer?.hasGiven) } : fresh.viewer,
  }
}

/**
 * The dream as it must be right after this person's gift: `shown` (the dream as shown when the gift
 * was FIRST sent, so its figures cannot include it yet) plus the gift, or what the answer says if
 * that is further along (others gave meanwhile). The donation answer's `dream` may leave out gifts
 * of the last second (the API plans with briefly cached totals), and every figure the app shows is
 * a lower bound of the truth, so the larger one is right.
 */
export function afterGift<T extends { id: string; flowersRaised: number; donorCount: number; status: string; matchedFen?: number; flowersLast24h?: number }>(
  shown: T,
  answer: T,
  gift: { flowers: number; matchedFen?: number },
  firstGift: boolean,
): T {
  const expected: T = {
    ...shown,
    flowersRaised: shown.flowersRaised + gift.flowers,
    donorCount: shown.donorCount + (firstGift ? 1 : 0),
  }
  if (shown.matchedFen !== undefined) expected.matchedFen = shown.matchedFen + (gift.matchedFen ?? 0)
  if (shown.flowersLast24h !== undefined) expected.flowersLast24h = shown.flowersLast24h + gift.flowers
  return freshestDream(expected, answer)
}

/** "1.5" yuan → 150 fen; null unless a positive amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2))
  return fen > 0 ? fen : null
}
