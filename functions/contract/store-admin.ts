import { z } from 'zod';
import { idParams } from './common';
import { FIELDS } from './fields';
import { route } from './route';
import { id, isoTime, named, text } from './schema-kit';
import { store } from './stores';

/**
 * An admin's hand on a store's meals and money: suspend and resume it, refund or move its
 * unredeemed meals (the wind-up), and record what it was paid out.
 */

/** A suspended store's wind-up: refunding its unredeemed meals to their donors, or moving them to another store. */
export const storeWindup = named(
  z.object({
    storeId: z.string(),
    action: z.enum(['refund', 'move']),
    toStoreId: z.string().nullable(),
    status: z.enum(['running', 'done']),
    startedBy: z.string(),
    startedAt: isoTime(),
    finishedAt: isoTime().nullable(),
    page: z.number().int(),
    /** Exact: counted in each lot's own transaction. */
    done: z.object({ lots: z.number().int(), meals: z.number().int(), fen: z.number().int() }),
  }),
  'StoreWindup',
);

const notOwnStore = { status: 403, code: 'FORBIDDEN', when: 'the admin owns this store (four eyes)' } as const;
const noStore = { status: 404, code: 'NOT_FOUND', when: 'no such store' } as const;

export const suspendStoreRoute = route({
  method: 'POST',
  path: '/admin/stores/{id}/suspend',
  summary: 'An admin suspends an active store: no donations and no scans until it resumes; audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: z.object({ reason: text(FIELDS.reason) }),
  status: 200,
  response: z.object({ store }),
  errors: [notOwnStore, noStore, { status: 409, code: 'STORE_NOT_ACTIVE', when: 'the store is not active' }],
});

export const resumeStoreRoute = route({
  method: 'POST',
  path: '/admin/stores/{id}/resume',
  summary: 'An admin opens a suspended store again (not while its meals are being refunded or moved); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  status: 200,
  response: z.object({ store }),
  errors: [
    notOwnStore,
    noStore,
    { status: 409, code: 'STORE_NOT_SUSPENDED', when: 'the store is not suspended' },
    { status: 409, code: 'WINDUP_RUNNING', when: 'its unredeemed meals are being refunded or moved' },
  ],
});

export const windUpStoreBody = z.object({ action: z.enum(['refund', 'move']), toStoreId: id().optional() });

export const windUpStoreRoute = route({
  method: 'POST',
  path: '/admin/stores/{id}/unredeemed',
  summary:
    'An admin refunds a suspended store’s unredeemed meals to their donors (WeChat Pay refunds) or moves them to another active store; the stream does it in pages',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: windUpStoreBody,
  status: 201,
  response: z.object({ windup: storeWindup }),
  errors: [
    notOwnStore,
    noStore,
    { status: 409, code: 'STORE_NOT_SUSPENDED', when: 'the store is not suspended' },
    { status: 409, code: 'WINDUP_RUNNING', when: 'a wind-up of this store is running' },
    { status: 409, code: 'TARGET_NOT_ACTIVE', when: 'a move names no other active store' },
  ],
});

export const storeWindupRoute = route({
  method: 'GET',
  path: '/admin/stores/{id}/unredeemed',
  summary: 'The last wind-up of a store and its exact progress (null: none), with the store’s money',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  status: 200,
  response: z.object({
    windup: storeWindup.nullable(),
    funds: z.object({
      mealsAvailable: z.number().int(),
      fundedFen: z.number().int(),
      served: z.number().int(),
      owedFen: z.number().int(),
      refundedFen: z.number().int(),
      movedOutFen: z.number().int(),
      movedInFen: z.number().int(),
    }),
  }),
  errors: [noStore],
});

export const recordPayoutBody = z.object({
  amountFen: z.number().int().min(1).max(100_000_000),
  /** The bank transfer's reference, to match the books to the bank. */
  reference: text(FIELDS.reason),
});

export const recordPayoutRoute = route({
  method: 'POST',
  path: '/admin/stores/{id}/payouts',
  summary: 'An admin records money paid out to a store for the meals it served (never past what it is owed); audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  idempotent: true,
  params: idParams,
  body: recordPayoutBody,
  status: 201,
  response: z.object({
    payout: named(
      z.object({ id: z.string(), storeId: z.string(), amountFen: z.number().int(), reference: z.string(), month: z.string(), createdAt: isoTime() }),
      'Payout',
    ),
    owedFen: z.number().int(),
    paidOutFen: z.number().int(),
  }),
  errors: [notOwnStore, noStore, { status: 409, code: 'PAYOUT_EXCEEDS_OWED', when: 'the store would be paid more than it is owed (details: what is left)' }],
});
