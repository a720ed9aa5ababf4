import { z } from 'zod';
import { route } from './route';
import { named, isoTime, page, pageQuery } from './schema-kit';
import { idParams } from './common';

export const HELD_KINDS = ['dream', 'team', 'store', 'letter', 'distribution', 'assembly', 'question', 'answer', 'minutes'] as const;

/** A text WeChat's check asked a person to look at (or could not check), waiting for an admin. */
export const heldText = named(
  z.object({
    id: z.string(),
    kind: z.enum(HELD_KINDS),
    /** The id of the held object: for an answer its question's id, for minutes their assembly's id. */
    targetId: z.string(),
    text: z.string(),
    writerId: z.string(),
    createdAt: isoTime(),
  }),
  'HeldText',
);
export type HeldTextView = z.infer<typeof heldText>;

export const heldQueueRoute = route({
  method: 'GET',
  path: '/admin/held',
  summary: 'Texts held for an admin (WeChat’s check said review, or could not be reached), newest first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(heldText),
});

export const reviewHeldBody = z.object({ decision: z.enum(['approve', 'reject']) });

export const reviewHeldRoute = route({
  method: 'POST',
  path: '/admin/held/{id}/review',
  summary: 'Clear a held text (approve: others may see it) or remove it (reject: it stays hidden for good); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewHeldBody,
  status: 200,
  response: z.object({ held: heldText, decision: z.enum(['approve', 'reject']) }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin wrote this text (another admin reviews it)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such held text, or another admin reviewed it already' },
  ],
});
