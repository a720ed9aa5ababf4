/**
 * Key builders for the public log: its one state item, its entries in chunks (the entries one
 * append added within one bundle, as one item keyed by its first index, so a bundle is one query
 * and an append writes one item for its entries, not one each), a claim per ref (an entry is
 * integrated once), and each salt in its owner's own partition, apart from the log, so closing
 * the account erases it with the rest.
 */
const INDEX_WIDTH = 12;

export const logKeys = {
  state: () => ({ PK: 'LOG', SK: 'STATE' }),
  chunk: (firstIndex: number) => ({ PK: `LOG#BUNDLE#${Math.floor(firstIndex / 256)}`, SK: String(firstIndex).padStart(INDEX_WIDTH, '0') }),
  bundle: (bundleIndex: number) => `LOG#BUNDLE#${bundleIndex}`,
  ref: (ref: string) => ({ PK: `LOG#REF#${ref}`, SK: 'REF' }),
  saltPrefix: 'LOGSALT#',
  salt: (userId: string, ref: string) => ({ PK: `USER#${userId}`, SK: `LOGSALT#${ref}` }),
};
