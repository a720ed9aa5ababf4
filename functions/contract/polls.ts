import { z } from 'zod';
import { idParams } from './common';
import type { TextField } from './fields';
import { route } from './route';
import { isoTime, named, text } from './schema-kit';

/**
 * Live polls of an assembly: the adopting charity asks during the meeting, each donor of the dream
 * answers once, and the results show in the app only after the poll closed, so the count so far
 * cannot sway the room.
 */

export const POLL_STATUSES = ['open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

const textField = (min: number, max: number): TextField => ({ kind: 'text', min, max });

/** The limits of a poll, in code points and options. */
export const POLL_FIELDS = {
  question: textField(2, 60),
  option: textField(1, 30),
  optionsMin: 2,
  optionsMax: 5,
} as const;

export const poll = named(
  z.object({
    id: z.string(),
    assemblyId: z.string(),
    question: z.string(),
    options: z.array(z.string()),
    /** Closed by the charity, or because the assembly's minutes closed it. */
    status: z.enum(POLL_STATUSES),
    /** How many chose each option, in the options' order: null while the poll is open. */
    results: z.array(z.number().int()).nullable(),
    /** The caller answered it (false for anyone not signed in). */
    answered: z.boolean(),
    createdAt: isoTime(),
    closedAt: isoTime().nullable(),
  }),
  'Poll',
);
export type PollView = z.infer<typeof poll>;

export const openPollBody = z.object({
  question: text(POLL_FIELDS.question),
  options: z.array(text(POLL_FIELDS.option)).min(POLL_FIELDS.optionsMin).max(POLL_FIELDS.optionsMax),
});
export type OpenPollBody = z.infer<typeof openPollBody>;

export const answerPollBody = z.object({
  option: z
    .number()
    .int()
    .min(0)
    .max(POLL_FIELDS.optionsMax - 1),
});
export type AnswerPollBody = z.infer<typeof answerPollBody>;

const notCharity = { status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' } as const;
const notFoundPoll = { status: 404, code: 'NOT_FOUND', when: 'no such poll' } as const;
const pollClosed = { status: 409, code: 'POLL_CLOSED', when: 'the poll (or its assembly) is closed' } as const;

export const openPollRoute = route({
  method: 'POST',
  path: '/assemblies/{id}/polls',
  summary: 'The adopting charity opens a live poll (2–5 options) during an assembly that is not closed',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: openPollBody,
  status: 201,
  response: z.object({ poll }),
  errors: [
    { status: 400, code: 'VALIDATION_FAILED', when: 'two options are the same' },
    notCharity,
    { status: 404, code: 'NOT_FOUND', when: 'no such assembly' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the question or an option risky, or cannot clear it now (nothing is stored)' },
    { status: 409, code: 'ASSEMBLY_CLOSED', when: 'the minutes closed the assembly' },
  ],
});

export const closePollRoute = route({
  method: 'POST',
  path: '/polls/{id}/close',
  summary: 'The adopting charity closes a poll: its results show from now on',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  status: 200,
  response: z.object({ poll }),
  errors: [notCharity, notFoundPoll, pollClosed],
});

export const answerPollRoute = route({
  method: 'POST',
  path: '/polls/{id}/answers',
  summary: 'A donor of the dream answers a poll, once',
  source: 'added',
  tag: 'assemblies',
  auth: 'required',
  params: idParams,
  body: answerPollBody,
  status: 200,
  response: z.object({ poll }),
  errors: [
    { status: 400, code: 'VALIDATION_FAILED', when: 'option is not the index of one of the poll’s options' },
    { status: 403, code: 'FORBIDDEN', when: 'the caller never gave to the dream' },
    notFoundPoll,
    pollClosed,
    { status: 409, code: 'ALREADY_ANSWERED', when: 'the caller answered it already (also when sent at the same moment)' },
  ],
});

export const assemblyPollsRoute = route({
  method: 'GET',
  path: '/assemblies/{id}/polls',
  summary: 'An assembly’s polls, the newest first, each with its results once closed and whether the caller answered (public)',
  source: 'added',
  tag: 'assemblies',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: z.object({ items: z.array(poll) }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such assembly' }],
});
