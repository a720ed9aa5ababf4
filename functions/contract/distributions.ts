import { z } from 'zod';
import type { TextField } from './fields';
import { idParams } from './common';
import { route } from './route';
import { documented, id, instant, isoTime, named, page, pageQuery, text } from './schema-kit';
import { DISTRIBUTION_LIMITS } from './signoff-code';

/** Digital sign-off (数字签收): a charity's list of who receives what, and each recorded hand-over. */

const textField = (limits: { min: number; max: number }): TextField => ({ kind: 'text', min: limits.min, max: limits.max, multiline: false });

export const DISTRIBUTION_STATUSES = ['open', 'closed'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

/** The contract's `distribution`, with this project's additions. */
export const distribution = named(
  z.object({
    id: z.string(),
    dreamId: z.string(),
    title: z.string(),
    item: z.string(),
    unit: z.string(),
    recipientCount: z.number().int(),
    totalQuantity: z.number().int(),
    signedCount: z.number().int(),
    signedQuantity: z.number().int(),
    status: z.enum(DISTRIBUTION_STATUSES),
    createdAt: isoTime(),
    closedAt: isoTime().nullable(),
    /** A spot check's call-back was disputed and not yet resolved (有争议): shown publicly. */
    disputed: z.boolean(),
    /** Sign-offs whose location was not trustworthy (可疑: accuracy 0, mocked or fuzzy). */
    suspiciousCount: z.number().int(),
    /** Only for its charity and admins while its texts wait for an admin; anyone else gets 404. */
    held: z.boolean().optional(),
  }),
  'Distribution',
);
export type DistributionView = z.infer<typeof distribution>;

const village = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  text(textField({ min: 1, max: DISTRIBUTION_LIMITS.village.max })).optional(),
);

export const recipientInput = z.object({
  name: text(textField(DISTRIBUTION_LIMITS.recipientName)),
  quantity: z.number().int().min(DISTRIBUTION_LIMITS.quantity.min).max(DISTRIBUTION_LIMITS.quantity.max),
  village,
});
export type RecipientInput = z.infer<typeof recipientInput>;

export const createDistributionBody = z.object({
  title: text(textField(DISTRIBUTION_LIMITS.title)),
  item: text(textField(DISTRIBUTION_LIMITS.item)),
  unit: text(textField(DISTRIBUTION_LIMITS.unit)),
  /** A refused row is named in `details` by its path: ["recipients", rowIndex, field]. */
  recipients: z.array(recipientInput).min(DISTRIBUTION_LIMITS.recipients.min).max(DISTRIBUTION_LIMITS.recipients.max),
});
export type CreateDistributionBody = z.infer<typeof createDistributionBody>;

const createdCodes = z.array(
  z.object({
    recipientId: z.string(),
    /** Grouped for reading aloud (`K7QM-2XPD-RT9`); the server keeps only its keyed hash. */
    code: z.string(),
  }),
);

export const createDistributionRoute = route({
  method: 'POST',
  path: '/dreams/{id}/distributions',
  summary: 'The adopting charity lists who receives what; each recipient gets a one-time code, answered this once',
  source: 'fixed',
  tag: 'distributions',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  body: createDistributionBody,
  status: 201,
  response: z.object({ distribution, codes: createdCodes }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the caller is not the charity that adopted the dream' },
    { status: 404, code: 'NOT_FOUND', when: 'no such dream' },
    { status: 409, code: 'NOT_ADOPTED', when: 'nobody adopted the dream' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the title risky (nothing is stored)' },
  ],
});

/** A phone's location fix, as it reported it. */
export const signoffLocation = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000),
  /** The phone says the fix is simulated (Android's isFromMockProvider and the like). */
  mocked: z.boolean().optional(),
  /** A fuzzy fix (WeChat's getFuzzyLocation, or no isHighAccuracy): near, never exact. */
  fuzzy: z.boolean().optional(),
});
export type SignoffLocation = z.infer<typeof signoffLocation>;

export const signBody = z.object({
  code: z.string().min(1).max(64),
  /** When the hand-over happened on the phone (it may be sent later, from a queue). */
  signedAt: instant(),
  /** An upload of purpose signoff_photo of the caller's own (POST /uploads). */
  photo: id().optional(),
  location: signoffLocation.optional(),
});
export type SignBody = z.infer<typeof signBody>;

export const signoff = named(
  z.object({
    id: z.string(),
    recipientId: z.string(),
    quantity: z.number().int(),
    signedAt: isoTime(),
    /** 可疑: the location sent was not trustworthy (accuracy 0, mocked or fuzzy). */
    suspicious: z.boolean(),
  }),
  'Signoff',
);
export type SignoffView = z.infer<typeof signoff>;

export const signRoute = route({
  method: 'POST',
  path: '/distributions/{id}/signoffs',
  summary: 'Field staff record one hand-over by the recipient’s code (online, or later from an offline queue); appended to the public log',
  source: 'fixed',
  tag: 'distributions',
  auth: 'required',
  idempotent: true,
  params: idParams,
  body: signBody,
  status: 201,
  response: z.object({ signoff, distribution }),
  errors: [
    {
      status: 400,
      code: 'VALIDATION_FAILED',
      when: 'signedAt is more than rules.signoff.signedAtMaxAheadSeconds ahead of the server or more than rules.signoff.signedAtMaxAgeDays old',
    },
    {
      status: 403,
      code: 'FORBIDDEN',
      when: 'the caller is neither the adopting charity nor field staff named for this distribution (checked before the code)',
    },
    { status: 404, code: 'NOT_FOUND', when: 'no such distribution' },
    { status: 400, code: 'INVALID_CODE', when: 'no such code in this distribution' },
    { status: 400, code: 'INVALID_PHOTO', when: 'the photo is not an upload of purpose signoff_photo of the caller’s, or not an image' },
    { status: 409, code: 'CODE_ALREADY_USED', when: 'the code signed already (also when two phones send it at once)' },
    { status: 409, code: 'DISTRIBUTION_CLOSED', when: 'the distribution is closed' },
  ],
});

export const closeDistributionRoute = route({
  method: 'POST',
  path: '/distributions/{id}/close',
  summary: 'The adopting charity closes a distribution; every donor of the dream is told (signed and total recipients)',
  source: 'fixed',
  tag: 'distributions',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ distribution }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the caller is not the adopting charity' },
    { status: 404, code: 'NOT_FOUND', when: 'no such distribution' },
    { status: 409, code: 'DISTRIBUTION_CLOSED', when: 'it is closed already' },
  ],
});

export const dreamDistributionsRoute = route({
  method: 'GET',
  path: '/dreams/{id}/distributions',
  summary: 'A dream’s distributions with their progress, newest first (public)',
  source: 'fixed',
  tag: 'distributions',
  auth: 'optional',
  params: idParams,
  query: pageQuery(),
  status: 200,
  response: page(distribution),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such dream, or one the caller may not see' }],
});

export const recipientView = z.object({
  recipientId: z.string(),
  /** Masked (first code point, then `*` for each of the rest) to all but the adopting charity and admins. */
  name: z.string(),
  quantity: z.number().int(),
  village: z.string().nullable(),
  signedAt: isoTime().nullable(),
});
export type RecipientView = z.infer<typeof recipientView>;

export const getDistributionRoute = route({
  method: 'GET',
  path: '/distributions/{id}',
  summary: 'A distribution and its recipients, names masked but for the adopting charity and admins (public)',
  source: 'fixed',
  tag: 'distributions',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: z.object({
    distribution,
    recipients: z.array(recipientView),
    /** Whether the caller may sign this distribution (the adopting charity or its named field staff). */
    canSign: z.boolean(),
  }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such distribution' }],
});

export const timelineEntry = z.object({
  id: z.string(),
  recipientId: z.string(),
  /** Always masked: the timeline is public. */
  name: z.string(),
  village: z.string().nullable(),
  quantity: z.number().int(),
  signedAt: isoTime(),
  /** A read-only URL of the hand-over photo, valid like a letter's photoUrls. */
  photoUrl: z.string().nullable(),
  suspicious: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const distributionTimelineRoute = route({
  method: 'GET',
  path: '/distributions/{id}/signoffs',
  summary: 'The hand-overs of a distribution, newest first: masked name, village, time, photo, 可疑 (public)',
  source: 'added',
  tag: 'distributions',
  auth: 'optional',
  params: idParams,
  query: pageQuery(),
  status: 200,
  response: page(timelineEntry),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such distribution' }],
});

export const fieldStaffMember = z.object({ userId: z.string(), nickname: z.string(), addedAt: isoTime() });
export type FieldStaffMember = z.infer<typeof fieldStaffMember>;

export const addFieldStaffBody = z.object({ userId: documented(id(), { description: 'the helper’s user id' }) });

const staffRefusals = [
  { status: 403, code: 'FORBIDDEN', when: 'the caller is not the adopting charity' },
  { status: 404, code: 'NOT_FOUND', when: 'no such distribution (or user)' },
] as const;

export const addFieldStaffRoute = route({
  method: 'POST',
  path: '/distributions/{id}/staff',
  summary: 'The adopting charity names a helper who may sign this distribution only (field_staff; audited)',
  source: 'added',
  tag: 'distributions',
  auth: 'required',
  params: idParams,
  body: addFieldStaffBody,
  status: 200,
  response: z.object({ staff: z.array(fieldStaffMember) }),
  errors: [...staffRefusals, { status: 409, code: 'DISTRIBUTION_CLOSED', when: 'the distribution is closed' }],
});

export const removeFieldStaffRoute = route({
  method: 'DELETE',
  path: '/distributions/{id}/staff/{userId}',
  summary: 'The adopting charity takes a helper off this distribution (audited)',
  source: 'added',
  tag: 'distributions',
  auth: 'required',
  params: z.object({ id: id(), userId: id() }),
  status: 200,
  response: z.object({ staff: z.array(fieldStaffMember) }),
  errors: staffRefusals,
});

export const listFieldStaffRoute = route({
  method: 'GET',
  path: '/distributions/{id}/staff',
  summary: 'Who may sign this distribution besides the charity (the adopting charity and admins)',
  source: 'added',
  tag: 'distributions',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ staff: z.array(fieldStaffMember) }),
  errors: staffRefusals,
});
