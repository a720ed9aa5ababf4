import { ulid } from 'ulid';
import { assertNotOwnWork, type AuditActor } from '../domain/audit';
import type { DreamAudienceReader } from '../domain/fanout';
import { BadInputError, ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import { notInReview, reconcileStatement, type Letterbox, type LetterRecord, type LetterRepository, type StatementClaim } from '../domain/letter';
import type { DreamRecord } from '../domain/dream';
import type { Clock } from '../domain/ports';
import type { LetterboxItemView, LetterView, SubmitLetterBody } from '../contract/letters';

/**
 * 小红花来信 and 执行反馈 (issue 12): the adopting charity writes, an admin reviews, and only
 * published letters reach anyone. The routes, photos and delivery come next; these are the rules.
 */
export interface LetterDeps {
  clock: Clock;
  audience: Pick<DreamAudienceReader, 'dream' | 'matchedFen'>;
  letters: LetterRepository;
  letterbox: Letterbox;
}

export type SubmitLetterInput = SubmitLetterBody;

/** The statement with its figures, reconciled against the dream's books as they stand now. */
async function reconciledNow(deps: LetterDeps, dream: DreamRecord, claim: StatementClaim): Promise<NonNullable<LetterRecord['statement']>> {
  const figures = reconcileStatement(claim, await deps.letters.books(dream.id), await deps.audience.matchedFen(dream));
  return { ...claim, figures };
}

/** Dreams a charity reports on: adopted, and later completed. */
const REPORTABLE = new Set(['adopted', 'completed']);

export async function submitLetter(deps: LetterDeps, authorId: string, dreamId: string, input: SubmitLetterInput): Promise<LetterRecord> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  // API.md: only the charity that adopted the dream writes its letters (403 for any other).
  if (dream.charityId !== authorId) throw new ForbiddenError('只有认领这个梦想的公益机构可以发布来信');
  if (!REPORTABLE.has(dream.status)) throw new RuleViolation('NOT_ADOPTED', '梦想被认领后才能发布来信');
  // Photos name uploads their author made and the server checked (POST /uploads, next); until then none can be named.
  if (input.photos?.length) {
    throw new BadInputError(
      'INVALID_PHOTO',
      '照片须先上传并通过检查',
      input.photos.map((key, index) => ({ in: 'body', path: ['photos', index], message: `no checked upload ${key} of yours` })),
    );
  }
  if (input.corrects) {
    const corrected = await deps.letters.get(input.corrects);
    if (!corrected || corrected.dreamId !== dreamId || corrected.status !== 'published') throw new NotFoundError('要更正的来信不存在');
  }
  let statement: LetterRecord['statement'] = null;
  if (input.statement) {
    if (input.statement.periodStart > input.statement.periodEnd) {
      throw new ValidationError('周期的开始不能晚于结束', [{ in: 'body', path: ['statement', 'periodStart'], message: 'periodStart after periodEnd' }]);
    }
    statement = await reconciledNow(deps, dream, input.statement);
  }
  const letter: LetterRecord = {
    id: ulid(),
    dreamId,
    authorId,
    kind: statement ? 'letter' : 'update',
    title: input.title,
    body: input.body,
    photos: input.photos ?? [],
    happenedAt: input.happenedAt,
    status: 'in_review',
    createdAt: deps.clock.now().toISOString(),
    publishedAt: null,
    reviewNote: null,
    corrects: input.corrects ?? null,
    statement,
  };
  await deps.letters.create(letter);
  return letter;
}

/**
 * An admin (never the author) publishes or rejects. A statement is reconciled again against the
 * books as they stand now: another letter may have been published since this one was written.
 */
export async function reviewLetter(
  deps: LetterDeps,
  actor: AuditActor,
  letterId: string,
  input: { decision: 'approve' | 'reject'; note?: string | null },
): Promise<LetterRecord> {
  const letter = await deps.letters.get(letterId);
  if (!letter) throw new NotFoundError('来信不存在');
  assertNotOwnWork(actor, letter.authorId, '来信');
  if (letter.status !== 'in_review') throw notInReview();
  const publish = input.decision === 'approve';
  let checked = letter;
  if (publish && letter.statement) {
    checked = { ...letter, statement: await reconciledNow(deps, (await deps.audience.dream(letter.dreamId))!, letter.statement) };
  }
  return deps.letters.decide(checked, { publish, note: input.note ?? null, at: deps.clock.now().toISOString() });
}

/** A letter as the API shows it; the review note only to its author and admins. */
export function letterView(letter: LetterRecord, options: { withReviewNote?: boolean } = {}): LetterView {
  const { statement } = letter;
  return {
    id: letter.id,
    dreamId: letter.dreamId,
    title: letter.title,
    body: letter.body,
    photos: letter.photos,
    happenedAt: letter.happenedAt,
    status: letter.status,
    publishedAt: letter.publishedAt,
    kind: letter.kind,
    createdAt: letter.createdAt,
    corrects: letter.corrects,
    statement: statement
      ? {
          periodStart: statement.periodStart,
          periodEnd: statement.periodEnd,
          lineItems: statement.lineItems,
          openingFen: statement.figures.openingFen,
          incomeFen: statement.figures.incomeFen,
          spendFen: statement.figures.spendFen,
          closingFen: statement.figures.closingFen,
          sinceStart: statement.figures.sinceStart,
          previousLetterId: statement.figures.previousLetterId,
        }
      : null,
    ...(options.withReviewNote ? { reviewNote: letter.reviewNote } : {}),
  };
}

/** GET /dreams/{id}/letters: the public timeline. */
export async function dreamLetters(deps: Pick<LetterDeps, 'letters'>, dreamId: string, page: { limit: number; cursor?: string }) {
  const found = await deps.letters.timeline(dreamId, page);
  return { items: found.items.map((l) => letterView(l)), nextCursor: found.nextCursor };
}

/** GET /admin/letters: the review queue. */
export async function letterReviewQueue(deps: Pick<LetterDeps, 'letters'>, page: { limit: number; cursor?: string }) {
  const found = await deps.letters.reviewQueue(page);
  return { items: found.items.map((l) => letterView(l, { withReviewNote: true })), nextCursor: found.nextCursor };
}

/** GET /me/letters: the person's letterbox, newest first, each with its letter, and the exact unread count. */
export async function myLetters(deps: Pick<LetterDeps, 'letters' | 'letterbox'>, userId: string, page: { limit: number; cursor?: string }) {
  const [found, unread] = await Promise.all([deps.letterbox.list(userId, page), deps.letterbox.unreadCount(userId)]);
  const letters = new Map((await deps.letters.getMany(found.items.map((entry) => entry.letterId))).map((l) => [l.id, l]));
  const items: LetterboxItemView[] = [];
  for (const entry of found.items) {
    const letter = letters.get(entry.letterId);
    if (letter) items.push({ letter: letterView(letter), dreamTitle: entry.dreamTitle, read: entry.read });
  }
  return { items, nextCursor: found.nextCursor, unread };
}

/** POST /me/letters/{id}/read: 404 when the letter is not in this person's letterbox. */
export async function readLetter(deps: Pick<LetterDeps, 'letterbox'>, userId: string, letterId: string): Promise<void> {
  if (!(await deps.letterbox.markRead(userId, letterId))) throw new NotFoundError('没有这封来信');
}
