/** Key builders for the quiz bank: one small partition, read whole and cached. */
export const quizKeys = {
  question: (questionId: string) => ({ PK: 'QUIZ#BANK', SK: `Q#${questionId}` }),
  bankPartition: 'QUIZ#BANK',
};
