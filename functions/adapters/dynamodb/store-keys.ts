/** Key builders for merchants' stores (love meals, low-carbon actions). */
export const storeKeys = {
  profile: (storeId: string) => ({ PK: `STORE#${storeId}`, SK: 'PROFILE' }),
  byOwner: (ownerId: string, storeId: string) => ({ GSI1PK: `OWNER#${ownerId}#STORES`, GSI1SK: `STORE#${storeId}` }),
  ownerPartition: (ownerId: string) => `OWNER#${ownerId}#STORES`,
  /** GSI2: stores by status, newest first (the admin's review queue of pending stores). */
  byStatus: (status: string, createdAt: string, storeId: string) => ({ GSI2PK: `STORES#STATUS#${status}`, GSI2SK: `${createdAt}#${storeId}` }),
  statusPartition: (status: string) => `STORES#STATUS#${status}`,
  /** An active store in its city's list (GET /stores?city=), written when the store opens. */
  inCity: (city: string, storeId: string) => ({ PK: `CITY#${city}#STORES`, SK: `STORE#${storeId}` }),
  cityPartition: (city: string) => `CITY#${city}#STORES`,
  lowCarbonAction: (storeId: string, actionId: string) => ({ PK: `STORE#${storeId}`, SK: `LOWCARBON#${actionId}` }),
};
