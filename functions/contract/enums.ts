/**
 * The API's vocabulary (docs/api.md). Plain constants, no zod: the
 * domain derives its types from these, the schemas enumerate them, and the app imports them
 * without carrying a validator.
 */

export const ROLES = ['donor', 'merchant', 'charity', 'worker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles an admin or operator can grant; `donor` is everyone's. */
export const GRANTABLE_ROLES = ['merchant', 'charity', 'worker', 'admin'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const ROLE_ACTIONS = ['grant', 'revoke'] as const;
export type RoleAction = (typeof ROLE_ACTIONS)[number];

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const DREAM_STATUSES = ['in_review', 'rejected', 'open', 'executable', 'adopted', 'completed'] as const;
export type DreamStatus = (typeof DREAM_STATUSES)[number];
/** Dreams anyone can see; in_review and rejected exist only for their proposer and admins. */
export const PUBLIC_DREAM_STATUSES = ['open', 'executable', 'adopted', 'completed'] as const satisfies readonly DreamStatus[];
/** Dreams that take flowers (DREAM_NOT_ACCEPTING otherwise). */
export const GIFT_ACCEPTING_STATUSES = ['open', 'executable'] as const satisfies readonly DreamStatus[];

export const DREAM_CATEGORIES = ['elderly', 'children', 'education', 'health', 'environment', 'culture', 'rural', 'disability', 'other'] as const;
export type DreamCategory = (typeof DREAM_CATEGORIES)[number];

export const DREAM_SORTS = ['hot', 'new'] as const;
export type DreamSort = (typeof DREAM_SORTS)[number];

export const LEDGER_REASONS = ['steps', 'quiz', 'lowcarbon', 'dream_donation', 'dev_grant', 'account_closed'] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

export const LOW_CARBON_ACTIONS = ['own_cup', 'no_plastic_bag', 'e_receipt', 'no_disposables'] as const;
export type LowCarbonAction = (typeof LOW_CARBON_ACTIONS)[number];

export const STORE_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

export const SPONSOR_STATUSES = ['active', 'paused'] as const;
export type SponsorStatus = (typeof SPONSOR_STATUSES)[number];

export const NOTIFICATION_TYPES = [
  'letter',
  'meal_redeemed',
  'dream_executable',
  'meal_refunded',
  'letter_retracted',
  'distribution_closed',
  'assembly_minutes',
  'promise_done',
  'assembly_invited',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const AUDIT_ACTIONS = [
  'role.grant',
  'role.revoke',
  'store.approve',
  'store.reject',
  'store.suspend',
  'store.resume',
  'store.windup',
  'store.payout',
  'employer.register',
  'roster.import',
  'roster.revoke',
  'roster.claim',
  'dream.approve',
  'dream.reject',
  'sponsor.create',
  'letter.retract',
  'held.approve',
  'held.reject',
  'distribution.staff_add',
  'distribution.staff_remove',
  'spotcheck.call',
  'spotcheck.resolve',
  'question.restore',
  'question.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ['user', 'store', 'dream', 'sponsor', 'employer', 'team', 'letter', 'distribution', 'question', 'assembly'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_ACTOR_KINDS = ['user', 'operator', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** What a person can subscribe to at the moment of action (one accepted tap = one WeChat message). */
export const SUBSCRIBE_TOPICS = ['dream_executable', 'letter', 'meal_redeemed', 'assembly'] as const;
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number];

/** Kinds of fan-out job (telling many people one thing). */
export const FANOUT_KINDS = [
  'dream_executable',
  'letter',
  'letter_retracted',
  'distribution_closed',
  'assembly_minutes',
  'promise_done',
  'assembly_invited',
] as const;
export type FanoutKind = (typeof FANOUT_KINDS)[number];

/** Letters: in review, then published or rejected; a letter has a statement, an update does not. */
export const LETTER_STATUSES = ['in_review', 'published', 'rejected'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_KINDS = ['letter', 'update'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LINE_ITEM_KINDS = ['income', 'spend'] as const;
export type LineItemKind = (typeof LINE_ITEM_KINDS)[number];

/** Images a photo upload may be (sniffed from its first bytes, whatever was declared). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const UPLOAD_PURPOSES = ['letter_photo', 'dream_cover', 'avatar', 'signoff_photo'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
/** WeChat's image check of a photo: pending until its verdict is pushed. */
export const MEDIA_VERDICTS = ['pending', 'pass', 'risky', 'review'] as const;
export type MediaVerdict = (typeof MEDIA_VERDICTS)[number];

/** A love-meal donation: pending until WeChat Pay says it is paid. */
export const DONATION_STATUSES = ['pending', 'paid', 'refunded'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];
