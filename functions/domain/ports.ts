import type { FlowerAccount, LedgerEntry, MoveFlowersCommand } from './ledger';
import type { IdempotencyClaim, IdempotencyScope, IdempotentCompletion, StoredResponse } from './idempotency';
import type { AuditActor } from './audit';
import type { Role, UserRecord } from './user';

/**
 * What the domain needs from storage and the outside world; adapters implement these. The ports
 * every feature shares are here; each feature's own ports are beside its rules (dream.ts,
 * team.ts, store.ts, steps.ts, quiz.ts, notification.ts, wechat.ts).
 */

export type { Page } from '../contract/common';
import type { Page } from '../contract/common';

/** `?limit=&cursor=` as a use case passes it on. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * A write another port prepared to go into a ledger move's transaction (a dream's counter shard,
 * a sponsor's budget, a store's action record). Opaque to use cases: they pass it along, and only
 * the adapter that made it knows what it holds, so no use case builds a storage item.
 */
export interface PendingWrite {
  readonly __pendingWrite: true;
}

/** Built anew on every attempt of the move; a failed condition on one of them re-reads and tries again. */
export type AlsoWrite = () => Promise<PendingWrite[]>;

export interface UserRepository {
  findById(userId: string): Promise<UserRecord | null>;
  /**
   * Finds the user of this openid or creates it (with an empty flower account) atomically; roles
   * beyond donor given at creation are audited as granted by `grantedBy`.
   */
  findOrCreateByOpenid(openid: string, profile: { nickname: string; roles: Role[] }, grantedBy?: AuditActor): Promise<{ user: UserRecord; created: boolean }>;
  findByOpenid(openid: string): Promise<UserRecord | null>;
  /** Roles `from` → `to` (refused when they changed meanwhile), audited in the same transaction. */
  changeRoles(userId: string, from: Role[], to: Role[], change: { actor: AuditActor; reason: string | null }): Promise<UserRecord>;
  listRoleHolders(role: Exclude<Role, 'donor'>, page: { limit: number; cursor?: string }): Promise<Page<UserRecord>>;
  saveSessionKey(userId: string, sessionKey: string): Promise<void>;
  getSessionKey(userId: string): Promise<string | null>;
  /** Every user id, a page of the table at a time: for the books check (npm run reconcile), never a request. */
  allUserIds(): AsyncGenerator<string>;
}

/** A condition that must hold in the same transaction as a move, e.g. "not yet donated today". */
export interface MoveGuard {
  /** A per-user marker, e.g. `steps#2026-11-25`, that must not exist yet and that the move creates. */
  markerId: string;
  /** What the marker remembers, e.g. the day's steps (listed later by the feature). */
  attributes?: Record<string, unknown> | (() => Record<string, unknown>);
  /**
   * With a limit the marker is a counter instead: the move adds 1 while it is below the limit
   * (a daily cap); without, the marker must not exist yet (once only).
   */
  limit?: number;
  /** The domain error when the marker already exists (or the counter is at its limit). */
  onConflict: () => Error;
}

export interface MoveResult {
  entry: LedgerEntry;
  account: FlowerAccount;
}

/** The ledger as use cases move it (LedgerMoves in domain/ledger-moves.ts plans each move; a LedgerStore commits it). */
export interface LedgerRepository {
  getAccount(userId: string): Promise<FlowerAccount | null>;
  /**
   * Writes the entry and the balance change in one transaction, guarded by the account version,
   * the non-negative balance, the given guards and (when present) the idempotency claim, whose
   * stored response is written in the same transaction.
   */
  move(command: MoveFlowersCommand, options?: MoveOptions): Promise<MoveResult>;
  listEntries(userId: string, page: PageRequest): Promise<Page<LedgerEntry>>;
  /** Every entry of one account, oldest first: for the books check (npm run reconcile), never a request. */
  allEntries(userId: string): Promise<LedgerEntry[]>;
}

/** A move planned from one reading of the account: that reading, and the entry and account after it. */
export interface PlannedMove extends MoveResult {
  before: FlowerAccount;
}

/** What commits with a move: its guards, the idempotency claim's response, other ports' writes. */
export interface MoveWrites {
  guards: MoveGuard[];
  completion?: IdempotentCompletion<MoveResult>;
  extras: PendingWrite[];
}

/**
 * How a move's transaction ended: committed; `stale` (the account or one of the other writes was
 * not as read, or the table asked to retry); a guard's marker was there (`guard`, its position);
 * the idempotency claim was no longer this request's (`claimLost`).
 */
export type MoveCommit = { kind: 'committed' } | { kind: 'stale' } | { kind: 'guard'; index: number } | { kind: 'claimLost' };

/**
 * The ledger's storage: it reads accounts and entries and commits a planned move in one
 * transaction guarded by the account as read; the ledger (domain/ledger-moves.ts) plans and retries.
 */
export interface LedgerStore {
  getAccount(userId: string): Promise<FlowerAccount | null>;
  commit(move: PlannedMove, writes: MoveWrites): Promise<MoveCommit>;
  listEntries(userId: string, page: PageRequest): Promise<Page<LedgerEntry>>;
  allEntries(userId: string): Promise<LedgerEntry[]>;
}

export interface MoveOptions {
  guards?: MoveGuard[];
  completion?: IdempotentCompletion<MoveResult>;
  /** The unit of work: other ports' writes that commit with the move or not at all. */
  alsoWrite?: AlsoWrite;
}

export interface TokenIssuer {
  issue(claims: { userId: string }): Promise<string>;
}

/** The audit trail as admins read it. */
export type { AuditTrail } from './audit';

export type ClaimOutcome = { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' };

export interface IdempotencyStore {
  /** Claims the key, or waits for the request that holds it and returns its final response. */
  claim(scope: IdempotencyScope, requestHash: string): Promise<ClaimOutcome>;
  /** Stores the final response of a request that moved nothing (refusals, reads); a no-op once finalized. */
  complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void>;
  /** Gives the key back after a 5xx so a retry can run again. */
  release(claim: IdempotencyClaim): Promise<void>;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
