/**
 * Key builders for the public log: its one state item, its entries grouped by bundle (a bundle's
 * 256 entries are one query), a claim per ref (an entry is integrated once), and each salt in its
 * owner's own partition, apart from the log, so closing the account erases it with the rest.
 */
const INDEX_WIDTH = 12;

export const logKeys = {
  state: () => ({ PK: 'LOG', SK: 'STATE' }),
  entry: (index: number) => ({ PK: `LOG#BUNDLE#${Math.floor(index / 256)}`, SK: String(index).padStart(INDEX_WIDTH, '0') }),
  bundle: (bundleIndex: number) => `LOG#BUNDLE#${bundleIndex}`,
  ref: (ref: string) => ({ PK: `LOG#REF#${ref}`, SK: 'REF' }),
  saltPrefix: 'LOGSALT#',
  salt: (userId: string, ref: string) => ({ PK: `USER#${userId}`, SK: `LOGSALT#${ref}` }),
};
