/** Key builders for ledger entries: under the user, ordered by sequence so newest-first is a reverse query. */
const SEQ_WIDTH = 12;

export const ledgerKeys = {
  prefix: 'LEDGER#',
  entry: (userId: string, seq: number) => ({ PK: `USER#${userId}`, SK: `LEDGER#${String(seq).padStart(SEQ_WIDTH, '0')}` }),
};
