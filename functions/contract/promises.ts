import { z } from 'zod';
import { idParams } from './common';
import type { TextField } from './fields';
import { route } from './route';
import { day, id, isoTime, named, text } from './schema-kit';

/**
 * Promises (承诺) the adopting charity makes in an assembly's answers: each one is kept on the
 * record with a due date until it is done (已完成) or declared unmet (未兑现). One still in progress
 * past its due date shows as overdue (逾期).
 */

/** 进行中 → 已完成 or 未兑现, never back. */
export const PROMISE_STATUSES = ['in_progress', 'done', 'unmet'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
/** Where a promise can go from in_progress. */
export const PROMISE_OUTCOMES = ['done', 'unmet'] as const satisfies readonly PromiseStatus[];
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

const textField = (min: number, max: number, multiline = false): TextField => ({ kind: 'text', min, max, multiline });

/** The limits of a promise's texts, in code points. */
export const PROMISE_FIELDS = {
  text: textField(2, 200),
  note: textField(1, 200),
} as const;

export const promise = named(
  z.object({
    id: z.string(),
    dreamId: z.string(),
    assemblyId: z.string(),
    /** The question whose answer made the promise, or null. */
    questionId: z.string().nullable(),
    text: z.string(),
    /** A calendar day in Asia/Shanghai. */
    dueDate: z.string(),
    status: z.enum(PROMISE_STATUSES),
    /** In progress and past its due date (逾期). */
    overdue: z.boolean(),
    doneAt: isoTime().nullable(),
    /** What the charity said when it marked the promise done or unmet. */
    note: z.string().nullable(),
    createdAt: isoTime(),
  }),
  'Promise',
);
export type PromiseView = z.infer<typeof promise>;

export const makePromiseBody = z.object({
  text: text(PROMISE_FIELDS.text),
  /** Today or later, in Asia/Shanghai. */
  dueDate: day(),
  /** A question of this assembly whose answer made the promise. */
  questionId: id().optional(),
});
export type MakePromiseBody = z.infer<typeof makePromiseBody>;

const notCharity = { status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' } as const;

export const makePromiseRoute = route({
  method: 'POST',
  path: '/assemblies/{id}/promises',
  summary: 'The adopting charity records a promise made in the assembly (承诺), in progress until it is done or unmet',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: makePromiseBody,
  status: 201,
  response: z.object({ promise }),
  errors: [
    { status: 400, code: 'VALIDATION_FAILED', when: 'dueDate is before today, or questionId is not a question of this assembly' },
    notCharity,
    { status: 404, code: 'NOT_FOUND', when: 'no such assembly' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the promise risky, or cannot clear it now (nothing is stored)' },
  ],
});

export const settlePromiseBody = z.object({
  status: z.enum(PROMISE_OUTCOMES),
  note: text(PROMISE_FIELDS.note).optional(),
});
export type SettlePromiseBody = z.infer<typeof settlePromiseBody>;

export const settlePromiseRoute = route({
  method: 'POST',
  path: '/promises/{id}/status',
  summary: 'The adopting charity marks a promise done (its donors are told) or unmet; either is final',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: settlePromiseBody,
  status: 200,
  response: z.object({ promise }),
  errors: [
    notCharity,
    { status: 404, code: 'NOT_FOUND', when: 'no such promise' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the note risky, or cannot clear it now (nothing is stored)' },
    { status: 409, code: 'PROMISE_SETTLED', when: 'the promise was marked done or unmet already' },
  ],
});

export const dreamPromisesRoute = route({
  method: 'GET',
  path: '/dreams/{id}/promises',
  summary: 'Every promise made to a dream’s donors, the latest due date first, with whether it is overdue (public)',
  source: 'added',
  tag: 'assemblies',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: z.object({ items: z.array(promise) }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such dream' }],
});
