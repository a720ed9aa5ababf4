import type { SubscribeTopic } from '../contract/enums';
import type { SubscribeFields } from './fanout';
import { wallClock } from './calendar';

/**
 * WeChat subscribe messages: a one-time subscription allows exactly one message, and WeChat has
 * no API to ask how many a person has left, so we count them: every accepted tap adds one credit
 * per template, and every send spends one first.
 */

export interface SubscriptionStore {
  /** Adds one credit per accepted topic, up to `max` each; answers the counts after. */
  grant(userId: string, topics: readonly SubscribeTopic[], max: number): Promise<Record<SubscribeTopic, number>>;
  counts(userId: string): Promise<Record<SubscribeTopic, number>>;
  /** Spends one credit if there is one; false when there is none. */
  spend(userId: string, topic: SubscribeTopic): Promise<boolean>;
}

/** WeChat's length limits on template values (the subscribe-message docs): thing ≤ 20, time is a date. */
export const THING_MAX = 20;

/** Cuts a value to WeChat's `thing` limit, counting code points, with an ellipsis when cut. */
export function fitThing(value: string): string {
  const points = [...value];
  return points.length <= THING_MAX ? value : `${points.slice(0, THING_MAX - 1).join('')}…`;
}

/** `time` values as WeChat shows them: "YYYY年MM月DD日 HH:mm" in the configured zone. */
export function wechatTime(iso: string, timeZone: string): string {
  const date = iso ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(date.getTime())) return '';
  const p = wallClock(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}年${two(p.month)}月${two(p.day)}日 ${two(p.hour)}:${two(p.minute)}`;
}

/** Template values by the template's own keys (config maps meanings to keys, e.g. title → thing1). */
export function templateData(
  fields: SubscribeFields,
  keys: { title: string; note: string; time: string },
  timeZone: string,
): Record<string, { value: string }> {
  return {
    [keys.title]: { value: fitThing(fields.title) },
    [keys.note]: { value: fitThing(fields.note) },
    [keys.time]: { value: wechatTime(fields.time, timeZone) },
  };
}

/**
 * What to do when a send fails. 43101 (no subscription left, or refused) is final for that person
 * and that send. 40001/42001 (token) are refreshed once by the client itself; if one still comes
 * back here, it is retried like the rest. Everything else is retried with backoff, then dead-lettered.
 */
export type SendFailure = 'final' | 'retry';
export const ERRCODE_NO_SUBSCRIPTION = 43101;

export function classifySendFailure(errcode: number | null): SendFailure {
  return errcode === ERRCODE_NO_SUBSCRIPTION ? 'final' : 'retry';
}

/** The wait before retry `attempt` (1-based), from the configured schedule; null when retries are spent. */
export function backoffMs(attempt: number, scheduleMs: readonly number[]): number | null {
  return attempt >= 1 && attempt <= scheduleMs.length ? scheduleMs[attempt - 1] : null;
}
