import { z } from 'zod';
import type { PendingEntry } from '../domain/log-ports';
import type { TableChange } from '../shared/stream';

/**
 * Which table changes are entries of the public log, and what each entry says. Only finished
 * facts count: a gift's ledger entry (written in the gift's own transaction, so a refused gift
 * or an idempotent retry writes none), a meal donation the moment it is paid, a meal eaten, a
 * letter's statement the moment it is published, a hand-over signed. Nothing here names a
 * person: the giver is only the commitment the sequencer makes from a salt of the entry's own.
 */

const text = z.string().min(1);
const int = z.number().int();
const gift = z.object({ id: text, userId: text, refId: text, delta: int.negative(), createdAt: text, reason: z.literal('dream_donation') });
const donation = z.object({ id: text, donorId: text, storeId: text, meals: int.positive(), amountFen: int.nonnegative(), paidAt: text });
const redemption = z.object({ id: text, storeId: text, donationId: text, createdAt: text });
const signoff = z.object({ id: text, distributionId: text, quantity: int.positive(), signedAt: text, recipientCommitment: z.string().regex(/^[0-9a-f]{64}$/) });
const letter = z.object({
  id: text,
  dreamId: text,
  publishedAt: text,
  statement: z
    .object({
      periodStart: text,
      periodEnd: text,
      openingFen: int,
      closingFen: int,
      lineItems: z.array(z.object({ description: z.string(), kind: z.enum(['income', 'spend']), amountFen: int })),
    })
    .nullable()
    .optional(),
});

/** The log entry a change makes, or null when it makes none. */
export function logEntryOf(change: TableChange): PendingEntry | null {
  const item = change.newImage;
  if (!item) return null;
  const before = change.oldImage;
  switch (item.type) {
    case 'LEDGER_ENTRY': {
      if (change.eventName !== 'INSERT' || item.reason !== 'dream_donation') return null;
      const g = gift.parse(item);
      return {
        ref: g.id,
        personId: g.userId,
        entry: (donor) => ({ v: 1, kind: 'dream_gift', ref: g.id, at: g.createdAt, dream: g.refId, flowers: -g.delta, donor: donor! }),
      };
    }
    case 'MEAL_DONATION': {
      if (item.status !== 'paid' || before?.status === 'paid') return null;
      const d = donation.parse(item);
      return {
        ref: d.id,
        personId: d.donorId,
        entry: (donor) => ({ v: 1, kind: 'meal_donation', ref: d.id, at: d.paidAt, store: d.storeId, meals: d.meals, amountFen: d.amountFen, donor: donor! }),
      };
    }
    case 'MEAL_REDEMPTION': {
      if (change.eventName !== 'INSERT') return null;
      const r = redemption.parse(item);
      return {
        ref: r.id,
        personId: null,
        entry: () => ({ v: 1, kind: 'meal_redemption', ref: r.id, at: r.createdAt, store: r.storeId, donation: r.donationId }),
      };
    }
    case 'LETTER': {
      if (item.status !== 'published' || before?.status !== 'in_review') return null;
      const l = letter.parse(item);
      const s = l.statement;
      // A field update carries no statement: nothing to put on the record.
      if (!s) return null;
      return {
        ref: l.id,
        personId: null,
        entry: () => ({
          v: 1,
          kind: 'statement',
          ref: l.id,
          at: l.publishedAt,
          dream: l.dreamId,
          periodStart: s.periodStart,
          periodEnd: s.periodEnd,
          openingFen: s.openingFen,
          closingFen: s.closingFen,
          lines: s.lineItems.map((line) => ({ description: line.description, kind: line.kind, amountFen: line.amountFen })),
        }),
      };
    }
    case 'SIGNOFF': {
      if (change.eventName !== 'INSERT') return null;
      const o = signoff.parse(item);
      // The recipient is a commitment made with the sign-off's own salt (kept on its private
      // record), not a person's: recipients have no account, so no person's records hold it.
      return {
        ref: o.id,
        personId: null,
        entry: () => ({
          v: 1,
          kind: 'signoff',
          ref: o.id,
          at: o.signedAt,
          distribution: o.distributionId,
          quantity: o.quantity,
          recipient: o.recipientCommitment,
        }),
      };
    }
    default:
      return null;
  }
}
