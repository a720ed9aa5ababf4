import { z } from 'zod';
import { DONATION_STATUSES } from './enums';
import { idParams } from './common';
import { route } from './route';
import { id, isoTime, named, page, pageQuery, text } from './schema-kit';
import { FIELDS } from './fields';
import { store } from './stores';

/** The contract's `donation`, with when it was made and paid. */
export const mealDonation = named(
  z.object({
    id: z.string(),
    storeId: z.string(),
    meals: z.number().int(),
    amountFen: z.number().int(),
    status: z.enum(DONATION_STATUSES),
    createdAt: isoTime(),
    paidAt: isoTime().nullable(),
    /** Meals refunded to the donor because their store was suspended (all of them: status `refunded`). */
    refundedMeals: z.number().int(),
  }),
  'MealDonation',
);
export type MealDonationView = z.infer<typeof mealDonation>;

/** What the mini-program hands `wx.requestPayment` (signed on the server; `signType` is not signed). */
export const requestPayment = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});

export const donateMealsBody = z.object({
  storeId: id(),
  /** 1–1,000 by the contract (also rules.meals.maxMealsPerDonation). */
  meals: z.number().int().min(1).max(1_000),
});

export const donateMealsRoute = route({
  method: 'POST',
  path: '/meals/donations',
  summary: 'A donor buys meals at a store: a pending donation of meals × meals.priceFen, ordered with WeChat Pay (in local and test, the fake pays at once)',
  source: 'fixed',
  tag: 'meals',
  auth: 'required',
  idempotent: true,
  body: donateMealsBody,
  status: 201,
  response: z.object({ donation: mealDonation, payment: requestPayment }),
  errors: [
    { status: 400, code: 'VALIDATION_FAILED', when: 'no Idempotency-Key header: a request that creates a payment needs one (details name it)' },
    { status: 404, code: 'NOT_FOUND', when: 'no such store' },
    { status: 409, code: 'STORE_NOT_ACTIVE', when: 'the store is not active (pending, suspended or rejected)' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.mealDonationsPerDay' },
    { status: 503, code: 'PAYMENT_UNAVAILABLE', when: 'WeChat Pay could not be reached, or payments are not configured' },
  ],
});

export const checkDonationRoute = route({
  method: 'POST',
  path: '/meals/donations/{id}/check',
  summary: 'The donor’s own donation, asking WeChat Pay (by out_trade_no) when it is still pending: the fallback for a late notification',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  params: idParams,
  status: 200,
  response: z.object({ donation: mealDonation }),
  errors: [{ status: 404, code: 'NOT_FOUND', when: 'no such donation of the caller' }],
});

/** WeChat Pay's notification (its envelope; the resource is verified and decrypted by the adapter). */
export const paymentNotificationBody = z.object({ id: z.string().max(64), event_type: z.string().max(64), resource: z.object({}).passthrough() }).passthrough();

export const paymentNotifyRoute = route({
  method: 'POST',
  path: '/payments/wechatpay/notify',
  summary: 'WeChat Pay’s payment and refund notifications: verified (signature, 5 minutes), decrypted (GCM tag checked), idempotent',
  source: 'added',
  tag: 'meals',
  auth: 'none',
  wechatpayErrors: true,
  body: paymentNotificationBody,
  status: 204,
  response: null,
  errors: [
    { status: 401, code: 'FAIL', when: 'the signature is not WeChat Pay’s, the timestamp is 5 minutes off, or it is a SIGNTEST probe' },
    { status: 400, code: 'FAIL', when: 'the resource does not decrypt, or names a payment that does not match a donation' },
  ],
});

export const mealPassRoute = route({
  method: 'GET',
  path: '/me/meal-pass',
  summary: 'A verified worker’s pass to show as a QR code: signed, single-use, short-lived; the same one within rules.meals.passWindowSeconds',
  source: 'fixed',
  tag: 'meals',
  auth: 'required',
  roles: ['worker'],
  status: 200,
  response: z.object({
    pass: z.string(),
    expiresAt: isoTime(),
    /** The worker's meal handed out today (by the shop's calendar day, rules.timezone), or null. */
    servedToday: z.object({ storeName: z.string(), servedAt: isoTime() }).nullable(),
  }),
});

export const redeemMealBody = z.object({ pass: z.string().min(1).max(2_048) });

export const redeemMealRoute = route({
  method: 'POST',
  path: '/stores/{id}/redemptions',
  summary: 'The merchant who owns this active store scans a worker’s pass and hands out the store’s oldest funded meal',
  source: 'fixed',
  tag: 'meals',
  auth: 'required',
  roles: ['merchant'],
  /** A scan resent after a lost answer gets the same redemption, not PASS_ALREADY_USED. */
  idempotent: true,
  params: idParams,
  body: redeemMealBody,
  status: 201,
  response: z.object({ redemption: named(z.object({ id: z.string(), storeId: z.string(), donationId: z.string(), createdAt: isoTime() }), 'Redemption') }),
  errors: [
    { status: 400, code: 'INVALID_PASS', when: 'the pass is forged, malformed or expired' },
    { status: 403, code: 'FORBIDDEN', when: 'another merchant’s store, the merchant’s own pass, or a pass whose worker no longer holds the worker role' },
    { status: 404, code: 'NOT_FOUND', when: 'no such store' },
    { status: 409, code: 'PASS_ALREADY_USED', when: 'the pass was used already' },
    {
      status: 409,
      code: 'DAILY_LIMIT_REACHED',
      when: 'the worker had their meals of the period: a day by default (rules.meals.workerPeriod, rules.meals.mealsPerWorkerPerPeriod)',
    },
    { status: 409, code: 'NO_MEALS_AVAILABLE', when: 'the store has no funded meal left' },
    { status: 409, code: 'STORE_NOT_ACTIVE', when: 'the store is not active' },
  ],
});

export const activeStoresQuery = pageQuery().extend({ city: text(FIELDS.storeCity) });

export const activeStoresRoute = route({
  method: 'GET',
  path: '/stores',
  summary: 'Active stores of a city, each with its funded meals not yet eaten (mealsAvailable)',
  source: 'fixed',
  tag: 'meals',
  auth: 'optional',
  query: activeStoresQuery,
  status: 200,
  /** Each store also says what one meal costs there (rules.meals.priceFen), so the app shows the price before ordering. */
  response: page(store.extend({ mealPriceFen: z.number().int() })),
});

export const activeCitiesRoute = route({
  method: 'GET',
  path: '/stores/cities',
  summary: 'The cities that have at least one active store, so a donor picks a city instead of typing one',
  source: 'added',
  tag: 'meals',
  auth: 'none',
  status: 200,
  response: z.object({ cities: z.array(z.string()) }),
});

export const importRosterBody = z.object({
  employer: text(FIELDS.employer),
  rows: z
    .array(z.object({ employeeNumber: text(FIELDS.employeeNumber), name: text(FIELDS.workerName) }))
    .min(1)
    .max(FIELDS.rosterRowsMax),
});

export const importRosterRoute = route({
  method: 'POST',
  path: '/workers/roster',
  summary: 'The charity an employer is registered to (or an admin) imports its sanitation-worker roster (rows already there are skipped); audited',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  roles: ['charity', 'admin'],
  body: importRosterBody,
  status: 201,
  response: z.object({ imported: z.number().int(), skipped: z.number().int() }),
  errors: [{ status: 403, code: 'FORBIDDEN', when: 'the employer is not registered, or registered to another charity' }],
});

export const claimWorkerBody = z.object({ employer: text(FIELDS.employer), employeeNumber: text(FIELDS.employeeNumber), name: text(FIELDS.workerName) });

export const claimWorkerRoute = route({
  method: 'POST',
  path: '/me/worker',
  summary: 'A worker claims their roster row (employer, employee number and name must match); the account becomes a worker; audited',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  body: claimWorkerBody,
  status: 200,
  response: z.object({ user: z.object({ id: z.string(), nickname: z.string(), roles: z.array(z.string()) }) }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the account holds the charity role, or imported this row itself' },
    { status: 409, code: 'ROSTER_NO_MATCH', when: 'no row with this employer, number and name' },
    { status: 409, code: 'ROSTER_ALREADY_CLAIMED', when: 'someone else claimed the row' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.workerClaimsPerDay attempts' },
  ],
});

export const myMealsRoute = route({
  method: 'GET',
  path: '/me/meals',
  summary: 'The donor’s love-meal donations, newest first, each with where and when its meals were eaten',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: page(
    z.object({
      donation: mealDonation,
      store: z.object({ id: z.string(), name: z.string() }),
      eaten: z.array(z.object({ storeName: z.string(), at: isoTime() })),
    }),
  ),
});

export const storeMealsQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export const storeMealsRoute = route({
  method: 'GET',
  path: '/me/stores/{id}/meals',
  summary: 'The merchant’s store: meals funded and left, today’s redemptions, and a month’s statement (meals served, fen owed, fen paid out)',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  roles: ['merchant'],
  params: idParams,
  query: storeMealsQuery,
  status: 200,
  response: z.object({
    storeId: z.string(),
    mealsAvailable: z.number().int(),
    fundedFen: z.number().int(),
    served: z.number().int(),
    owedFen: z.number().int(),
    /** Paid out to the store so far (the month's part is in the statement). */
    paidOutFen: z.number().int(),
    today: z.array(z.object({ id: z.string(), donationId: z.string(), createdAt: isoTime() })),
    statement: z.object({ month: z.string(), served: z.number().int(), owedFen: z.number().int(), paidOutFen: z.number().int() }),
  }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'another merchant’s store' },
    { status: 404, code: 'NOT_FOUND', when: 'no such store' },
  ],
});

export const revokeWorkerRoute = route({
  method: 'POST',
  path: '/workers/roster/revoke',
  summary:
    'The charity an employer is registered to (or an admin) revokes a roster row: it cannot be claimed again, and whoever claimed it is no longer a worker; audited',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  roles: ['charity', 'admin'],
  body: z.object({ employer: text(FIELDS.employer), employeeNumber: text(FIELDS.employeeNumber) }),
  status: 200,
  response: z.object({ revoked: z.literal(true), workerId: z.string().nullable() }),
  errors: [
    { status: 403, code: 'FORBIDDEN', when: 'the employer is not registered, or registered to another charity' },
    { status: 404, code: 'NOT_FOUND', when: 'no such row' },
  ],
});

/** A roster row as its charity sees it: only what the charity imported, and whether it is claimed or revoked (never by whom). */
export const rosterEntry = named(z.object({ employeeNumber: z.string(), name: z.string(), claimed: z.boolean(), revoked: z.boolean() }), 'RosterEntry');
export type RosterEntry = z.infer<typeof rosterEntry>;

export const rosterQuery = pageQuery().extend({ employer: text(FIELDS.employer) });

export const rosterRoute = route({
  method: 'GET',
  path: '/workers/roster',
  summary: 'The rows of one employer’s roster, claimed or not, by employee number, for the charity it is registered to (or an admin)',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  roles: ['charity', 'admin'],
  query: rosterQuery,
  status: 200,
  response: page(rosterEntry),
  errors: [{ status: 403, code: 'FORBIDDEN', when: 'the employer is not registered, or registered to another charity' }],
});

/** An employer (环卫单位) and the one charity that keeps its roster. */
export const employer = named(z.object({ name: z.string(), charityId: z.string(), registeredAt: isoTime() }), 'Employer');

export const registerEmployerRoute = route({
  method: 'POST',
  path: '/admin/employers',
  summary: 'An admin registers an employer (环卫单位) to the one charity that keeps its roster; the same again changes nothing; audited',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  body: z.object({ employer: text(FIELDS.employer), charityId: id() }),
  status: 201,
  response: z.object({ employer }),
  errors: [
    { status: 404, code: 'NOT_FOUND', when: 'no such person' },
    { status: 409, code: 'NOT_A_CHARITY', when: 'the person does not hold the charity role' },
    { status: 409, code: 'EMPLOYER_REGISTERED', when: 'the employer is registered to another charity' },
  ],
});

export const employersRoute = route({
  method: 'GET',
  path: '/admin/employers',
  summary: 'Every registered employer and its charity, newest first',
  source: 'added',
  tag: 'admin',
  auth: 'required',
  roles: ['admin'],
  query: pageQuery(),
  status: 200,
  response: page(employer),
});

export const myEmployersRoute = route({
  method: 'GET',
  path: '/workers/employers',
  summary: 'The employers whose rosters the caller keeps: a charity’s own (an admin who is not a charity: every one), newest first',
  source: 'added',
  tag: 'meals',
  auth: 'required',
  roles: ['charity', 'admin'],
  query: pageQuery(),
  status: 200,
  response: page(employer),
});
