import type { NotificationRepository } from '../domain/notification';
import { ulid } from 'ulid';
import { assertNotOwnWork, type AuditActor } from '../domain/audit';
import type { DreamAudienceReader } from '../domain/fanout';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import {
  nextLetterDue,
  notInReview,
  notRejected,
  imagesOf,
  letterDateProblems,
  letterDatesRefusal,
  reconcileStatement,
  retractionPlan,
  retractionRefusal,
  retractionWriteRefusal,
  foreignCitations,
  reviewPlan,
  reviewRefusal,
  type Letterbox,
  type LetterRecord,
  type LetterRepository,
  type StatementClaim,
} from '../domain/letter';
import type { DistributionStore } from '../domain/distribution';
import type { DreamRecord } from '../domain/dream';
import { checkPublicText, contentUnsafe, queueIfHeld, SCENE, type HeldTextDeps, type PublicTextVerdict } from '../domain/content-safety';
import type { Clock, UserRepository } from '../domain/ports';
import type { LetterboxItemView, LetterView, SubmitLetterBody } from '../contract/letters';
import { objectKeys, photosCleared, type ObjectStore, type UploadRepository } from '../domain/upload';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';
import { checkPhotos } from '../uploads/uploads';

/**
 * 小红花来信 and 执行反馈: the adopting charity writes, with photos it uploaded; an
 * admin reviews once WeChat's image check cleared every photo; only published letters reach anyone
 * (the stream delivers them: functions/events/fanout.ts).
 */
export interface LetterDeps extends HeldTextDeps {
  clock: Clock;
  audience: Pick<DreamAudienceReader, 'dream' | 'matchedFen'>;
  letters: LetterRepository;
  letterbox: Letterbox;
  /** A statement line may cite one of the dream's distributions. */
  distributions: Pick<DistributionStore, 'get'>;
  uploads: UploadRepository;
  objects: ObjectStore;
  quotas: Quotas;
  users: Pick<UserRepository, 'findById'>;
  config: { rules: Pick<Rules, 'quotas' | 'uploads' | 'letters' | 'timezone'> };
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
  // Only the charity that adopted the dream writes its letters (403 for any other).
  if (dream.charityId !== authorId) throw new ForbiddenError('只有认领这个梦想的公益机构可以发布来信');
  const verdict = await checkLetterText(deps, authorId, input);
  if (!REPORTABLE.has(dream.status)) throw new RuleViolation('NOT_ADOPTED', '梦想被认领后才能发布来信');
  const letter = withHeld(await draftLetter(deps, authorId, dream, input), verdict);
  await deps.quotas.take(authorId, quotaSpecs(deps.config.rules.quotas).letters, deps.clock.now());
  await deps.letters.create(letter);
  await queueIfHeld(deps, verdict, { kind: 'letter', targetId: letter.id, text: letterText(input), writerId: authorId });
  return letter;
}

/** Everything of a letter that donors read: its title, body and each line item's words. */
function letterText(input: SubmitLetterInput): string {
  return [input.title, input.body, ...(input.statement?.lineItems ?? []).map((item) => item.description)].join('\n');
}

/** WeChat's text check of a letter, after the route's 403/404 and before its other 409s. */
async function checkLetterText(deps: LetterDeps, authorId: string, input: SubmitLetterInput): Promise<PublicTextVerdict> {
  const author = await deps.users.findById(authorId);
  return checkPublicText(deps, { openid: author?.openid ?? '' }, [letterText(input)], SCENE.forum);
}

const withHeld = (letter: LetterRecord, verdict: PublicTextVerdict): LetterRecord => (verdict.held ? { ...letter, held: true } : letter);

/** A line may cite only a distribution of the letter's own dream (400 otherwise: it would vouch for another's goods). */
async function checkCitations(deps: LetterDeps, dreamId: string, lineItems: NonNullable<SubmitLetterInput['statement']>['lineItems']): Promise<void> {
  const cited = [...new Set(lineItems.flatMap((item) => (item.distributionId ? [item.distributionId] : [])))];
  if (cited.length === 0) return;
  const dreamOf = new Map(await Promise.all(cited.map(async (id) => [id, (await deps.distributions.get(id))?.dreamId ?? null] as const)));
  const foreign = foreignCitations(lineItems, dreamId, dreamOf);
  if (foreign.length > 0) {
    throw new ValidationError(
      '只能引用这个梦想自己的物资发放',
      foreign.map((path) => ({ in: 'body', path, message: 'not a distribution of this dream' })),
    );
  }
}

/** The checks a letter passes before it is stored (new, or sent again after a rejection). */
async function draftLetter(deps: LetterDeps, authorId: string, dream: DreamRecord, input: SubmitLetterInput, id: string = ulid()): Promise<LetterRecord> {
  const images = imagesOf(input);
  const repeated = images.find((image, index) => images.findIndex((other) => other.id === image.id) !== index);
  if (repeated) throw new ValidationError('同一张照片只能用一次', [{ in: 'body', path: repeated.path, message: 'duplicate photo' }]);
  if (input.corrects) {
    const corrected = await deps.letters.get(input.corrects);
    if (!corrected || corrected.dreamId !== dream.id || corrected.status !== 'published') throw new NotFoundError('要更正的来信不存在');
  }
  const rules = { timezone: deps.config.rules.timezone, maxPeriodDays: deps.config.rules.letters.maxPeriodDays };
  const badDates = letterDatesRefusal(letterDateProblems(input, deps.clock.now(), rules));
  if (badDates) throw badDates;
  let statement: LetterRecord['statement'] = null;
  if (input.statement) {
    await checkCitations(deps, dream.id, input.statement.lineItems);
    statement = await reconciledNow(deps, dream, input.statement);
  }
  // Last (it reads S3): each photo and receipt is an upload of the author's whose object the server looked at.
  await checkPhotos(deps, authorId, images);
  return {
    id,
    dreamId: dream.id,
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
}

/**
 * POST /letters/{id}/resubmit: its author sends a rejected letter again, changed; it goes back into review
 * with every check run again. A published letter is never edited (a correction is a new letter).
 */
export async function resubmitLetter(deps: LetterDeps, authorId: string, letterId: string, input: SubmitLetterInput): Promise<LetterRecord> {
  const previous = await deps.letters.get(letterId);
  if (!previous) throw new NotFoundError('来信不存在');
  if (previous.authorId !== authorId) throw new ForbiddenError('只有来信的作者可以修改');
  const dream = await deps.audience.dream(previous.dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  const verdict = await checkLetterText(deps, authorId, input);
  if (previous.status !== 'rejected') throw notRejected();
  const letter = withHeld({ ...(await draftLetter(deps, authorId, dream, input, previous.id)), createdAt: previous.createdAt }, verdict);
  if (!(await deps.letters.resubmit(letter))) throw notRejected();
  await queueIfHeld(deps, verdict, { kind: 'letter', targetId: letter.id, text: letterText(input), writerId: authorId });
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
  const publish = input.decision === 'approve';
  // A held letter is published only after an admin clears its text in the held queue.
  if (publish && letter.held) throw contentUnsafe();
  if (letter.status !== 'in_review') throw notInReview();
  if (publish) await assertPhotosCleared(deps, letter);
  let checked = letter;
  if (publish && letter.statement) {
    checked = { ...letter, statement: await reconciledNow(deps, (await deps.audience.dream(letter.dreamId))!, letter.statement) };
  }
  const at = deps.clock.now().toISOString();
  const plan = reviewPlan(checked, { publish, note: input.note ?? null, at, nextDueAt: nextLetterDue(at, deps.config.rules.letters.maxGapDays) });
  // Another admin may have reviewed it, or another statement been published, since the reads above.
  const refusal = reviewRefusal(await deps.letters.decide(plan));
  if (refusal) throw refusal;
  return plan.letter;
}

/**
 * POST /letters/{id}/retract: an admin (never its author) takes back a published letter that was
 * wrong. It stays readable as 已撤回 with the reason; a statement's books go back to the letter
 * before it in the same write, so a corrected letter for the period can be published; the audit
 * trail keeps who and why; the stream tells its donors.
 */
export async function retractLetter(deps: LetterDeps, actor: AuditActor, letterId: string, input: { reason: string }): Promise<LetterRecord> {
  const letter = await deps.letters.get(letterId);
  if (!letter) throw new NotFoundError('来信不存在');
  assertNotOwnWork(actor, letter.authorId, '来信');
  const refusal = retractionRefusal(letter);
  if (refusal) throw refusal;
  const previousId = letter.statement?.figures.previousLetterId;
  const previous = previousId ? await deps.letters.get(previousId) : null;
  const plan = retractionPlan(letter, previous, { reason: input.reason, at: deps.clock.now(), actor });
  // Another admin may have retracted it, or a later statement been published, since the reads above.
  const failed = retractionWriteRefusal(await deps.letters.retract(plan));
  if (failed) throw failed;
  return plan.letter;
}

/** Approval waits for WeChat's image check of every photo and receipt (asked from the stream when it was kept). */
async function assertPhotosCleared(deps: LetterDeps, letter: LetterRecord): Promise<void> {
  const ids = imagesOf(letter).map((image) => image.id);
  if (ids.length === 0) return;
  const uploads = await deps.uploads.getMany(ids);
  if (photosCleared(uploads) && uploads.length === ids.length) return;
  throw new RuleViolation(
    'PHOTOS_NOT_CLEARED',
    '照片尚未通过微信图片安全检测',
    uploads.map((u) => ({ photo: u.id, verdict: u.media?.verdict ?? 'pending' })),
  );
}

export interface ViewOptions {
  /** The review note and each photo's check (its author and admins). */
  forAuthorOrAdmin?: boolean;
}

/**
 * Letters as the API shows them: a photo WeChat passed as its lasting URL on the API's own host
 * (GET /photos/{id}, cacheable by anyone); one not passed yet only to its author and admins, as a
 * presigned URL for a while (the bucket is private and the public route serves passed photos only).
 */
export async function letterViews(
  deps: Pick<LetterDeps, 'objects' | 'uploads' | 'config'>,
  letters: LetterRecord[],
  options: ViewOptions = {},
): Promise<LetterView[]> {
  const seconds = deps.config.rules.uploads.viewUrlTtlSeconds;
  const imageIds = (letter: LetterRecord) => imagesOf(letter).map((image) => image.id);
  const checks = options.forAuthorOrAdmin ? new Map((await deps.uploads.getMany(letters.flatMap(imageIds))).map((u) => [u.id, u])) : null;
  return Promise.all(
    letters.map(async (letter) => {
      // Without checks (not the author's or an admin's view) the letter is published: every photo passed.
      const urlOf = async (id: string) =>
        !checks || checks.get(id)?.media?.verdict === 'pass'
          ? deps.objects.viewUrl(id)
          : deps.objects.presignGet(objectKeys.kept(letter.authorId, id), seconds);
      const view = letterView(letter, { withReviewNote: options.forAuthorOrAdmin });
      const [photoUrls, lineItems] = await Promise.all([
        Promise.all(letter.photos.map(urlOf)),
        Promise.all(
          (view.statement?.lineItems ?? []).map(async (item) => (item.receiptPhoto ? { ...item, receiptPhotoUrl: await urlOf(item.receiptPhoto) } : item)),
        ),
      ]);
      return {
        ...view,
        statement: view.statement ? { ...view.statement, lineItems } : null,
        photoUrls,
        ...(checks ? { photoChecks: imageIds(letter).map((id) => ({ id, verdict: checks.get(id)?.media?.verdict ?? ('pending' as const) })) } : {}),
      };
    }),
  );
}

/** A letter as the API shows it, without its photo URLs (letterViews adds them); the review note only to its author and admins. */
function letterView(letter: LetterRecord, options: { withReviewNote?: boolean } = {}): Omit<LetterView, 'photoUrls'> {
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
    retraction: letter.retraction ? { reason: letter.retraction.reason, at: letter.retraction.at } : null,
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
    ...(letter.held ? { held: true } : {}),
  };
}

/** GET /dreams/{id}/letters: the public timeline. */
export async function dreamLetters(deps: LetterDeps, dreamId: string, page: { limit: number; cursor?: string }) {
  const found = await deps.letters.timeline(dreamId, page);
  return { items: await letterViews(deps, found.items), nextCursor: found.nextCursor };
}

/** GET /admin/letters: the review queue, each with its photos' checks. */
export async function letterReviewQueue(deps: LetterDeps, page: { limit: number; cursor?: string }) {
  const found = await deps.letters.reviewQueue(page);
  return { items: await letterViews(deps, found.items, { forAuthorOrAdmin: true }), nextCursor: found.nextCursor };
}

/** GET /charity/dreams/{id}/letters: every letter of a dream, any state, for its adopting charity (or an admin). */
export async function lettersOfMyDream(deps: LetterDeps, caller: { id: string; isAdmin: boolean }, dreamId: string, page: { limit: number; cursor?: string }) {
  // The page first: a malformed cursor is a 400 before any 403/404 (the contract's order), and nothing is shown before the check.
  const found = await deps.letters.ofDream(dreamId, page);
  const dream = await deps.audience.dream(dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  if (dream.charityId !== caller.id && !caller.isAdmin) throw new ForbiddenError('只有认领这个梦想的公益机构可以查看');
  return { items: await letterViews(deps, found.items, { forAuthorOrAdmin: true }), nextCursor: found.nextCursor };
}

/** GET /me/letters: the person's letterbox, newest first, each with its letter, and the exact unread count. */
export async function myLetters(deps: LetterDeps, userId: string, page: { limit: number; cursor?: string }) {
  const [found, unread] = await Promise.all([deps.letterbox.list(userId, page), deps.letterbox.unreadCount(userId)]);
  const records = await deps.letters.getMany(found.items.map((entry) => entry.letterId));
  const letters = new Map((await letterViews(deps, records)).map((l) => [l.id, l]));
  const items: LetterboxItemView[] = [];
  for (const entry of found.items) {
    const letter = letters.get(entry.letterId);
    if (letter) items.push({ letter, dreamTitle: entry.dreamTitle, read: entry.read });
  }
  return { items, nextCursor: found.nextCursor, unread };
}

/** POST /me/letters/{id}/read: 404 when the letter is not in this person's letterbox. */
export async function readLetter(
  deps: Pick<LetterDeps, 'letterbox'> & { notifications: Pick<NotificationRepository, 'markReadAbout'> },
  userId: string,
  letterId: string,
): Promise<void> {
  if (!(await deps.letterbox.markRead(userId, letterId))) throw new NotFoundError('没有这封来信');
  // One letter is one unread thing: opening it also reads the `letter` notification that announced it.
  await deps.notifications.markReadAbout(userId, 'letter', letterId);
}

/** GET /admin/letters/overdue: adopted dreams whose charity has not published by the due date (逾期未反馈), most overdue first. */
export async function overdueDreams(deps: LetterDeps, page: { limit: number; cursor?: string }) {
  const found = await deps.letters.overdue(deps.clock.now().toISOString(), page);
  const items = await Promise.all(
    found.items.map(async (summary) => {
      const dream = await deps.audience.dream(summary.dreamId);
      // Completed dreams keep their summary but are no longer due.
      if (!dream || dream.status !== 'adopted') return null;
      const charity = dream.charityId ? await deps.users.findById(dream.charityId) : null;
      return {
        dream: { id: dream.id, title: dream.title },
        charity: charity ? { id: charity.id, nickname: charity.nickname } : null,
        letters: summary.count,
        lastLetterAt: summary.lastPublishedAt,
        dueAt: summary.dueAt,
      };
    }),
  );
  return { items: items.filter((item) => item !== null), nextCursor: found.nextCursor };
}

/** GET /letters/{id}: a published letter for anyone; one in review or rejected only for its author and admins (404 otherwise). */
export async function getLetter(deps: LetterDeps, letterId: string, callerId: string | null) {
  const letter = await deps.letters.get(letterId);
  const caller = callerId ? await deps.users.findById(callerId) : null;
  const isAdmin = Boolean(caller?.roles.includes('admin'));
  const forAuthorOrAdmin = Boolean(letter && caller && (isAdmin || letter.authorId === caller.id));
  if (!letter || (letter.status !== 'published' && !forAuthorOrAdmin)) throw new NotFoundError('来信不存在');
  const [[view], dream] = await Promise.all([letterViews(deps, [letter], { forAuthorOrAdmin }), deps.audience.dream(letter.dreamId)]);
  return { letter: view, dreamTitle: dream?.title ?? '' };
}
