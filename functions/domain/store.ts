import { RuleViolation } from './errors';

/** A merchant's store (API.md "Love meals"); `rejected` is added (docs/api-additions.md). */
export const STORE_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

export interface Store {
  id: string;
  name: string;
  city: string;
  address: string;
  ownerId: string;
  status: StoreStatus;
  mealsAvailable: number;
}

/** An admin's review: only a pending store is reviewed; approval opens it, rejection closes it. */
export function decideStoreReview(store: Pick<Store, 'status'>, decision: 'approve' | 'reject'): StoreStatus {
  if (store.status !== 'pending') throw new RuleViolation('NOT_PENDING', '这家店已经审核过了');
  return decision === 'approve' ? 'active' : 'rejected';
}
