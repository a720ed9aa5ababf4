/** Key builder for a person's subscribe-message credits: one item per (person, topic). */
export const subscriptionKeys = {
  credits: (userId: string, topic: string) => ({ PK: `USER#${userId}`, SK: `SUBSCRIBE#${topic}` }),
};
