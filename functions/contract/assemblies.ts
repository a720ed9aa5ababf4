import { z } from 'zod';
import { idParams } from './common';
import { ASSEMBLY_FIELDS, ASSEMBLY_STATUSES, isHttpsUrl, QUESTION_REVIEW_DECISIONS, QUESTION_STATUSES } from './assembly-fields';
import { route } from './route';
import { documented, id, instant, isoTime, named, page, pageQuery, text } from './schema-kit';

/**
 * Donor assemblies (公益股东人大会): the adopting charity meets the dream's donors online, presents a
 * statement and answers their questions in the open. Everyone who gave to the dream, even one
 * flower, may ask and vote; anyone may read.
 */

/** A meeting link: any https URL (腾讯会议 or another); http or another scheme is a 400. */
const meetingUrl = () =>
  documented(
    z
      .string()
      .max(ASSEMBLY_FIELDS.meetingUrlMax)
      .superRefine((value, ctx) => {
        if (!isHttpsUrl(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be an https:// URL' });
      }),
    { format: 'uri', example: 'https://meeting.tencent.com/dm/abc123' },
  );

/** The contract's `assembly`, with this project's additions. */
export const assembly = named(
  z.object({
    id: z.string(),
    dreamId: z.string(),
    title: z.string(),
    startsAt: isoTime(),
    /** The link: for the adopting charity and admins; others get it from POST /assemblies/{id}/join (null here). */
    meetingUrl: z.string().nullable(),
    questionsCloseAt: isoTime(),
    status: z.enum(ASSEMBLY_STATUSES),
    minutes: z.string().nullable(),
    /** The published letter whose statement the charity presents, or null. */
    statementLetterId: z.string().nullable(),
    /** How many people joined through the app's link (each once). */
    attendance: z.number().int(),
    /** How many questions were asked (hidden ones included). */
    questionCount: z.number().int(),
    createdAt: isoTime(),
    closedAt: isoTime().nullable(),
    /** Only for its charity and admins, while its title or minutes wait for an admin (others get 404, or `minutes: null`). */
    held: z.boolean().optional(),
    /** Only for its charity and admins: the minutes wait for an admin; others see `minutes: null`. */
    minutesHeld: z.boolean().optional(),
  }),
  'Assembly',
);
export type AssemblyView = z.infer<typeof assembly>;

/** A line of a published statement an answer points at. */
export const statementLineRef = z.object({ letterId: id(), lineIndex: z.number().int().min(0).max(1000) });
export type StatementLineRef = z.infer<typeof statementLineRef>;

/** The contract's `question`, with this project's additions. */
export const question = named(
  z.object({
    id: z.string(),
    assemblyId: z.string(),
    text: z.string(),
    votes: z.number().int(),
    askedAt: isoTime(),
    status: z.enum(QUESTION_STATUSES),
    /** The answer, or (declined) the reason for declining. */
    answer: z.string().nullable(),
    answeredAt: isoTime().nullable(),
    /** The statement line the answer points at, or null. */
    answerLine: z.object({ letterId: z.string(), lineIndex: z.number().int() }).nullable(),
    /** Hidden after enough reports (or removed by an admin): only its author and admins see it. */
    hidden: z.boolean(),
    /** Only for admins: how many people reported it. */
    reportCount: z.number().int().optional(),
    /** The caller asked it. */
    mine: z.boolean(),
    /** The caller voted for it. */
    voted: z.boolean(),
    /** Only on a held question (shown to its author and admins only), or for the charity and admins on a held answer. */
    held: z.boolean().optional(),
    /** Only for the charity and admins: the answer waits for an admin; others see `answer: null`. */
    answerHeld: z.boolean().optional(),
  }),
  'Question',
);
export type QuestionView = z.infer<typeof question>;

const notFoundDream = { status: 404, code: 'NOT_FOUND', when: 'no such dream' } as const;
const notFoundAssembly = { status: 404, code: 'NOT_FOUND', when: 'no such assembly' } as const;
const notFoundQuestion = { status: 404, code: 'NOT_FOUND', when: 'no such question (or one removed by an admin)' } as const;
const notDonor = { status: 403, code: 'FORBIDDEN', when: 'the caller never gave to the dream' } as const;
const notCharity = { status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' } as const;
const questionsClosed = { status: 409, code: 'QUESTIONS_CLOSED', when: 'past questionsCloseAt (or the assembly is closed)' } as const;
const assemblyClosed = { status: 409, code: 'ASSEMBLY_CLOSED', when: 'the minutes closed the assembly' } as const;
const unsafe = (what: string) => ({ status: 409, code: 'CONTENT_UNSAFE', when: `WeChat’s text check judges the ${what} risky (nothing is stored)` }) as const;

export const scheduleAssemblyBody = z.object({
  title: text(ASSEMBLY_FIELDS.title),
  startsAt: instant(),
  /** At or before startsAt. */
  questionsCloseAt: instant(),
  meetingUrl: meetingUrl().optional(),
  /** A published letter of this dream that carries a statement. */
  statementLetterId: id().optional(),
});
export type ScheduleAssemblyBody = z.infer<typeof scheduleAssemblyBody>;

export const scheduleAssemblyRoute = route({
  method: 'POST',
  path: '/dreams/{id}/assemblies',
  summary: 'The adopting charity schedules a donor assembly; every donor of the dream is invited (assembly_invited)',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: scheduleAssemblyBody,
  status: 201,
  response: z.object({ assembly }),
  errors: [
    {
      status: 400,
      code: 'VALIDATION_FAILED',
      when: 'questionsCloseAt is after startsAt, the meeting link is not https, or statementLetterId is not a published statement of this dream',
    },
    notCharity,
    notFoundDream,
    unsafe('title'),
    { status: 409, code: 'NOT_ADOPTED', when: 'the dream has not been adopted' },
  ],
});

export const dreamAssembliesRoute = route({
  method: 'GET',
  path: '/dreams/{id}/assemblies',
  summary: 'A dream’s assemblies, the next or latest first (public)',
  source: 'added',
  tag: 'assemblies',
  auth: 'optional',
  params: idParams,
  query: pageQuery(),
  status: 200,
  response: page(assembly),
  errors: [notFoundDream],
});

export const getAssemblyRoute = route({
  method: 'GET',
  path: '/assemblies/{id}',
  summary: 'An assembly and its questions, most votes first (ties: asked earlier first); hidden ones only for their author and admins',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: z.object({ assembly, questions: z.array(question) }),
  errors: [notFoundAssembly],
});

export const joinAssemblyRoute = route({
  method: 'POST',
  path: '/assemblies/{id}/join',
  summary: 'Join the meeting: counts the caller once in the attendance and hands out the link from 10 minutes before it starts',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ meetingUrl: z.string().nullable() }),
  errors: [notFoundAssembly, { status: 409, code: 'NOT_STARTED', when: 'more than 10 minutes before startsAt' }, assemblyClosed],
});

export const askQuestionBody = z.object({ text: text(ASSEMBLY_FIELDS.question) });
export type AskQuestionBody = z.infer<typeof askQuestionBody>;

export const askQuestionRoute = route({
  method: 'POST',
  path: '/assemblies/{id}/questions',
  summary: 'A donor of the dream asks a question in the open (WeChat’s text check applies)',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'required',
  params: idParams,
  body: askQuestionBody,
  status: 201,
  response: z.object({ question }),
  errors: [notDonor, notFoundAssembly, questionsClosed, unsafe('question')],
});

export const voteQuestionRoute = route({
  method: 'POST',
  path: '/questions/{id}/votes',
  summary: 'A donor of the dream votes for a question, once (never for their own)',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ question }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the caller never gave to the dream, or asked this question' },
    notFoundQuestion,
    questionsClosed,
    { status: 409, code: 'ALREADY_VOTED', when: 'the caller voted for it already (also when sent at the same moment)' },
  ],
});

export const reportQuestionBody = z.object({ reason: text(ASSEMBLY_FIELDS.reportReason).optional() });
export type ReportQuestionBody = z.infer<typeof reportQuestionBody>;

export const reportQuestionRoute = route({
  method: 'POST',
  path: '/questions/{id}/reports',
  summary: 'A donor of the dream reports an abusive question, once; past rules.assemblies.reportsToHide it is hidden until an admin looks',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  params: idParams,
  body: reportQuestionBody,
  status: 200,
  response: z.object({ reported: z.literal(true) }),
  errors: [notDonor, notFoundQuestion, { status: 409, code: 'ALREADY_REPORTED', when: 'the caller reported it already' }],
});

export const answerQuestionBody = z.object({
  answer: text(ASSEMBLY_FIELDS.answer),
  /** Decline to answer: `answer` gives the reason. */
  decline: z.boolean().optional(),
  /** A line of a published statement of this dream that the answer points at. */
  line: statementLineRef.optional(),
});
export type AnswerQuestionBody = z.infer<typeof answerQuestionBody>;

export const answerQuestionRoute = route({
  method: 'POST',
  path: '/questions/{id}/answer',
  summary: 'The adopting charity answers a question, or declines with a reason; an answer may point at a statement line',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: answerQuestionBody,
  status: 200,
  response: z.object({ question }),
  errors: [
    { status: 400, code: 'VALIDATION_FAILED', when: 'line does not point at a line of a published statement of this dream' },
    notCharity,
    notFoundQuestion,
    unsafe('answer'),
    assemblyClosed,
    { status: 409, code: 'ALREADY_ANSWERED', when: 'the question was answered or declined already' },
  ],
});

export const publishMinutesBody = z.object({ minutes: text(ASSEMBLY_FIELDS.minutes) });
export type PublishMinutesBody = z.infer<typeof publishMinutesBody>;

export const publishMinutesRoute = route({
  method: 'POST',
  path: '/assemblies/{id}/minutes',
  summary: 'The adopting charity publishes the minutes, which closes the assembly',
  source: 'fixed',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: publishMinutesBody,
  status: 200,
  response: z.object({ assembly }),
  errors: [
    notCharity,
    notFoundAssembly,
    unsafe('minutes'),
    {
      status: 409,
      code: 'UNANSWERED_QUESTIONS',
      when: 'one of the rules.assemblies.mustAnswer most-voted questions with a vote (ties: asked earlier first) is still open',
    },
    assemblyClosed,
  ],
});

export const reviewQuestionBody = z.object({ decision: z.enum(QUESTION_REVIEW_DECISIONS) });
export type ReviewQuestionBody = z.infer<typeof reviewQuestionBody>;

export const reviewQuestionRoute = route({
  method: 'POST',
  path: '/admin/questions/{id}/review',
  summary: 'An admin restores a reported question (shown again) or removes it (hidden for good); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewQuestionBody,
  status: 200,
  response: z.object({ question }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin asked this question (another admin looks at it)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such question waiting for a look (or another admin looked first)' },
  ],
});

/** A reported question in the admins' queue, with where it was asked. */
export const reportedQuestion = z.object({ question, dreamId: z.string(), assemblyTitle: z.string() });

export const reportedQuestionsRoute = route({
  method: 'GET',
  path: '/admin/questions/reported',
  summary: 'Questions hidden by reports, waiting for an admin’s look, oldest first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(reportedQuestion),
});
