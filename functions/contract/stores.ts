import { z } from 'zod';
import { REVIEW_DECISIONS, STORE_STATUSES } from './enums';
import { FIELDS } from './fields';
import { route } from './route';
import { named, isoTime, page, pageQuery, text } from './schema-kit';
import { idParams, personRef } from './common';

export const store = named(
  z.object({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    address: z.string(),
    ownerId: z.string(),
    status: z.enum(STORE_STATUSES),
    mealsAvailable: z.number().int(),
    createdAt: isoTime(),
    reviewNote: z.string().nullable(),
    /** Only on a held store: its name and address wait for an admin (GET /admin/held) before it can open. */
    held: z.boolean().optional(),
  }),
  'Store',
);
export type Store = z.infer<typeof store>;

/** A store in the review queue, with its owner. */
export const pendingStore = store.extend({ owner: personRef });
export type PendingStore = z.infer<typeof pendingStore>;

export const openStoreBody = z.object({
  name: text(FIELDS.storeName),
  city: text(FIELDS.storeCity),
  address: text(FIELDS.storeAddress),
});
export type OpenStoreInput = z.infer<typeof openStoreBody>;

export const reviewStoreBody = z.object({ decision: z.enum(REVIEW_DECISIONS), note: text(FIELDS.reviewNote).optional() });
export type ReviewStoreInput = z.infer<typeof reviewStoreBody>;

export const openStoreRoute = route({
  method: 'POST',
  path: '/stores',
  summary: 'A merchant applies to open a store; it waits as pending for an admin',
  source: 'fixed',
  tag: 'stores',
  auth: 'required',
  roles: ['merchant'],
  body: openStoreBody,
  status: 201,
  response: z.object({ store }),
  errors: [
    { status: 409, code: 'CONTENT_UNSAFE', when: 'WeChat’s text check judges the name or address risky (nothing is stored)' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.storesPerDay' },
  ],
});

export const reviewStoreRoute = route({
  method: 'POST',
  path: '/stores/{id}/review',
  summary: 'Approve (it opens) or reject a pending store; audited',
  source: 'fixed',
  tag: 'stores',
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewStoreBody,
  status: 200,
  response: z.object({ store }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the admin owns this store (four eyes)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such store' },
    { status: 409, code: 'NOT_PENDING', when: 'the store was reviewed already' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'approval of a store whose text is held for an admin (GET /admin/held)' },
  ],
});

export const myStoresRoute = route({
  method: 'GET',
  path: '/me/stores',
  summary: 'A merchant’s own stores, in every status, newest first',
  source: 'added',
  tag: 'stores',
  auth: 'required',
  roles: ['merchant'],
  query: pageQuery(),
  status: 200,
  response: page(store),
});

export const storeReviewQueueRoute = route({
  method: 'GET',
  path: '/admin/stores',
  summary: 'Stores in one status (pending: the review queue; active; suspended), newest first, with their owner',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery().extend({ status: z.enum(['pending', 'active', 'suspended']).optional() }),
  status: 200,
  response: page(pendingStore),
});
