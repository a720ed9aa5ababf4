/**
 * Every limit of every field, and the rules that check them. No zod here: the schemas
 * (schema-kit.ts) run these same functions, and the app's forms call them directly, so the
 * mini-program's main package does not carry a validator (about 55 KB) to say what the API says.
 */

import { checkText, codePoints, type TextRule } from './text-rule';

/** A text field: the text rule (text-rule.ts) with its length in code points, as the contract counts text. */
export interface TextField extends TextRule {
  kind: 'text';
}
export interface IntField {
  kind: 'int';
  min: number;
  max: number;
}

const textField = (min: number, max: number, multiline = false): TextField => ({ kind: 'text', min, max, multiline });
const intField = (min: number, max: number): IntField => ({ kind: 'int', min, max });

export const FIELDS = {
  nickname: textField(1, 32),
  openid: textField(1, 128),
  wechatCode: textField(1, 128),
  /** Why an admin or operator did something: kept in the audit trail. */
  reason: textField(1, 200),
  reviewNote: textField(1, 200),

  dreamTitle: textField(4, 40),
  dreamStory: textField(20, 2000, true),
  dreamTargetFlowers: intField(1_000, 100_000_000),
  dreamBeneficiaries: intField(1, 100_000_000),
  giftFlowers: intField(1, 100_000),

  sponsorName: textField(1, 40),
  sponsorLogoText: textField(1, 4),
  fenPer10kSteps: intField(1, 100_000),
  budgetFen: intField(1, 10_000_000_000),
  matchFenPerFlower: intField(1, 10_000),

  teamName: textField(2, 20),
  /** A team's share code: six letters or digits. */
  teamCodeLength: 6,

  storeName: textField(2, 40),
  storeCity: textField(2, 20),
  storeAddress: textField(4, 120),
  /** A sanitation worker's roster row. */
  employer: textField(2, 40),
  employeeNumber: textField(1, 32),
  workerName: textField(1, 20),
  rosterRowsMax: 200,

  letterTitle: textField(2, 40),
  letterBody: textField(10, 5000, true),
  lineItemDescription: textField(1, 60),
  lineItemFen: intField(1, 10_000_000_000),
  balanceFen: intField(-10_000_000_000, 10_000_000_000),
  lineItemsMax: 50,
  photosMax: 9,

  steps: intField(0, 10_000_000),
  quizChoice: intField(0, 9),
  memberCodeMaxLength: 2048,
  idMaxLength: 64,

  /** `?limit=` of every list. */
  pageLimit: intField(1, 100),
  pageLimitDefault: 20,
  cursorMaxLength: 512,
} as const;

export { codePoints };

/** null when the text passes the text rule (as the API will store it), else what is wrong. */
export function textProblem(value: string, field: TextField): string | null {
  const verdict = checkText(value, field);
  return verdict.ok ? null : verdict.problem;
}

export function intProblem(value: number, field: IntField): string | null {
  if (!Number.isInteger(value)) return 'must be a whole number';
  if (value < field.min || value > field.max) return `must be ${field.min}–${field.max}`;
  return null;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD that names a day of the Gregorian calendar (there is no year 0, no 13th month, no 30 February). */
export function dayProblem(value: string): string | null {
  const match = DAY_PATTERN.exec(value);
  if (!match) return 'must be a date YYYY-MM-DD';
  const [year, month, date] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12) return 'must be a real calendar date';
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return date >= 1 && date <= daysInMonth ? null : 'must be a real calendar date';
}

/** The largest offset from UTC any zone uses (Kiribati, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|([+-])(\d{2}):?([0-5]\d))$/;

/** An ISO 8601 date-time with its offset, on a real calendar day, at a real time of day, with an offset some zone uses. */
export function instantProblem(value: string): string | null {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return 'must be an ISO 8601 date-time with an offset';
  const day = dayProblem(match[1]);
  if (day) return day;
  if (match[5] !== 'Z' && Number(match[7]) * 60 + Number(match[8]) > MAX_OFFSET_MINUTES) return 'offset must be within ±14:00';
  return null;
}

export const TEAM_CODE_PATTERN = /^[A-Za-z0-9]{6}$/;
