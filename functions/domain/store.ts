/** A merchant's store (API.md "Love meals"). */
export type StoreStatus = 'pending' | 'active' | 'suspended';

export interface Store {
  id: string;
  name: string;
  city: string;
  address: string;
  ownerId: string;
  status: StoreStatus;
  mealsAvailable: number;
}
