/** A quota counter: one item per (subject, quota, window), gone by TTL once the window is over. */
export const quotaKeys = {
  counter: (subject: string, name: string, windowStart: number) => ({ PK: `QUOTA#${subject}`, SK: `${name}#${windowStart}` }),
};
