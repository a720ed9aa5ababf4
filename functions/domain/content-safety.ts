import { RuleViolation } from './errors';
import { ulid } from 'ulid';
import type { Clock } from './ports';
import type { AuditRecord } from './audit';
import type { ContentSafetyPort, TextScene } from './wechat';

/** The scenes WeChat's text check knows, by what the text is. */
export const SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const satisfies Record<string, TextScene>;

export const contentUnsafe = () => new RuleViolation('CONTENT_UNSAFE', '内容未通过内容安全检查，请修改后再提交');

/** Who wrote the text: WeChat judges it against the writer's openid. */
export interface TextWriter {
  id: string;
  openid: string;
}

export interface PublicTextVerdict {
  /** True when others must not see the text until an admin clears it. */
  held: boolean;
}

/**
 * What kinds of texts can be held for an admin. Most hide their whole object; an answer hides only
 * the answer of its question and minutes only the minutes of their assembly.
 */
export type HeldKind = 'dream' | 'team' | 'store' | 'letter' | 'distribution' | 'assembly' | 'question' | 'answer' | 'minutes';

/** One text waiting for an admin: the queue item of a held object. */
export interface HeldText {
  id: string;
  kind: HeldKind;
  /** The id of the held object: for an answer its question's id, for minutes their assembly's id. */
  targetId: string;
  text: string;
  writerId: string;
  createdAt: string;
}

export interface HeldTextStore {
  add(held: HeldText): Promise<void>;
  get(id: string): Promise<HeldText | null>;
  list(page: { limit: number; cursor?: string }): Promise<{ items: HeldText[]; nextCursor: string | null }>;
  /** Marks the object of a held text as cleared (or keeps it hidden) and drops the queue item, in one write. */
  settle(held: HeldText, release: boolean, audit: AuditRecord): Promise<boolean>;
}

/**
 * Checks every text a person writes for others before it is stored: `risky` refuses the request
 * (nothing is stored), `review` holds it for an admin, and so does a WeChat that cannot be
 * reached, because an unchecked text must never be published.
 */
export async function checkPublicText(
  deps: { contentSafety: ContentSafetyPort },
  writer: Pick<TextWriter, 'openid'>,
  texts: readonly string[],
  scene: TextScene,
): Promise<PublicTextVerdict> {
  const content = texts.filter((t) => t.length > 0).join('\n');
  if (content === '') return { held: false };
  let suggest: 'pass' | 'review' | 'risky';
  try {
    suggest = (await deps.contentSafety.checkText({ openid: writer.openid, content, scene })).suggest;
  } catch {
    return { held: true };
  }
  if (suggest === 'risky') throw contentUnsafe();
  return { held: suggest === 'review' };
}

/** Held objects exist for their writer and admins only. */
export function mayReadHeld(object: { held?: boolean }, writerId: string, viewer: { userId: string; isAdmin: boolean } | null): boolean {
  if (!object.held) return true;
  return !!viewer && (viewer.isAdmin || viewer.userId === writerId);
}

export interface HeldTextDeps {
  contentSafety: ContentSafetyPort;
  heldTexts: HeldTextStore;
  clock: Clock;
}

/** Puts a just-written object in the admin queue when its text was held (and flags the object). */
export async function queueIfHeld(
  deps: HeldTextDeps,
  verdict: PublicTextVerdict,
  what: Pick<HeldText, 'kind' | 'targetId' | 'text' | 'writerId'>,
): Promise<void> {
  if (!verdict.held) return;
  await deps.heldTexts.add({ id: ulid(), createdAt: deps.clock.now().toISOString(), ...what });
}
