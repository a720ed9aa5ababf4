/** Never ask for a code more often than this, whatever the phone's clock says. */
export const MIN_REFRESH_MS = 10 * 1000

/**
 * When a shown code (a member code, a meal pass) stops working, on this phone's clock. A phone
 * clock far off the server's would make a fresh code look expired (or good for hours): then the
 * code's usual lifetime is counted from when it was fetched.
 */
export function deadlineOnThisPhone(expiresAt: string, fetchedAt: number, usualLifetimeMs: number): number {
  const left = Date.parse(expiresAt) - fetchedAt
  if (Number.isNaN(left) || left < MIN_REFRESH_MS || left > 2 * usualLifetimeMs) return fetchedAt + usualLifetimeMs
  return fetchedAt + left
}
