import { z } from 'zod';
import { LOW_CARBON_ACTIONS, SPONSOR_STATUSES } from './enums';
import { FIELDS } from './fields';
import { route } from './route';
import { day, id, int, isoTime, named, page, pageQuery, text } from './schema-kit';

// ---- Steps (捐步) ----

/** WeChat's `{encryptedData, iv}` from wx.getWeRunData, or (STAGE local/test only) a plain step count. */
export const stepsBody = z.union([
  z.object({ encryptedData: z.string().min(1).max(16_384), iv: z.string().min(1).max(64) }).strict(),
  z.object({ steps: int(FIELDS.steps) }).strict(),
]);
export type StepsInput = z.infer<typeof stepsBody>;

/** The sponsor (益行家) money matched to a step donation. */
export const sponsorMatch = z.object({ sponsorId: z.string(), sponsorName: z.string(), logoText: z.string(), amountFen: z.number().int() });
export type SponsorMatch = z.infer<typeof sponsorMatch>;

export const stepsPreview = z.object({
  date: day(),
  steps: z.number().int(),
  flowers: z.number().int(),
  donatedToday: z.boolean(),
  match: sponsorMatch.nullable(),
});
export type StepsPreview = z.infer<typeof stepsPreview>;

export const stepDonationResult = z.object({
  date: day(),
  steps: z.number().int(),
  flowers: z.number().int(),
  balance: z.number().int(),
  match: sponsorMatch.nullable(),
});
export type StepDonationResult = z.infer<typeof stepDonationResult>;

export const stepDonation = z.object({
  date: day(),
  steps: z.number().int(),
  flowers: z.number().int(),
  matchFen: z.number().int(),
  sponsorName: z.string().nullable(),
  createdAt: isoTime(),
});
export type StepDonation = z.infer<typeof stepDonation>;

const stepsErrors = [{ status: 400, code: 'INVALID_WERUN_DATA', when: 'the data does not decrypt, or its watermark.appid is not ours' }] as const;

export const previewStepsRoute = route({
  method: 'POST',
  path: '/steps/preview',
  summary: 'What donating today’s steps would earn now (changes nothing)',
  source: 'added',
  tag: 'earning',
  auth: 'required',
  body: stepsBody,
  status: 200,
  response: stepsPreview,
  errors: stepsErrors,
});

export const donateStepsRoute = route({
  method: 'POST',
  path: '/steps/donations',
  summary: 'Donate today’s WeChat-Run steps for flowers, once a day',
  source: 'fixed',
  tag: 'earning',
  auth: 'required',
  idempotent: true,
  body: stepsBody,
  status: 200,
  response: stepDonationResult,
  errors: [
    ...stepsErrors,
    { status: 409, code: 'ALREADY_DONATED_TODAY', when: 'steps were donated today already' },
    { status: 409, code: 'NOT_ENOUGH_STEPS', when: 'under the day’s minimum of steps' },
  ],
});

export const listStepDonationsRoute = route({
  method: 'GET',
  path: '/steps/donations',
  summary: 'The person’s step donations, newest first (default page: 7, the page’s chart)',
  source: 'added',
  tag: 'earning',
  auth: 'required',
  query: pageQuery(7),
  status: 200,
  response: page(stepDonation),
});

// ---- Sponsors (益行家) ----

export const sponsor = named(
  z.object({
    id: z.string(),
    name: z.string(),
    logoText: z.string(),
    fenPer10kSteps: z.number().int(),
    budgetFen: z.number().int(),
    remainingFen: z.number().int(),
    status: z.enum(SPONSOR_STATUSES),
  }),
  'Sponsor',
);
export type Sponsor = z.infer<typeof sponsor>;

export const listSponsorsRoute = route({
  method: 'GET',
  path: '/sponsors',
  summary: 'The step sponsors and what is left of each budget, newest first (public)',
  source: 'added',
  tag: 'earning',
  auth: 'optional',
  query: pageQuery(),
  status: 200,
  response: page(sponsor),
});

export const createSponsorBody = z.object({
  name: text(FIELDS.sponsorName),
  logoText: text(FIELDS.sponsorLogoText),
  fenPer10kSteps: int(FIELDS.fenPer10kSteps),
  budgetFen: int(FIELDS.budgetFen),
  reason: text(FIELDS.reason).optional(),
});
export type CreateSponsorInput = z.infer<typeof createSponsorBody>;

export const createSponsorRoute = route({
  method: 'POST',
  path: '/admin/sponsors',
  summary: 'Add a step sponsor and its budget (audited)',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  body: createSponsorBody,
  status: 201,
  response: z.object({ sponsor }),
});

// ---- Quiz (答题) ----

export const quizQuestion = z.object({
  id: z.string(),
  prompt: z.string(),
  choices: z.array(z.string()),
  answered: z.object({ choice: z.number().int(), correct: z.boolean(), explanation: z.string() }).nullable(),
});
export type QuizQuestion = z.infer<typeof quizQuestion>;

export const quizToday = z.object({ date: day(), questions: z.array(quizQuestion) });
export type QuizToday = z.infer<typeof quizToday>;

export const quizAnswerBody = z.object({ questionId: id(), choice: int(FIELDS.quizChoice) });
export type QuizAnswerInput = z.infer<typeof quizAnswerBody>;

export const quizAnswerResult = z.object({
  correct: z.boolean(),
  explanation: z.string(),
  flowers: z.number().int(),
  balance: z.number().int(),
  /** The right option's index, so a wrong answer can point at it (added: older clients ignore it). */
  correctChoice: z.number().int().optional(),
});
export type QuizAnswerResult = z.infer<typeof quizAnswerResult>;

export const todaysQuizRoute = route({
  method: 'GET',
  path: '/quiz/today',
  summary: 'Today’s questions for this person, with what they already answered',
  source: 'fixed',
  tag: 'earning',
  auth: 'required',
  status: 200,
  response: quizToday,
});

export const answerQuizRoute = route({
  method: 'POST',
  path: '/quiz/answers',
  summary: 'Answer one of today’s questions; a correct answer earns flowers',
  source: 'fixed',
  tag: 'earning',
  auth: 'required',
  idempotent: true,
  body: quizAnswerBody,
  status: 200,
  response: quizAnswerResult,
  errors: [
    { status: 404, code: 'NOT_FOUND', when: 'the question is not in this person’s set for today' },
    { status: 409, code: 'ALREADY_ANSWERED', when: 'the question was answered already' },
  ],
});

// ---- Low-carbon actions (低碳行动) ----

export const memberCode = z.object({ code: z.string(), expiresAt: isoTime() });
export type MemberCode = z.infer<typeof memberCode>;

export const memberCodeRoute = route({
  method: 'GET',
  path: '/me/member-code',
  summary: 'A short-lived, single-use member code to show a merchant',
  source: 'added',
  tag: 'earning',
  auth: 'required',
  status: 200,
  response: memberCode,
});

export const lowCarbonBody = z.object({ code: z.string().min(1).max(FIELDS.memberCodeMaxLength), action: z.enum(LOW_CARBON_ACTIONS) });
export type LowCarbonInput = z.infer<typeof lowCarbonBody>;

export const lowCarbonAction = z.object({
  id: z.string(),
  action: z.enum(LOW_CARBON_ACTIONS),
  storeId: z.string(),
  storeName: z.string(),
  flowers: z.number().int(),
  createdAt: isoTime(),
});
export type LowCarbonActionView = z.infer<typeof lowCarbonAction>;

export const recordLowCarbonRoute = route({
  method: 'POST',
  path: '/lowcarbon/actions',
  summary: 'A merchant records a person’s low-carbon action by their member code',
  source: 'added',
  tag: 'earning',
  auth: 'required',
  roles: ['merchant'],
  idempotent: true,
  body: lowCarbonBody,
  status: 201,
  response: z.object({ action: lowCarbonAction }),
  errors: [
    { status: 400, code: 'INVALID_MEMBER_CODE', when: 'the code is forged, malformed or expired' },
    { status: 403, code: 'FORBIDDEN', when: 'the merchant has no active store, or the code is their own' },
    { status: 409, code: 'MEMBER_CODE_USED', when: 'the code was used already' },
    { status: 409, code: 'DAILY_LIMIT_REACHED', when: 'the person’s low-carbon flowers for today are used up' },
  ],
});
