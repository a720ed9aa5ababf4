import type { AnswerOf } from '../../functions/contract/route'
import type { LogReceipt, logCheckpointRoute, logReceiptRoute } from '../../functions/contract/log'
import { ApiError, request } from './request'

/**
 * The public log (公开账本) as the app reads it: a person's receipt for a gift of theirs and the
 * log's latest checkpoint. Checking them (hashes and signatures) lives in public-log-verify.ts,
 * which only the log's subpackage loads, so the main package carries no cryptography.
 */

/** One gift as the app shows it: the receipt must be for exactly this. */
export interface GiftShown {
  /** The ledger entry id of the gift (`donation.id` of the gift's answer). */
  ref: string
  flowers: number
  /** The dream it went to, when the screen knows it. */
  dream?: string
}

/** A receipt, or null when the log knows no entry of the caller's under this ref (404). */
export async function getLogReceipt(ref: string): Promise<LogReceipt | null> {
  try {
    return await request<AnswerOf<typeof logReceiptRoute>>(`/me/log-receipts/${encodeURIComponent(ref)}`)
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}

/** The latest signed checkpoint, as note text (public). */
export function getLogCheckpoint(): Promise<string> {
  return request<AnswerOf<typeof logCheckpointRoute>>('/log/checkpoint', { auth: false, responseType: 'text' })
}

/** Where tapping 已记入公开账本 leads: the page that checks the receipt on the phone. */
export function receiptPageUrl(gift: GiftShown): string {
  const query = [`ref=${encodeURIComponent(gift.ref)}`, `flowers=${gift.flowers}`]
  if (gift.dream) query.push(`dream=${encodeURIComponent(gift.dream)}`)
  return `/log/receipt/index?${query.join('&')}`
}

export function dreamLogPageUrl(dreamId: string): string {
  return `/log/dream/index?id=${encodeURIComponent(dreamId)}`
}

// A bill shows up to a page of gifts at once: ask a few receipts at a time, not twenty together.
const MAX_RECEIPTS_IN_FLIGHT = 3
let inFlight = 0
const waiting: (() => void)[] = []

/** getLogReceipt, queued so a screenful of rows does not send all its reads at once. */
export async function getLogReceiptQueued(ref: string): Promise<LogReceipt | null> {
  if (inFlight >= MAX_RECEIPTS_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve))
  inFlight++
  try {
    return await getLogReceipt(ref)
  } finally {
    inFlight--
    waiting.shift()?.()
  }
}
