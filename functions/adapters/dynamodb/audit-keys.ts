/**
 * Key builders for the audit trail. Admin actions are rare (a few a minute at most), so one
 * partition holds the whole trail newest-first; GSI1 lists one target's entries.
 */
export const auditKeys = {
  entry: (at: string, id: string) => ({ PK: 'AUDIT', SK: `AT#${at}#${id}` }),
  trailPartition: 'AUDIT',
  entryPrefix: 'AT#',
  byTarget: (targetId: string, at: string, id: string) => ({ GSI1PK: `AUDIT#TARGET#${targetId}`, GSI1SK: `AT#${at}#${id}` }),
  targetPartition: (targetId: string) => `AUDIT#TARGET#${targetId}`,
};

/** Who holds a role (other than donor, which everyone holds): `npm run roles -- list --role admin`. */
export const roleKeys = {
  member: (role: string, userId: string) => ({ PK: `ROLE#${role}`, SK: `USER#${userId}` }),
  partition: (role: string) => `ROLE#${role}`,
};
