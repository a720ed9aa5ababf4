/**
 * The vocabulary and limits of donor assemblies, without zod: the schemas (assemblies.ts) use them
 * and the app's pages import them directly, so a page does not carry a validator to know a limit.
 */
import type { TextField } from './fields';

export const ASSEMBLY_STATUSES = ['scheduled', 'closed'] as const;
export type AssemblyStatus = (typeof ASSEMBLY_STATUSES)[number];
export const QUESTION_STATUSES = ['open', 'answered', 'declined'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_REVIEW_DECISIONS = ['restore', 'remove'] as const;
export type QuestionReviewDecision = (typeof QUESTION_REVIEW_DECISIONS)[number];

const textField = (min: number, max: number, multiline = false): TextField => ({ kind: 'text', min, max, multiline });

/** The limits of an assembly's texts, in code points. */
export const ASSEMBLY_FIELDS = {
  title: textField(2, 40),
  question: textField(5, 300, true),
  answer: textField(2, 1000, true),
  minutes: textField(10, 10_000, true),
  reportReason: textField(1, 200),
  meetingUrlMax: 500,
  /** How long before startsAt the meeting link is handed out (POST /assemblies/{id}/join). */
  joinLeadMinutes: 10,
} as const;

/**
 * A meeting link: any https URL (腾讯会议 or another), never http or another scheme. A pattern, not
 * `new URL`: mini-program engines have no URL class, and the app's form runs this too.
 */
const HTTPS_URL = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#][^\s]*)?$/;
export const isHttpsUrl = (value: string): boolean => HTTPS_URL.test(value);
