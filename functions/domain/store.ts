import { STORE_STATUSES, type StoreStatus } from '../contract/enums';
import type { AuditRecord } from './audit';
import { RuleViolation } from './errors';
import type { Page, PageRequest, PendingWrite } from './ports';

/** A merchant's store, where love meals are bought and eaten; `rejected` is this project's addition. */
export { STORE_STATUSES, type StoreStatus };

export interface Store {
  id: string;
  name: string;
  city: string;
  address: string;
  ownerId: string;
  status: StoreStatus;
  mealsAvailable: number;
  /** Held for an admin: its text is seen by nobody but its writer and admins until cleared. */
  held?: boolean;
}

export interface StoreRecord extends Store {
  createdAt: string;
  reviewNote: string | null;
}

export interface StoreRepository {
  create(input: Omit<Store, 'id' | 'mealsAvailable'> & { id?: string }, createdAt: string): Promise<Store>;
  get(storeId: string): Promise<StoreRecord | null>;
  /**
   * `store` as read → `to`, refused with onConflict(the write's failure) when its status changed
   * meanwhile; audited in the same write.
   */
  changeStatus(
    store: StoreRecord,
    to: StoreStatus,
    change: { note: string | null; audit: AuditRecord; onConflict: (cause: unknown) => Error },
  ): Promise<StoreRecord>;
  listByStatus(status: StoreStatus, page: PageRequest): Promise<Page<StoreRecord>>;
  listByOwner(ownerId: string, page?: PageRequest): Promise<Page<StoreRecord>>;
  /** Active stores of a city (GET /stores?city=). */
  listActiveInCity(city: string, page: PageRequest): Promise<Page<StoreRecord>>;
  /** The store's record of a low-carbon action, to commit with the person's flowers. */
  lowCarbonActionWrite(storeId: string, record: { id: string; action: string; userId: string; flowers: number; createdAt: string }): PendingWrite;
}

/** An admin's review: only a pending store is reviewed; approval opens it, rejection closes it. */
export function decideStoreReview(store: Pick<Store, 'status'>, decision: 'approve' | 'reject'): StoreStatus {
  if (store.status !== 'pending') throw notPending();
  return decision === 'approve' ? 'active' : 'rejected';
}

/** NOT_PENDING: the store was reviewed already (found so, or another admin's review landed first). */
export function notPending(options?: ErrorOptions): RuleViolation {
  return new RuleViolation('NOT_PENDING', '这家店已经审核过了', undefined, options);
}

/**
 * STORE_NOT_ACTIVE: only an active store takes donations and scans, and only an active one can be
 * suspended. The message says which of those was asked; the code is the same.
 */
export function storeNotActive(message = '该门店暂未营业', options?: ErrorOptions): RuleViolation {
  return new RuleViolation('STORE_NOT_ACTIVE', message, undefined, options);
}

/** Donations and scans happen only at an active store (not pending, suspended or rejected). */
export function assertStoreActive(store: Pick<Store, 'status'>): void {
  if (store.status !== 'active') throw storeNotActive();
}
