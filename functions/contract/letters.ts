import { z } from 'zod';
import { LETTER_KINDS, LETTER_STATUSES, LINE_ITEM_KINDS, MEDIA_VERDICTS, REVIEW_DECISIONS } from './enums';
import { FIELDS } from './fields';
import { idParams, personRef } from './common';
import { route } from './route';
import { day, id, instant, int, isoTime, named, page, pageQuery, text } from './schema-kit';

/** A line of a letter's statement: what came in or went out, in fen. */
export const lineItem = z.object({
  description: text(FIELDS.lineItemDescription),
  amountFen: int(FIELDS.lineItemFen),
  kind: z.enum(LINE_ITEM_KINDS),
  /** A photo of the receipt: an upload of the author's (POST /uploads), checked like the letter's photos. */
  receiptPhoto: id().optional(),
  /** A distribution of the same dream this line paid for (数字签收): readers see how much of it was signed for. */
  distributionId: id().optional(),
});

/** What a letter shows: this period and since the start, apart and labelled (stored, never recomputed). */
export const statementView = z.object({
  periodStart: day(),
  periodEnd: day(),
  lineItems: z.array(
    z.object({
      description: z.string(),
      amountFen: z.number().int(),
      kind: z.enum(LINE_ITEM_KINDS),
      receiptPhoto: z.string().optional(),
      /** A read-only URL of the receipt photo, valid like photoUrls. */
      receiptPhotoUrl: z.string().optional(),
      /** The distribution of this dream the line cites (GET /distributions/{id} shows its sign-off). */
      distributionId: z.string().optional(),
    }),
  ),
  openingFen: z.number().int(),
  incomeFen: z.number().int(),
  spendFen: z.number().int(),
  closingFen: z.number().int(),
  sinceStart: z.object({ incomeFen: z.number().int(), spendFen: z.number().int() }),
  previousLetterId: z.string().nullable(),
});

/** The contract's `letter`, with this project's additions. */
export const letter = named(
  z.object({
    id: z.string(),
    dreamId: z.string(),
    title: z.string(),
    body: z.string(),
    photos: z.array(z.string()),
    happenedAt: isoTime(),
    status: z.enum(LETTER_STATUSES),
    publishedAt: isoTime().nullable(),
    kind: z.enum(LETTER_KINDS),
    createdAt: isoTime(),
    corrects: z.string().nullable(),
    /** Set once an admin retracted the published letter (已撤回): it stays readable, marked, with why. */
    retraction: z.object({ reason: z.string(), at: isoTime() }).nullable(),
    statement: statementView.nullable(),
    /** Read-only URLs of the photos, valid for rules.uploads.viewUrlTtlSeconds (the bucket is private). */
    photoUrls: z.array(z.string()),
    /** Only for the author and admins. */
    reviewNote: z.string().nullable().optional(),
    /** Only on a held letter: its text waits for an admin (GET /admin/held) before it can be published. */
    held: z.boolean().optional(),
    /** Only for the author and admins: WeChat's image check of each photo, then of each receipt photo. */
    photoChecks: z.array(z.object({ id: z.string(), verdict: z.enum(MEDIA_VERDICTS) })).optional(),
  }),
  'Letter',
);
export type LetterView = z.infer<typeof letter>;

export const submitLetterBody = z.object({
  title: text(FIELDS.letterTitle),
  body: text(FIELDS.letterBody),
  happenedAt: instant(),
  /** Upload keys of photos the author uploaded (POST /uploads). */
  photos: z.array(id()).max(FIELDS.photosMax).optional(),
  /** A published letter of this dream that this one corrects. */
  corrects: id().optional(),
  /** A monthly letter's statement; without it the post is a field update (执行反馈, no money). */
  statement: z
    .object({
      periodStart: day(),
      periodEnd: day(),
      openingFen: int(FIELDS.balanceFen),
      closingFen: int(FIELDS.balanceFen),
      lineItems: z.array(lineItem).min(1).max(FIELDS.lineItemsMax),
    })
    .optional(),
});
export type SubmitLetterBody = z.infer<typeof submitLetterBody>;

/** What a letter's content is refused for, when it is written and when it is sent again. */
const contentRefusals = [
  {
    status: 400,
    code: 'INVALID_PHOTO',
    when: 'a photo is not an upload of the author’s, or its object is missing, empty, over rules.uploads.maxBytes or not an image (details: which and why)',
  },
  { status: 409, code: 'PERIOD_OVERLAPS', when: 'the period does not start after the last published letter’s period' },
  {
    status: 409,
    code: 'LETTER_DOES_NOT_RECONCILE',
    when: 'opening ≠ the last closing balance (the first: the matched money), closing ≠ opening + income − spend, or closing < 0; details say which',
  },
] as const;

const notFoundDream = { status: 404, code: 'NOT_FOUND', when: 'no such dream (or letter to correct)' } as const;

const unsafeLetter = {
  status: 409,
  code: 'CONTENT_UNSAFE',
  when: 'WeChat’s text check judges the title, body or a line item risky (nothing is stored)',
} as const;

export const submitLetterRoute = route({
  method: 'POST',
  path: '/dreams/{id}/letters',
  summary: 'The adopting charity writes a letter (with a statement that must reconcile) or a field update; it waits for review',
  source: 'fixed',
  tag: 'letters',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: submitLetterBody,
  status: 201,
  response: z.object({ letter }),
  errors: [
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.lettersPerDay' },
    { status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' },
    notFoundDream,
    unsafeLetter,
    { status: 409, code: 'NOT_ADOPTED', when: 'the dream has not been adopted' },
    ...contentRefusals,
  ],
});

export const reviewLetterBody = z.object({ decision: z.enum(REVIEW_DECISIONS), note: text(FIELDS.reviewNote).optional() });

export const reviewLetterRoute = route({
  method: 'POST',
  path: '/letters/{id}/review',
  summary: 'An admin (never the author) publishes or rejects a letter in review',
  source: 'fixed',
  tag: 'letters',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewLetterBody,
  status: 200,
  response: z.object({ letter }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin wrote this letter (another admin reviews it)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such letter' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'publishing a letter whose text is held for an admin (GET /admin/held)' },
    { status: 409, code: 'NOT_IN_REVIEW', when: 'it was reviewed already' },
    {
      status: 409,
      code: 'PHOTOS_NOT_CLEARED',
      when: 'approving while a photo or a receipt has no `pass` from WeChat’s image check yet (details: each one’s verdict)',
    },
    { status: 409, code: 'PERIOD_OVERLAPS', when: 'another letter was published since, and this one’s period now overlaps it' },
    { status: 409, code: 'LETTER_DOES_NOT_RECONCILE', when: 'another letter was published since, and this one no longer carries its closing balance over' },
  ],
});

export const retractLetterBody = z.object({ reason: text(FIELDS.reason) });

export const retractLetterRoute = route({
  method: 'POST',
  path: '/letters/{id}/retract',
  summary:
    'An admin (never the author) retracts a published letter with a reason; audited. It stays readable as retracted, a statement’s books and period go back to the letter before it, and its donors are told',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: retractLetterBody,
  status: 200,
  response: z.object({ letter }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin wrote this letter (another admin retracts it)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such letter' },
    { status: 409, code: 'NOT_PUBLISHED', when: 'the letter is in review or rejected' },
    { status: 409, code: 'ALREADY_RETRACTED', when: 'it was retracted already' },
    { status: 409, code: 'LATER_LETTER_PUBLISHED', when: 'a later statement continues from this one’s books (retract that one first)' },
  ],
});

export const dreamLettersRoute = route({
  method: 'GET',
  path: '/dreams/{id}/letters',
  summary: 'A dream’s published letters and field updates, newest first (the public timeline)',
  source: 'added',
  tag: 'letters',
  auth: 'optional',
  params: idParams,
  query: pageQuery(),
  status: 200,
  response: page(letter),
});

export const letterReviewQueueRoute = route({
  method: 'GET',
  path: '/admin/letters',
  summary: 'Letters and updates waiting for review, oldest first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(letter),
});

/** A letter in the donor's letterbox (the contract: `{letter, dreamTitle, read}`). */
export const letterboxItem = named(z.object({ letter, dreamTitle: z.string(), read: z.boolean() }), 'LetterboxItem');
export type LetterboxItemView = z.infer<typeof letterboxItem>;

export const myLettersRoute = route({
  method: 'GET',
  path: '/me/letters',
  summary: 'The letters of the dreams this person gave to, newest first, with the unread count',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: z.object({ items: z.array(letterboxItem), nextCursor: z.string().nullable(), unread: z.number().int() }),
});

export const readLetterRoute = route({
  method: 'POST',
  path: '/me/letters/{id}/read',
  summary: 'Mark a letter in the person’s letterbox read (again is the same)',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  params: idParams,
  status: 204,
  response: null,
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such letter in this person’s letterbox' }],
});

export const resubmitLetterRoute = route({
  method: 'POST',
  path: '/letters/{id}/resubmit',
  summary: 'Its author sends a rejected letter or update again, changed; it goes back into review with every check run again',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: submitLetterBody,
  status: 200,
  response: z.object({ letter }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the caller did not write this letter' },
    { status: 404, code: 'NOT_FOUND', when: 'no such letter (or letter to correct)' },
    unsafeLetter,
    { status: 409, code: 'NOT_REJECTED', when: 'only a rejected letter can be sent again' },
    ...contentRefusals,
  ],
});

export const lettersOfMyDreamRoute = route({
  method: 'GET',
  path: '/charity/dreams/{id}/letters',
  summary: 'Every letter and update of a dream in any state, with review notes and photo checks, for its adopting charity (or an admin)',
  source: 'added',
  tag: 'letters',
  auth: 'required',
  roles: ['charity', 'admin'],
  params: idParams,
  query: pageQuery(),
  status: 200,
  response: page(letter),
  errors: [{ status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' }],
});

export const overdueDreamsRoute = route({
  method: 'GET',
  path: '/admin/letters/overdue',
  summary: 'Adopted dreams whose charity published nothing within rules.letters.maxGapDays (逾期未反馈), most overdue first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(
    z.object({
      dream: z.object({ id: z.string(), title: z.string() }),
      charity: personRef.nullable(),
      letters: z.number().int(),
      lastLetterAt: isoTime().nullable(),
      dueAt: isoTime(),
    }),
  ),
});

export const getLetterRoute = route({
  method: 'GET',
  path: '/letters/{id}',
  summary: 'One letter with its dream’s title: published ones for anyone; in review or rejected only for the author and admins',
  source: 'added',
  tag: 'letters',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: z.object({ letter, dreamTitle: z.string() }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such letter, or one not published that the caller did not write' }],
});
