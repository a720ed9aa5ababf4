import { ulid } from 'ulid';
import type { AnswerQuestionBody, ScheduleAssemblyBody } from '../contract/assemblies';
import {
  alreadyAnswered,
  alreadyReported,
  alreadyVoted,
  assemblyClosed,
  hiddenByReports,
  HOLDS_ASSEMBLIES,
  isShown,
  mayJoin,
  joinOpensAt,
  mustAnswerBlockers,
  notStarted,
  orderQuestions,
  questionIdFor,
  questionsClosed,
  questionsOpen,
  reviewOutcome,
  scheduleProblem,
  unansweredQuestions,
  type AssemblyRecord,
  type AssemblyStore,
  type CountedQuestion,
  type DreamDonors,
  type QuestionRecord,
  type StatementLine,
} from '../domain/assembly';
import { assertNotOwnWork, auditRecord, type AuditActor } from '../domain/audit';
import { checkPublicText, mayReadHeld, queueIfHeld, SCENE, type HeldTextStore, type PublicTextVerdict } from '../domain/content-safety';
import type { DreamRecord } from '../domain/dream';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../domain/errors';
import type { DreamAudienceReader } from '../domain/fanout';
import type { LetterRecord, LetterRepository } from '../domain/letter';
import type { Clock, UserRepository } from '../domain/ports';
import type { ContentSafetyPort } from '../domain/wechat';
import type { Rules } from '../shared/config';

/**
 * Donor assemblies: the adopting charity schedules and answers; donors of the dream ask, vote and
 * report; anyone reads. The rules are the domain's (domain/assembly.ts); this orders the checks
 * as the contract does (400, then 403/404, then the route's 409s) and writes.
 */
export interface AssemblyDeps {
  clock: Clock;
  assemblies: AssemblyStore;
  donors: DreamDonors;
  audience: Pick<DreamAudienceReader, 'dream'>;
  letters: Pick<LetterRepository, 'get'>;
  users: Pick<UserRepository, 'findById'>;
  contentSafety: ContentSafetyPort;
  heldTexts: HeldTextStore;
  config: { rules: Pick<Rules, 'assemblies'> };
}

/** Who is looking: signed in or not, and whether they are an admin. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

export async function viewerOf(deps: Pick<AssemblyDeps, 'users'>, userId: string | null): Promise<Viewer | null> {
  if (!userId) return null;
  const user = await deps.users.findById(userId);
  return { userId, isAdmin: !!user?.roles.includes('admin') };
}

async function dreamOf(deps: AssemblyDeps, dreamId: string): Promise<DreamRecord> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream) throw new NotFoundError('梦想不存在');
  return dream;
}

async function assemblyOf(deps: AssemblyDeps, assemblyId: string): Promise<AssemblyRecord> {
  const assembly = await deps.assemblies.get(assemblyId);
  if (!assembly) throw new NotFoundError('股东大会不存在');
  return assembly;
}

/** An assembly whose title is held exists for its charity and admins only: anyone else reads it as absent. */
const mayRead = (assembly: AssemblyRecord, viewer: Viewer | null): boolean => mayReadHeld(assembly, assembly.charityId, viewer);

async function readableAssemblyOf(deps: AssemblyDeps, assemblyId: string, viewer: Viewer | null): Promise<AssemblyRecord> {
  const assembly = await assemblyOf(deps, assemblyId);
  if (!mayRead(assembly, viewer)) throw new NotFoundError('股东大会不存在');
  return assembly;
}

/** Admins are not needed to tell: a person acting on an assembly only reaches a held one if it is their own. */
const asPerson = (userId: string): Viewer => ({ userId, isAdmin: false });

/** A question anyone may act on: removed ones are gone for everyone but their author and admins. */
async function questionOf(deps: AssemblyDeps, questionId: string): Promise<QuestionRecord> {
  const question = await deps.assemblies.question(questionId);
  if (!question || question.removed) throw new NotFoundError('问题不存在');
  return question;
}

/**
 * WeChat's text check of what the charity publishes: risky is refused; a text the check sends to a
 * person (or cannot check now) is stored held, for the charity and admins only until an admin clears it.
 */
async function checkCharityText(deps: AssemblyDeps, writerId: string, texts: string[]): Promise<PublicTextVerdict> {
  const writer = await deps.users.findById(writerId);
  return checkPublicText(deps, { openid: writer?.openid ?? '' }, texts, SCENE.forum);
}

const notCharity = () => new ForbiddenError('只有认领这个梦想的公益机构可以操作');

/** POST /dreams/{id}/assemblies: the adopting charity schedules; the stream invites every donor. */
export async function scheduleAssembly(deps: AssemblyDeps, charityId: string, dreamId: string, input: ScheduleAssemblyBody): Promise<AssemblyRecord> {
  const badSchedule = scheduleProblem(input);
  if (badSchedule) throw badSchedule;
  const dream = await dreamOf(deps, dreamId);
  if (dream.charityId !== charityId) throw notCharity();
  if (input.statementLetterId) await publishedStatement(deps, dream.id, input.statementLetterId, 'statementLetterId');
  const verdict = await checkCharityText(deps, charityId, [input.title]);
  if (!HOLDS_ASSEMBLIES.has(dream.status)) throw new RuleViolation('NOT_ADOPTED', '梦想被认领后才能召开公益股东大会');
  const assembly: AssemblyRecord = {
    id: ulid(),
    dreamId: dream.id,
    charityId,
    title: input.title,
    startsAt: new Date(input.startsAt).toISOString(),
    questionsCloseAt: new Date(input.questionsCloseAt).toISOString(),
    meetingUrl: input.meetingUrl ?? null,
    statementLetterId: input.statementLetterId ?? null,
    status: 'scheduled',
    minutes: null,
    createdAt: deps.clock.now().toISOString(),
    closedAt: null,
    questionCount: 0,
    attendanceShards: deps.config.rules.assemblies.voteShards,
    // Flagged in its first write: the stream's INSERT of a held assembly invites nobody yet.
    ...(verdict.held ? { held: true } : {}),
  };
  await deps.assemblies.create(assembly);
  await queueIfHeld(deps, verdict, { kind: 'assembly', targetId: assembly.id, text: assembly.title, writerId: charityId });
  return assembly;
}

/** A published, not retracted letter of this dream with a statement (400 otherwise, naming the field). */
async function publishedStatement(
  deps: AssemblyDeps,
  dreamId: string,
  letterId: string,
  field: string,
): Promise<LetterRecord & { statement: NonNullable<LetterRecord['statement']> }> {
  const letter = await deps.letters.get(letterId);
  if (!letter || letter.dreamId !== dreamId || letter.status !== 'published' || letter.retraction || !letter.statement) {
    throw new ValidationError('请选择这个梦想已发布的账目来信', [{ in: 'body', path: field.split('.'), message: 'not a published statement of this dream' }]);
  }
  return letter as LetterRecord & { statement: NonNullable<LetterRecord['statement']> };
}

async function statementLine(deps: AssemblyDeps, dreamId: string, line: StatementLine): Promise<StatementLine> {
  const letter = await publishedStatement(deps, dreamId, line.letterId, 'line.letterId');
  if (line.lineIndex >= letter.statement.lineItems.length) {
    throw new ValidationError('账目中没有这一行', [
      { in: 'body', path: ['line', 'lineIndex'], message: `the statement has ${letter.statement.lineItems.length} lines` },
    ]);
  }
  return { letterId: line.letterId, lineIndex: line.lineIndex };
}

/** GET /assemblies/{id}: the assembly and its questions, most votes first; hidden ones for their author and admins only. */
export async function readAssembly(deps: AssemblyDeps, assemblyId: string, viewer: Viewer | null) {
  const assembly = await readableAssemblyOf(deps, assemblyId, viewer);
  const all = await deps.assemblies.questions(assembly.id);
  const visible = all.filter((question) => isShown(question) || (viewer && (viewer.isAdmin || viewer.userId === question.authorId)));
  const [counted, attendance, voted] = await Promise.all([
    withVotes(deps, visible),
    deps.assemblies.attendance(assembly),
    viewer
      ? deps.assemblies.votedBy(
          viewer.userId,
          visible.map((question) => question.id),
        )
      : Promise.resolve(new Set<string>()),
  ]);
  return { assembly, attendance, questions: orderQuestions(counted), voted };
}

async function withVotes(deps: AssemblyDeps, questions: readonly QuestionRecord[]): Promise<CountedQuestion[]> {
  const counts = await deps.assemblies.voteCounts(questions);
  return questions.map((question) => ({ ...question, votes: counts.get(question.id) ?? 0 }));
}

/** GET /dreams/{id}/assemblies: public; each with its attendance; a held one for its charity and admins only. */
export async function dreamAssemblies(deps: AssemblyDeps, dreamId: string, viewer: Viewer | null, page: { limit: number; cursor?: string }) {
  // The page first: a malformed cursor is a 400, which comes before the dream's 404.
  const found = await deps.assemblies.listForDream(dreamId, page);
  await dreamOf(deps, dreamId);
  const items = await Promise.all(
    found.items.filter((assembly) => mayRead(assembly, viewer)).map(async (assembly) => ({ assembly, attendance: await deps.assemblies.attendance(assembly) })),
  );
  return { items, nextCursor: found.nextCursor };
}

/** POST /assemblies/{id}/join: the person is counted once; the link is theirs from 10 minutes before the start. */
export async function joinAssembly(deps: AssemblyDeps, userId: string, assemblyId: string): Promise<{ meetingUrl: string | null }> {
  const assembly = await readableAssemblyOf(deps, assemblyId, asPerson(userId));
  const now = deps.clock.now();
  if (!mayJoin(assembly, now)) throw notStarted(joinOpensAt(assembly));
  if (assembly.status === 'closed') throw assemblyClosed();
  await deps.assemblies.join(assembly, userId, now.toISOString());
  return { meetingUrl: assembly.meetingUrl };
}

/** A donor of the dream; 403 for anyone else. */
async function assertDonor(deps: AssemblyDeps, dreamId: string, userId: string): Promise<void> {
  const dream = await dreamOf(deps, dreamId);
  if (!(await deps.donors.isDonor(dream, userId))) throw new ForbiddenError('只有支持过这个梦想的人可以参与');
}

/** POST /assemblies/{id}/questions: a donor asks; a text WeChat wants a person to see waits hidden for an admin. */
export async function askQuestion(deps: AssemblyDeps, userId: string, assemblyId: string, text: string): Promise<CountedQuestion> {
  const assembly = await readableAssemblyOf(deps, assemblyId, asPerson(userId));
  await assertDonor(deps, assembly.dreamId, userId);
  const now = deps.clock.now();
  if (!questionsOpen(assembly, now)) throw questionsClosed();
  const author = await deps.users.findById(userId);
  const verdict = await checkPublicText(deps, { openid: author?.openid ?? '' }, [text], SCENE.forum);
  const question: QuestionRecord = {
    id: questionIdFor(assembly.id, ulid()),
    assemblyId: assembly.id,
    dreamId: assembly.dreamId,
    authorId: userId,
    text,
    askedAt: now.toISOString(),
    status: 'open',
    answer: null,
    answeredAt: null,
    answerLine: null,
    hidden: false,
    removed: false,
    restored: false,
    reportCount: 0,
    held: verdict.held,
    voteShards: deps.config.rules.assemblies.voteShards,
  };
  await deps.assemblies.addQuestion(question);
  await queueIfHeld(deps, verdict, { kind: 'question', targetId: question.id, text, writerId: userId });
  return { ...question, votes: 0 };
}

/** POST /questions/{id}/votes: one vote per donor per question, never on one's own. */
export async function voteQuestion(deps: AssemblyDeps, userId: string, questionId: string): Promise<CountedQuestion> {
  const question = await questionOf(deps, questionId);
  if (question.authorId === userId) throw new ForbiddenError('不能给自己的问题投票');
  // The donor check and the assembly's read at once: a vote is the hot path of an assembly.
  const [, assembly] = await Promise.all([assertDonor(deps, question.dreamId, userId), assemblyOf(deps, question.assemblyId)]);
  const now = deps.clock.now();
  if (!questionsOpen(assembly, now)) throw questionsClosed();
  if (!(await deps.assemblies.vote(question, userId, now.toISOString()))) throw alreadyVoted();
  const [counted] = await withVotes(deps, [question]);
  return counted;
}

/** POST /questions/{id}/reports: once per donor; from rules.assemblies.reportsToHide on, hidden for an admin's look. */
export async function reportQuestion(deps: AssemblyDeps, userId: string, questionId: string, reason: string | null): Promise<void> {
  const question = await questionOf(deps, questionId);
  await assertDonor(deps, question.dreamId, userId);
  const now = deps.clock.now().toISOString();
  const reportCount = await deps.assemblies.report(question, userId, reason, now);
  if (reportCount === null) throw alreadyReported();
  if (hiddenByReports({ ...question, reportCount }, deps.config.rules.assemblies.reportsToHide)) await deps.assemblies.hideForReview(question, now);
}

/** POST /questions/{id}/answer: the adopting charity answers or declines (the answer is the reason), until the minutes. */
export async function answerQuestion(deps: AssemblyDeps, charityId: string, questionId: string, input: AnswerQuestionBody): Promise<CountedQuestion> {
  const question = await questionOf(deps, questionId);
  const assembly = await assemblyOf(deps, question.assemblyId);
  if (assembly.charityId !== charityId) throw notCharity();
  const answerLine = input.line ? await statementLine(deps, assembly.dreamId, input.line) : null;
  const verdict = await checkCharityText(deps, charityId, [input.answer]);
  if (assembly.status === 'closed') throw assemblyClosed();
  const answer = {
    status: input.decline ? ('declined' as const) : ('answered' as const),
    answer: input.answer,
    answeredAt: deps.clock.now().toISOString(),
    answerLine,
    ...(verdict.held ? { answerHeld: true } : {}),
  };
  if (!(await deps.assemblies.answer(question, answer))) throw alreadyAnswered();
  await queueIfHeld(deps, verdict, { kind: 'answer', targetId: question.id, text: input.answer, writerId: charityId });
  const [counted] = await withVotes(deps, [{ ...question, ...answer }]);
  return counted;
}

/** POST /assemblies/{id}/minutes: closes the assembly once the most-voted questions are answered. */
export async function publishMinutes(deps: AssemblyDeps, charityId: string, assemblyId: string, minutes: string): Promise<AssemblyRecord> {
  const assembly = await assemblyOf(deps, assemblyId);
  if (assembly.charityId !== charityId) throw notCharity();
  const verdict = await checkCharityText(deps, charityId, [minutes]);
  const blockers = mustAnswerBlockers(await withVotes(deps, await deps.assemblies.questions(assembly.id)), deps.config.rules.assemblies.mustAnswer);
  if (blockers.length > 0) throw unansweredQuestions(blockers);
  const at = deps.clock.now().toISOString();
  if (assembly.status === 'closed' || !(await deps.assemblies.close(assembly.id, minutes, at, verdict.held))) throw assemblyClosed();
  await queueIfHeld(deps, verdict, { kind: 'minutes', targetId: assembly.id, text: minutes, writerId: charityId });
  return { ...assembly, status: 'closed', minutes, closedAt: at, ...(verdict.held ? { minutesHeld: true } : {}) };
}

/** POST /admin/questions/{id}/review: an admin (not its author) restores or removes a question waiting for a look; audited. */
export async function reviewQuestion(deps: AssemblyDeps, actor: AuditActor, questionId: string, decision: 'restore' | 'remove'): Promise<CountedQuestion> {
  const question = await deps.assemblies.question(questionId);
  if (!question) throw new NotFoundError('问题不存在');
  assertNotOwnWork(actor, question.authorId, '问题');
  const outcome = reviewOutcome(decision);
  const audit = auditRecord(deps.clock.now(), actor, {
    action: decision === 'restore' ? 'question.restore' : 'question.remove',
    targetType: 'question',
    targetId: question.id,
    detail: question.text.slice(0, 100),
    reason: null,
  });
  if (!(await deps.assemblies.review(question, outcome, audit))) throw new NotFoundError('这个问题不在待处理列表中');
  const [counted] = await withVotes(deps, [{ ...question, ...outcome }]);
  return counted;
}

/** GET /admin/questions/reported: what waits for an admin's look, with where it was asked. */
export async function reportedQuestions(deps: AssemblyDeps, page: { limit: number; cursor?: string }) {
  const found = await deps.assemblies.reported(page);
  const counted = await withVotes(deps, found.items);
  const assemblies = new Map<string, AssemblyRecord | null>();
  for (const question of counted) if (!assemblies.has(question.assemblyId)) assemblies.set(question.assemblyId, await deps.assemblies.get(question.assemblyId));
  return {
    items: counted.map((question) => ({ question, assembly: assemblies.get(question.assemblyId) ?? null })),
    nextCursor: found.nextCursor,
  };
}
