import { z } from 'zod';
import type { TableChange } from '../shared/stream';

/**
 * What a table change means to the event backbone, parsed from the stream's raw images. Which
 * event it is follows from the item's type and its status before and after; what the event carries
 * is then checked field by field, so a use case never receives a half-written item.
 */

const text = z.string().min(1);
const dreamRef = z.object({ id: text });
const letterRef = z.object({ id: text });
const redemption = z.object({ id: text, donorId: text, storeName: z.string(), createdAt: text });
const refund = z.object({ id: text, donorId: text, storeName: z.string(), meals: z.number().int().nonnegative(), amountFen: z.number().int().nonnegative() });
const donor = z.object({ dreamId: text, userId: text });
const scheduledAssembly = z.object({ id: text, dreamId: text, title: z.string(), startsAt: text });
const distributionRef = z.object({ id: text });
const closedAssembly = z.object({ id: text, dreamId: text, title: z.string(), closedAt: z.string().nullish() });
const donePromise = z.object({ id: text, dreamId: text, text: z.string(), doneAt: z.string().nullish() });

export type TableEvent =
  /** A donor assembly scheduled: the job that invites every donor of the dream starts. */
  | { kind: 'assembly_scheduled'; assembly: z.infer<typeof scheduledAssembly> }
  /** open → executable: the job that tells every donor starts. */
  | { kind: 'dream_reached_target'; dreamId: string }
  /** executable → adopted: the clock for the first letter starts. */
  | { kind: 'dream_adopted'; dreamId: string }
  /** in_review → published: the job that fills every donor's letterbox starts. */
  | { kind: 'letter_published'; letterId: string }
  /** A published letter an admin retracted: the job that tells every donor starts. */
  | { kind: 'letter_retracted'; letterId: string }
  /** A love meal eaten: its donor is told. */
  | { kind: 'meal_redeemed'; redemption: z.infer<typeof redemption> }
  /** A refund that succeeded: its donor is told. */
  | { kind: 'meal_refunded'; refund: z.infer<typeof refund> }
  /** A person's first gift to a dream: told on their own if the dream is already past its target. */
  | { kind: 'first_gift'; donor: z.infer<typeof donor> }
  /** open → closed: its spot check is drawn (from the log's checkpoint at this moment). */
  | { kind: 'distribution_closed'; distributionId: string }
  /** scheduled → closed: the minutes are published, and every donor is told. */
  | { kind: 'assembly_minutes'; assembly: z.infer<typeof closedAssembly> }
  /** in_progress → done: every donor is told the promise was kept. */
  | { kind: 'promise_done'; promise: z.infer<typeof donePromise> };

/** A change that is one of the events but lacks what the event needs: it fails, and so reaches the dead-letter queue. */
export class MalformedChangeError extends Error {
  constructor(kind: TableEvent['kind'], sequenceNumber: string, issues: z.ZodIssue[]) {
    super(`malformed ${kind} record ${sequenceNumber}: ${issues.map((issue) => `${issue.path.join('.') || '(item)'} ${issue.message}`).join('; ')}`);
    this.name = 'MalformedChangeError';
  }
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The event a change is, or null when it is none of them (the stream's filters should not send those). */
export function classifyChange(change: TableChange): TableEvent | null {
  const after = change.newImage;
  if (!after) return null;
  const before = change.oldImage?.status;
  const inserted = change.eventName === 'INSERT';
  const parse = <T>(kind: TableEvent['kind'], schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(after);
    if (!parsed.success) throw new MalformedChangeError(kind, change.sequenceNumber, parsed.error.issues);
    return parsed.data;
  };
  switch (after.type) {
    case 'DREAM':
      if (before === 'open' && after.status === 'executable') return { kind: 'dream_reached_target', dreamId: parse('dream_reached_target', dreamRef).id };
      if (before === 'executable' && after.status === 'adopted') return { kind: 'dream_adopted', dreamId: parse('dream_adopted', dreamRef).id };
      return null;
    case 'LETTER':
      if (before === 'in_review' && after.status === 'published') return { kind: 'letter_published', letterId: parse('letter_published', letterRef).id };
      // Retracted is a mark on a published letter, set once: the change that set it.
      if (before === 'published' && isSet(after.retraction) && !isSet(change.oldImage?.retraction)) {
        return { kind: 'letter_retracted', letterId: parse('letter_retracted', letterRef).id };
      }
      return null;
    case 'MEAL_REDEMPTION':
      return inserted ? { kind: 'meal_redeemed', redemption: parse('meal_redeemed', redemption) } : null;
    case 'MEAL_REFUND':
      // Told once: only the change that made it succeed.
      if (after.status === 'succeeded' && before !== 'succeeded') return { kind: 'meal_refunded', refund: parse('meal_refunded', refund) };
      return null;
    case 'DREAM_DONOR':
      return inserted ? { kind: 'first_gift', donor: parse('first_gift', donor) } : null;
    case 'ASSEMBLY':
      // A held title or held minutes tell nobody yet: their release notice (below) does, once an admin clears them.
      if (inserted) return after.held === true ? null : { kind: 'assembly_scheduled', assembly: parse('assembly_scheduled', scheduledAssembly) };
      // The minutes close it, once: only the change that did.
      if (before === 'scheduled' && after.status === 'closed') {
        return after.held === true || after.minutesHeld === true ? null : { kind: 'assembly_minutes', assembly: parse('assembly_minutes', closedAssembly) };
      }
      return null;
    case 'HELD_RELEASE':
      // An admin cleared an assembly's title or minutes: what waited for them starts now, if nothing else of it is still held.
      if (!inserted || after.objectType !== 'ASSEMBLY' || after.held === true) return null;
      if (after.status === 'scheduled' && after.releasedKind === 'assembly')
        return { kind: 'assembly_scheduled', assembly: parse('assembly_scheduled', scheduledAssembly) };
      if (after.status === 'closed' && after.minutesHeld !== true) return { kind: 'assembly_minutes', assembly: parse('assembly_minutes', closedAssembly) };
      return null;
    case 'DISTRIBUTION':
      if (before === 'open' && after.status === 'closed')
        return { kind: 'distribution_closed', distributionId: parse('distribution_closed', distributionRef).id };
      return null;
    case 'PROMISE':
      if (before === 'in_progress' && after.status === 'done') return { kind: 'promise_done', promise: parse('promise_done', donePromise) };
      return null;
    default:
      return null;
  }
}
