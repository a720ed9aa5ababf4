import type { FanoutMessage } from './fanout';

/**
 * What every donor of a dream is told when the charity reports back to them: the minutes of an
 * assembly were published, or a promise made there was kept. Inbox only (no subscribe-message
 * topic pays for these).
 */

/** An assembly closed by its minutes. */
export function assemblyMinutesMessage(
  assembly: { id: string; title: string; closedAt: string | null },
  dream: { title: string },
  fallbackTime: string,
): FanoutMessage {
  return {
    type: 'assembly_minutes',
    refId: assembly.id,
    title: '股东大会纪要已发布',
    body: `你支持的「${dream.title}」的公益股东大会「${assembly.title}」已发布会议纪要，问答与承诺都在记录上。`,
    topic: null,
    page: `assembly/detail/index?id=${assembly.id}`,
    fields: { title: assembly.title, note: '会议纪要已发布', time: assembly.closedAt ?? fallbackTime },
  };
}

/** Ids are ULIDs (and test ids are plain words), so a slash never occurs in either part. */
export const PROMISE_REF_SEPARATOR = '/';

/**
 * What a promise's notice refers to: its dream first, so the inbox opens the dream's page where
 * the promise is listed, then the promise, because a person is told once per (type, refId) and a
 * dream has many promises: the dream's id alone would swallow every notice after the first.
 */
export function promiseNoticeRef(dreamId: string, promiseId: string): string {
  return `${dreamId}${PROMISE_REF_SEPARATOR}${promiseId}`;
}

/** A promise marked done. */
export function promiseDoneMessage(
  promise: { id: string; dreamId: string; text: string; doneAt: string | null },
  dream: { title: string },
  fallbackTime: string,
): FanoutMessage {
  return {
    type: 'promise_done',
    refId: promiseNoticeRef(promise.dreamId, promise.id),
    title: '公益机构兑现了一项承诺',
    body: `你支持的「${dream.title}」：「${promise.text}」已完成。`,
    topic: null,
    page: `pages/dream-detail/index?id=${promise.dreamId}`,
    fields: { title: dream.title, note: '承诺已完成', time: promise.doneAt ?? fallbackTime },
  };
}
