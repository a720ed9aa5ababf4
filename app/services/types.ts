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
  /** What a person sees beside the entry (a dream's title, a sponsor, a question's topic). */
  note?: string | null
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

// ---- Earning flowers (API.md + docs/api-additions.md) ----

/** WeChat's encrypted WeRun data, or (API in local/test stage, H5 build) a typed step count. */
export type StepsInput = { encryptedData: string; iv: string } | { steps: number }

/** The sponsor (益行家) money matched to a step donation. */
export interface SponsorMatch {
  sponsorId: string
  sponsorName: string
  logoText: string
  amountFen: number
}

export interface StepsPreview {
  date: string
  steps: number
  flowers: number
  donatedToday: boolean
  match: SponsorMatch | null
}

export interface StepDonationResult {
  date: string
  steps: number
  flowers: number
  balance: number
  match?: SponsorMatch | null
}

export interface StepDonation {
  date: string
  steps: number
  flowers: number
  matchFen: number
  sponsorName: string | null
  createdAt: string
}

export interface QuizAnswered {
  choice: number
  correct: boolean
  explanation: string
}

export interface QuizQuestion {
  id: string
  prompt: string
  choices: string[]
  answered?: QuizAnswered | null
}

export interface QuizToday {
  date: string
  questions: QuizQuestion[]
}

export interface QuizAnswerResult {
  correct: boolean
  explanation: string
  flowers: number
  balance: number
}

export interface MemberCode {
  code: string
  expiresAt: string
}

export type StoreStatus = 'pending' | 'active' | 'suspended'

export interface Store {
  id: string
  name: string
  city: string
  address: string
  ownerId: string
  status: StoreStatus | (string & {})
  mealsAvailable: number
}

export type LowcarbonActionKind = 'own_cup' | 'no_plastic_bag' | 'e_receipt' | 'no_disposables'

export interface LowcarbonAction {
  id: string
  action: LowcarbonActionKind | (string & {})
  storeId: string
  storeName: string
  flowers: number
  createdAt: string
}
