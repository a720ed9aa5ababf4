import type { AssemblyView, QuestionView } from '../contract/assemblies';
import type { AssemblyRecord, CountedQuestion } from '../domain/assembly';
import type { Viewer } from './assemblies';

/** A held title, answer or minutes shows to the charity that wrote it and to admins only. */
const maySeeHeldOf = (viewer: Viewer | null, writerId: string | undefined): boolean => !!viewer && (viewer.isAdmin || viewer.userId === writerId);

/**
 * What the contract shows of an assembly. The meeting link goes to the charity that holds it and
 * to admins; everyone else gets it from POST /assemblies/{id}/join, which counts them.
 */
export function assemblyView(assembly: AssemblyRecord, attendance: number, viewer: Viewer | null): AssemblyView {
  const maySeeLink = !!viewer && (viewer.isAdmin || viewer.userId === assembly.charityId);
  // Held minutes read as not yet written for everyone else; a held assembly never reaches them (404).
  const minutesHeld = !!assembly.minutesHeld && maySeeHeldOf(viewer, assembly.charityId);
  const hideMinutes = !!assembly.minutesHeld && !minutesHeld;
  return {
    id: assembly.id,
    dreamId: assembly.dreamId,
    title: assembly.title,
    startsAt: assembly.startsAt,
    meetingUrl: maySeeLink ? assembly.meetingUrl : null,
    questionsCloseAt: assembly.questionsCloseAt,
    status: assembly.status,
    minutes: hideMinutes ? null : assembly.minutes,
    statementLetterId: assembly.statementLetterId,
    attendance,
    questionCount: assembly.questionCount,
    createdAt: assembly.createdAt,
    closedAt: assembly.closedAt,
    ...(assembly.held || minutesHeld ? { held: true } : {}),
    ...(minutesHeld ? { minutesHeld: true } : {}),
  };
}

/**
 * What the contract shows of a question: report counts to admins only; `mine` and `voted` for the
 * caller. A held answer shows to admins and to `answerWriterId` (the assembly's charity) only;
 * without it only admins see one.
 */
export function questionView(question: CountedQuestion, viewer: Viewer | null, voted: ReadonlySet<string> = new Set(), answerWriterId?: string): QuestionView {
  const answerHeld = !!question.answerHeld && maySeeHeldOf(viewer, answerWriterId);
  const hideAnswer = !!question.answerHeld && !answerHeld;
  return {
    id: question.id,
    assemblyId: question.assemblyId,
    text: question.text,
    votes: question.votes,
    askedAt: question.askedAt,
    status: question.status,
    answer: hideAnswer ? null : question.answer,
    answeredAt: hideAnswer ? null : question.answeredAt,
    answerLine: hideAnswer ? null : question.answerLine,
    hidden: question.hidden || question.removed || question.held,
    ...(viewer?.isAdmin ? { reportCount: question.reportCount } : {}),
    mine: !!viewer && viewer.userId === question.authorId,
    voted: voted.has(question.id),
    ...(question.held || answerHeld ? { held: true } : {}),
    ...(answerHeld ? { answerHeld: true } : {}),
  };
}
