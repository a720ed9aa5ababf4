import { z } from 'zod';
import { LEDGER_REASONS } from './enums';
import { route } from './route';
import { id, named, isoTime, page, pageQuery, text } from './schema-kit';
import { user } from './common';

/** The person as they see themselves: `avatarUrl` is their avatar's read-only URL once WeChat's image check passed it, else null. */
export const profileUser = named(user.extend({ avatarUrl: z.string().nullable() }), 'ProfileUser');
export type ProfileUser = z.infer<typeof profileUser>;

export const flowerSummary = z.object({ balance: z.number().int(), earned: z.number().int(), given: z.number().int() });

export type FlowerSummary = z.infer<typeof flowerSummary>;

/** `unreadNotifications` and `unreadLetters` feed the badges on the 我的 tab. */
export const me = z.object({ user: profileUser, flowers: flowerSummary, unreadNotifications: z.number().int(), unreadLetters: z.number().int() });
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

/** A nickname as people set it: the text rule, 1–20 code points. */
export const profileNickname = text({ kind: 'text', min: 1, max: 20, multiline: false });

export const updateProfileBody = z.object({
  nickname: profileNickname,
  /** The caller's own upload of purpose avatar (POST /uploads); left out, the avatar stays as it was. */
  avatarUploadId: id().optional(),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBody>;

export const updateProfileRoute = route({
  method: 'PUT',
  path: '/me/profile',
  summary: "Set the person's nickname (after WeChat's content-safety check) and, optionally, their avatar (an upload, checked like a photo)",
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  body: updateProfileBody,
  status: 200,
  response: z.object({ user: profileUser }),
  errors: [
    { status: 400, code: 'INVALID_PHOTO', when: 'avatarUploadId is not the caller’s own upload, not of purpose avatar, or not an image (details say which)' },
    { status: 409, code: 'CONTENT_UNSAFE', when: 'the nickname fails WeChat’s content-safety check, or WeChat judged the avatar risky' },
  ],
});

/** Records kept about the person, each as stored (their shape is the feature's own). */
const keptRecords = z.array(z.record(z.unknown()));

export const myDataExport = named(
  z
    .object({
      user: user.extend({ openid: z.string(), createdAt: isoTime(), avatarUploadId: z.string().nullable() }),
      flowers: flowerSummary,
      ledger: z.array(ledgerEntry),
      donations: keptRecords,
      dreams: keptRecords,
      teams: keptRecords,
      meals: keptRecords,
      letters: keptRecords,
      notifications: keptRecords,
      exportedAt: isoTime(),
    })
    // Whatever else the project keeps about the person (stores, quiz answers, subscriptions, …).
    .catchall(keptRecords),
  'MyDataExport',
);
export type MyDataExport = z.infer<typeof myDataExport>;

export const exportMyDataRoute = route({
  method: 'GET',
  path: '/me/export',
  summary: 'Everything kept about the person, as one JSON document',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  status: 200,
  response: myDataExport,
});

export const closeAccountRoute = route({
  method: 'DELETE',
  path: '/me',
  summary: 'Close the account: tokens die, personal data is erased, the balance is forfeited, gifts stay given',
  source: 'fixed',
  tag: 'me',
  auth: 'required',
  status: 204,
  response: null,
  errors: [{ status: 409, code: 'ACCOUNT_HAS_DUTIES', when: 'the person owns an active store or is the charity of an adopted dream' }],
});
