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

export type DreamCategory = 'elderly' | 'children' | 'education' | 'health' | 'environment' | 'culture' | 'rural' | 'disability' | 'other'

/** 配捐: a sponsor matches every flower given to this dream with money, until its budget is spent. */
export interface MatchFund {
  sponsorName: string
  fenPerFlower: number
  budgetFen: number
}

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
  // docs/api-additions.md
  coverUrl?: string | null
  beneficiaries?: number | null
  flowersLast24h?: number
  matchFund?: MatchFund | null
  matchedFen?: number
  executableAt?: string | null
  adoptedAt?: string | null
  openedAt?: string | null
  /** Only for the proposer and admins. */
  reviewNote?: string | null
}

export type DreamSort = 'hot' | 'new'

export interface PersonRef {
  id: string
  nickname: string
}

export interface RecentDonor {
  nickname: string
  firstAt: string
}

/** GET /dreams/{id}: the dream plus what the transparency panel (冷静器) shows. */
export interface DreamDetail {
  dream: Dream
  proposer: PersonRef | null
  charity: PersonRef | null
  recentDonors: RecentDonor[]
  /** null when the request carried no token. */
  viewer: { hasGiven: boolean } | null
}

export interface ProposeDreamInput {
  title: string
  story: string
  category: DreamCategory
  targetFlowers: number
  coverUrl?: string
  beneficiaries?: number
}

export interface ReviewDreamInput {
  decision: 'approve' | 'reject'
  note?: string
  matchFund?: MatchFund
}

export interface DreamDonationResult {
  donation: { id: string; flowers: number; matchedFen?: number; teamId?: string | null }
  dream: Dream
  balance: number
}

/** 一起捐 */
export interface Team {
  id: string
  dreamId: string
  name: string
  code: string
  captainId: string
  createdAt: string
}

export interface TeamMember {
  rank: number
  userId: string
  nickname: string
  flowers: number
}

export interface TeamDetail {
  team: Team
  dream: Dream
  totalFlowers: number
  members: TeamMember[]
}

/** Known notification types; the API may add more. */
export type NotificationType = 'letter' | 'meal_redeemed' | 'dream_executable'

export interface AppNotification {
  id: string
  type: NotificationType | (string & {})
  title: string
  body: string
  refId: string | null
  createdAt: string
  read: boolean
}

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
