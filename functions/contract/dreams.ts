import { z } from 'zod';
import { DREAM_CATEGORIES, DREAM_SORTS, DREAM_STATUSES, REVIEW_DECISIONS } from './enums';
import { FIELDS, TEAM_CODE_PATTERN } from './fields';
import { route } from './route';
import { documented, named, id, int, isoTime, page, pageQuery, text } from './schema-kit';
import { idParams, personRef } from './common';

/** 配捐: a sponsor matches every flower given to this dream with money, until its budget is spent. */
export const matchFund = z.object({
  sponsorName: text(FIELDS.sponsorName),
  fenPerFlower: int(FIELDS.matchFenPerFlower),
  budgetFen: int(FIELDS.budgetFen),
});
export type MatchFund = z.infer<typeof matchFund>;

export const dream = named(
  z.object({
    id: z.string(),
    title: z.string(),
    story: z.string(),
    category: z.enum(DREAM_CATEGORIES),
    targetFlowers: z.number().int(),
    flowersRaised: z.number().int(),
    donorCount: z.number().int(),
    status: z.enum(DREAM_STATUSES),
    proposerId: z.string(),
    charityId: z.string().nullable(),
    createdAt: isoTime(),
    /** The cover's read-only URL: an uploaded cover once WeChat's image check passed it (its proposer sees it before), else null. */
    coverUrl: z.string().nullable(),
    beneficiaries: z.number().int().nullable(),
    flowersLast24h: z.number().int(),
    matchFund: z.object({ sponsorName: z.string(), fenPerFlower: z.number().int(), budgetFen: z.number().int() }).nullable(),
    matchedFen: z.number().int(),
    executableAt: isoTime().nullable(),
    adoptedAt: isoTime().nullable(),
    openedAt: isoTime().nullable(),
    /** Only for its proposer and admins. */
    reviewNote: z.string().nullable().optional(),
    /** Only on a held object: its text waits for an admin and is shown to its writer and admins only. */
    held: z.boolean().optional(),
  }),
  'Dream',
);
export type Dream = z.infer<typeof dream>;

export const dreamEnvelope = z.object({ dream });

/** GET /dreams/{id}: the dream plus what the transparency panel (冷静器) shows before a first gift. */
export const dreamDetail = z.object({
  dream,
  proposer: personRef.nullable(),
  charity: personRef.nullable(),
  recentDonors: z.array(z.object({ nickname: z.string(), firstAt: isoTime() })),
  /** null when the request carried no token. */
  viewer: z.object({ hasGiven: z.boolean() }).nullable(),
  /**
   * Its charity's letters, once adopted (null before): how many were published, the last one's
   * date, when the next is due, and 逾期未反馈 (overdue) when an adopted dream's is past due.
   */
  feedback: z.object({ letters: z.number().int(), lastLetterAt: isoTime().nullable(), dueAt: isoTime().nullable(), overdue: z.boolean() }).nullable(),
});
export type DreamDetail = z.infer<typeof dreamDetail>;

export const proposeDreamBody = z.object({
  title: text(FIELDS.dreamTitle),
  story: text(FIELDS.dreamStory),
  category: z.enum(DREAM_CATEGORIES),
  targetFlowers: int(FIELDS.dreamTargetFlowers),
  /** The proposer's own upload of purpose dream_cover (POST /uploads); shown to others once WeChat's image check passed it. */
  coverUploadId: id().optional(),
  /** No longer taken (covers are uploads): any value is refused with 400 COVER_MUST_BE_UPLOAD. */
  coverUrl: documented(z.unknown(), { deprecated: true, description: 'No longer taken: 400 COVER_MUST_BE_UPLOAD; send coverUploadId' }).optional(),
  beneficiaries: int(FIELDS.dreamBeneficiaries).optional(),
});
export type ProposeDreamInput = z.infer<typeof proposeDreamBody>;

export const listDreamsQuery = pageQuery().extend({
  status: z.enum(DREAM_STATUSES).optional(),
  sort: z.enum(DREAM_SORTS).default('new'),
  category: z.enum(DREAM_CATEGORIES).optional(),
});
export type ListDreamsQuery = z.infer<typeof listDreamsQuery>;

export const reviewDreamBody = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  note: text(FIELDS.reviewNote).optional(),
  matchFund: matchFund.optional(),
});
export type ReviewDreamInput = z.infer<typeof reviewDreamBody>;

export const giftBody = z.object({
  flowers: int(FIELDS.giftFlowers),
  teamId: id().optional(),
});
export type GiftBody = z.infer<typeof giftBody>;

export const giftResult = z.object({
  donation: z.object({ id: z.string(), flowers: z.number().int(), matchedFen: z.number().int(), teamId: z.string().nullable() }),
  dream,
  balance: z.number().int(),
});
export type GiftResult = z.infer<typeof giftResult>;

const notFound = { status: 404, code: 'NOT_FOUND', when: 'no such dream, or one in review that the caller may not see' } as const;
const notAccepting = { status: 409, code: 'DREAM_NOT_ACCEPTING', when: 'the dream is neither open nor executable' } as const;

export const proposeDreamRoute = route({
  method: 'POST',
  path: '/dreams',
  summary: 'Propose a dream; it waits in review',
  source: 'fixed',
  tag: 'dreams',
  auth: 'required',
  body: proposeDreamBody,
  status: 201,
  response: dreamEnvelope,
  errors: [
    { status: 400, code: 'COVER_MUST_BE_UPLOAD', when: 'a typed coverUrl was sent: covers are uploads (coverUploadId)' },
    {
      status: 400,
      code: 'INVALID_PHOTO',
      when: 'coverUploadId is not the caller’s own upload, not of purpose dream_cover, or not an image (details say which)',
    },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat judged the cover or the title or story risky (nothing is stored)' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.dreamsPerDay (Retry-After says when)' },
  ],
});

export const listDreamsRoute = route({
  method: 'GET',
  path: '/dreams',
  summary: 'Public dreams, new or hot (flowers in the last 24 hours among the newest 200)',
  source: 'fixed',
  tag: 'dreams',
  auth: 'optional',
  query: listDreamsQuery,
  status: 200,
  response: page(dream),
});

export const getDreamRoute = route({
  method: 'GET',
  path: '/dreams/{id}',
  summary: 'One dream and its transparency panel',
  source: 'fixed',
  tag: 'dreams',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: dreamDetail,
  errors: [notFound],
});

export const reviewDreamRoute = route({
  method: 'POST',
  path: '/dreams/{id}/review',
  summary: 'Approve (after the content-safety check) or reject a dream in review; audited',
  source: 'fixed',
  tag: 'dreams',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewDreamBody,
  status: 200,
  response: dreamEnvelope,
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin proposed this dream (four eyes: another admin reviews it)' },
    notFound,
    { status: 409, code: 'NOT_IN_REVIEW', when: 'the dream was reviewed already' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'its text is held for an admin (GET /admin/held), or WeChat’s text check judges it risky now' },
  ],
});

export const giveToDreamRoute = route({
  method: 'POST',
  path: '/dreams/{id}/donations',
  summary: 'Give flowers to a dream (optionally through a team the caller joined)',
  source: 'fixed',
  tag: 'dreams',
  auth: 'required',
  idempotent: true,
  params: idParams,
  body: giftBody,
  status: 200,
  response: giftResult,
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the team is not one the caller joined for this dream' },
    notFound,
    notAccepting,
    { status: 409, code: 'INSUFFICIENT_FLOWERS', when: 'the balance is below the gift' },
  ],
});

export const adoptDreamRoute = route({
  method: 'POST',
  path: '/dreams/{id}/adopt',
  summary: 'A charity adopts an executable dream',
  source: 'fixed',
  tag: 'dreams',
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  status: 200,
  response: dreamEnvelope,
  errors: [notFound, { status: 409, code: 'NOT_EXECUTABLE', when: 'the dream has not reached its target, or was adopted' }],
});

export const myDreamsRoute = route({
  method: 'GET',
  path: '/me/dreams',
  summary: '我的梦想: the caller’s proposed dreams in every status, with the review note',
  source: 'added',
  tag: 'dreams',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: page(dream),
});

export const reviewQueueQuery = pageQuery().extend({ proposerId: id().optional() });
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

/** A page of the queue: one proposer's dreams beyond the per-page share are collapsed into a count. */
export const reviewQueuePage = page(dream).extend({
  collapsed: z.array(z.object({ proposerId: z.string(), hidden: z.number().int() })),
  /** Who proposed the page's dreams (and the collapsed ones), so a reviewer sees a name, not an id. */
  proposers: z.array(personRef),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePage>;

export const dreamReviewQueueRoute = route({
  method: 'GET',
  path: '/admin/dreams',
  summary:
    'The review queue: dreams in review, newest first; past rules.review.maxPerProposerInQueue a proposer’s dreams are collapsed (proposerId= shows them all)',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: reviewQueueQuery,
  status: 200,
  response: reviewQueuePage,
});

// ---- Teams (一起捐) ----

export const team = z.object({
  id: z.string(),
  dreamId: z.string(),
  name: z.string(),
  code: z.string(),
  captainId: z.string(),
  createdAt: isoTime(),
  /** Only on a held team: its name waits for an admin; the team is shown to its captain and admins only. */
  held: z.boolean().optional(),
});
export type Team = z.infer<typeof team>;

export const teamDetail = z.object({
  team,
  dream,
  totalFlowers: z.number().int(),
  members: z.array(z.object({ rank: z.number().int(), userId: z.string(), nickname: z.string(), flowers: z.number().int() })),
});
export type TeamDetail = z.infer<typeof teamDetail>;

export const startTeamBody = z.object({ name: text(FIELDS.teamName) });
export const joinTeamBody = z.object({ code: z.string().regex(TEAM_CODE_PATTERN, 'a 6-character team code') });

export const startTeamRoute = route({
  method: 'POST',
  path: '/dreams/{id}/teams',
  summary: 'Start a team (一起捐) for a dream; the starter is its first member',
  source: 'added',
  tag: 'dreams',
  auth: 'required',
  params: idParams,
  body: startTeamBody,
  status: 201,
  response: z.object({ team }),
  errors: [
    notFound,
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the name risky (nothing is stored)' },
    notAccepting,
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.teamsPerDay' },
  ],
});

export const joinTeamRoute = route({
  method: 'POST',
  path: '/teams/join',
  summary: 'Join a team by its share code (joining twice is joining once)',
  source: 'added',
  tag: 'dreams',
  auth: 'required',
  body: joinTeamBody,
  status: 200,
  response: z.object({ team }),
  errors: [
    { status: 404, code: 'NOT_FOUND', when: 'no team has this code' },
    notAccepting,
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.teamJoinAttemptsPerMinute (every attempt counts)' },
  ],
});

export const getTeamRoute = route({
  method: 'GET',
  path: '/teams/{id}',
  summary: 'A team: its dream, total and members ranked by what they gave through it',
  source: 'added',
  tag: 'dreams',
  auth: 'optional',
  params: idParams,
  status: 200,
  response: teamDetail,
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such team, or a held one (only its captain and admins see it)' }],
});
