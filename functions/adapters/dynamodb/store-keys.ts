/** Key builders for merchants' stores (love meals, low-carbon actions). */
export const storeKeys = {
  profile: (storeId: string) => ({ PK: `STORE#${storeId}`, SK: 'PROFILE' }),
  byOwner: (ownerId: string, storeId: string) => ({ GSI1PK: `OWNER#${ownerId}#STORES`, GSI1SK: `STORE#${storeId}` }),
  ownerPartition: (ownerId: string) => `OWNER#${ownerId}#STORES`,
  lowCarbonAction: (storeId: string, actionId: string) => ({ PK: `STORE#${storeId}`, SK: `LOWCARBON#${actionId}` }),
};
