import { z } from 'zod';
import { FIELDS } from './fields';
import { idParams } from './common';
import { route } from './route';
import { id, isoTime, named, page, pageQuery, text } from './schema-kit';

/**
 * Spot checks (抽查回访): when a distribution closes, a sample of its signed recipients is drawn
 * from the public log's checkpoint, and an admin (never the charity) calls each one back.
 */

export const CALL_OUTCOMES = ['confirmed', 'not_reached', 'disputed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The checkpoint the draw was seeded with: GET /log/checkpoint at that moment said the same. */
const drawSeed = z.object({
  treeSize: z.number().int(),
  /** Standard base64, as the checkpoint note prints its root. */
  rootHash: z.string(),
});

export const spotCheck = named(
  z.object({
    seed: drawSeed,
    sampleSize: z.number().int(),
    calls: z.array(
      z.object({
        recipientId: z.string(),
        /** First code point, then `*` for each of the rest, like every public name of a recipient. */
        maskedName: z.string(),
        outcome: z.enum(CALL_OUTCOMES).nullable(),
        at: isoTime().nullable(),
      }),
    ),
    /** A disputed call-back not yet resolved by an admin (有争议). */
    disputed: z.boolean(),
  }),
  'SpotCheck',
);
export type SpotCheckView = z.infer<typeof spotCheck>;

export const spotCheckRoute = route({
  method: 'GET',
  path: '/distributions/{id}/spot-check',
  summary:
    'The spot check drawn when the distribution closed: the log checkpoint that seeded it, the sampled recipients (masked) and each call-back’s outcome (public)',
  source: 'added',
  tag: 'spot-checks',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: spotCheck,
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such distribution, or its sample is not drawn yet (it is drawn just after the close)' }],
});

/** What an admin sees of a draw: full names and villages (to call back), notes and resolutions. */
export const adminSpotCheck = named(
  z.object({
    distributionId: z.string(),
    dreamId: z.string(),
    title: z.string(),
    seed: drawSeed,
    signedCount: z.number().int(),
    sampleSize: z.number().int(),
    drawnAt: isoTime(),
    openCalls: z.number().int(),
    disputed: z.boolean(),
    calls: z.array(
      z.object({
        recipientId: z.string(),
        name: z.string(),
        village: z.string().nullable(),
        quantity: z.number().int(),
        outcome: z.enum(CALL_OUTCOMES).nullable(),
        note: z.string().nullable(),
        at: isoTime().nullable(),
      }),
    ),
    resolutions: z.array(z.object({ note: z.string(), at: isoTime(), by: z.string() })),
  }),
  'AdminSpotCheck',
);
export type AdminSpotCheckView = z.infer<typeof adminSpotCheck>;

export const openSpotChecksRoute = route({
  method: 'GET',
  path: '/admin/spot-checks',
  summary: 'Spot checks with a call-back still to make or a dispute to resolve, newest first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(adminSpotCheck),
});

const distributionParams = z.object({ distributionId: id() });

export const recordCallBody = z.object({
  recipientId: id(),
  outcome: z.enum(CALL_OUTCOMES),
  note: text(FIELDS.reviewNote).optional(),
});
export type RecordCallBody = z.infer<typeof recordCallBody>;

const notTheirOwn = {
  status: 403,
  code: 'FORBIDDEN',
  when: 'the admin is the charity whose hand-overs are checked (another admin calls back)',
} as const;
const noDraw = { status: 404, code: 'NOT_FOUND', when: 'no spot check drawn for this distribution' } as const;

export const recordCallRoute = route({
  method: 'POST',
  path: '/admin/spot-checks/{distributionId}/calls',
  summary:
    'An admin records a call-back of a sampled recipient: confirmed, not reached or disputed (a dispute flags the distribution 有争议 until resolved); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: distributionParams,
  body: recordCallBody,
  status: 200,
  response: z.object({ spotCheck: adminSpotCheck }),
  errors: [notTheirOwn, noDraw, { status: 400, code: 'NOT_SAMPLED', when: 'the recipient is not in this spot check’s sample' }],
});

export const resolveSpotCheckBody = z.object({ note: text(FIELDS.reviewNote) });

export const resolveSpotCheckRoute = route({
  method: 'POST',
  path: '/admin/spot-checks/{distributionId}/resolve',
  summary: 'An admin settles a dispute with a note: the distribution is no longer 有争议 (the call-backs stay); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: distributionParams,
  body: resolveSpotCheckBody,
  status: 200,
  response: z.object({ spotCheck: adminSpotCheck }),
  errors: [notTheirOwn, noDraw, { status: 409, code: 'NOT_DISPUTED', when: 'there is no dispute to resolve' }],
});
