import { ulid } from 'ulid';
import { assertNotOwnWork, type AuditActor } from '../domain/audit';
import type { DreamRepository } from '../domain/dream';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import { notInReview, reconcileStatement, type LetterRecord, type LetterRepository, type LineItem } from '../domain/letter';
import type { Clock } from '../domain/ports';

/**
 * 小红花来信 and 执行反馈 (issue 12): the adopting charity writes, an admin reviews, and only
 * published letters reach anyone. The routes, photos and delivery come next; these are the rules.
 */
export interface LetterDeps {
  clock: Clock;
  dreams: Pick<DreamRepository, 'get' | 'totals'>;
  letters: LetterRepository;
}

export interface SubmitLetterInput {
  title: string;
  body: string;
  happenedAt: string;
  photos?: string[];
  /** A published letter of the same dream that this one corrects. */
  corrects?: string | null;
  /** A letter's statement; without it, a field update (no money). */
  statement?: { periodStart: string; periodEnd: string; openingFen: number; closingFen: number; lineItems: LineItem[] };
}

/** Dreams a charity reports on: adopted, and later completed. */
const REPORTABLE = new Set(['adopted', 'completed']);

export async function submitLetter(deps: LetterDeps, authorId: string, dreamId: string, input: SubmitLetterInput): Promise<LetterRecord> {
  const dream = await deps.dreams.get(dreamId, true);
  if (!dream) throw new NotFoundError('梦想不存在');
  // API.md: only the charity that adopted the dream writes its letters (403 for any other).
  if (dream.charityId !== authorId) throw new ForbiddenError('只有认领这个梦想的公益机构可以发布来信');
  if (!REPORTABLE.has(dream.status)) throw new RuleViolation('NOT_ADOPTED', '梦想被认领后才能发布来信');
  if (input.corrects) {
    const corrected = await deps.letters.get(input.corrects);
    if (!corrected || corrected.dreamId !== dreamId || corrected.status !== 'published') throw new NotFoundError('要更正的来信不存在');
  }
  let statement: LetterRecord['statement'] = null;
  if (input.statement) {
    if (input.statement.periodStart > input.statement.periodEnd) {
      throw new ValidationError('周期的开始不能晚于结束', [{ in: 'body', path: ['statement', 'periodStart'], message: 'periodStart after periodEnd' }]);
    }
    const matchedFen = (await deps.dreams.totals([dream])).get(dream.id)!.matchedFen;
    const figures = reconcileStatement(input.statement, await deps.letters.books(dreamId), matchedFen);
    statement = { ...input.statement, figures };
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
    const dream = (await deps.dreams.get(letter.dreamId, true))!;
    const matchedFen = (await deps.dreams.totals([dream])).get(dream.id)!.matchedFen;
    const figures = reconcileStatement(letter.statement, await deps.letters.books(letter.dreamId), matchedFen);
    checked = { ...letter, statement: { ...letter.statement, figures } };
  }
  return deps.letters.decide(checked, { publish, note: input.note ?? null, at: deps.clock.now().toISOString() });
}
