import { z } from 'zod';
import { LEDGER_REASONS } from './enums';
import { route } from './route';
import { named, isoTime, page, pageQuery } from './schema-kit';
import { user } from './common';

export const flowerSummary = z.object({ balance: z.number().int(), earned: z.number().int(), given: z.number().int() });

export type FlowerSummary = z.infer<typeof flowerSummary>;

/** `unreadNotifications` and `unreadLetters` feed the badges on the 我的 tab. */
export const me = z.object({ user, flowers: flowerSummary, unreadNotifications: z.number().int(), unreadLetters: z.number().int() });
export type Me = z.infer<typeof me>;

export const ledgerEntry = named(
  z.object({
    id: z.string(),
    delta: z.number().int(),
    reason: z.enum(LEDGER_REASONS),
    refId: z.string().nullable(),
    /** What a person sees beside the entry (a dream's title, a sponsor, a question's topic). */
    note: z.string().nullable(),
    balanceAfter: z.number().int(),
    createdAt: isoTime(),
  }),
  'LedgerEntry',
);
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const getMeRoute = route({
  method: 'GET',
  path: '/me',
  summary: 'The signed-in person and their flowers',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  status: 200,
  response: me,
});

export const myLedgerRoute = route({
  method: 'GET',
  path: '/me/ledger',
  summary: "The person's ledger, newest first",
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  query: pageQuery(),
  status: 200,
  response: page(ledgerEntry),
});

/** The upper bound is a rule value (config/rules.json devGrant.maxFlowersPerGrant), checked by the use case. */
export const devGrantBody = z.object({ flowers: z.number().int().min(1) });

export const devGrantRoute = route({
  method: 'POST',
  path: '/dev/grants',
  summary: 'Credit the caller through the ledger (STAGE local and test only)',
  source: 'added',
  tag: 'me',
  auth: 'required',
  localStagesOnly: true,
  idempotent: true,
  body: devGrantBody,
  status: 201,
  response: z.object({ entry: ledgerEntry, balance: z.number().int() }),
});
