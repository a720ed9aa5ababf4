// Shapes from /shared/API.md. Keep field names exactly as the API sends them.

export type Role = 'donor' | 'merchant' | 'charity' | 'worker' | 'admin'

export interface User {
  id: string
  nickname: string
  roles: Role[]
}

export interface AuthResponse {
  token: string
  user: User
}

export interface FlowerSummary {
  balance: number
  earned: number
  given: number
}

export interface MeResponse {
  user: User
  flowers: FlowerSummary
}

/** Known ledger reasons; the API may add more, so a plain string is allowed too. */
export type LedgerReason = 'steps' | 'quiz' | 'lowcarbon' | 'dream_donation' | 'dev_grant'

export interface LedgerEntry {
  id: string
  delta: number
  reason: LedgerReason | (string & {})
  refId: string | null
  balanceAfter: number
  createdAt: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export type DreamStatus = 'in_review' | 'rejected' | 'open' | 'executable' | 'adopted' | 'completed'

export type DreamCategory =
  | 'elderly'
  | 'children'
  | 'education'
  | 'health'
  | 'environment'
  | 'culture'
  | 'rural'
  | 'disability'
  | 'other'

export interface Dream {
  id: string
  title: string
  story: string
  category: DreamCategory | (string & {})
  targetFlowers: number
  flowersRaised: number
  donorCount: number
  status: DreamStatus | (string & {})
  proposerId: string
  charityId: string | null
  createdAt: string
}

export type DreamSort = 'hot' | 'new'
