import type { AssemblyView, QuestionView } from '../contract/assemblies';
import type { AssemblyRecord, CountedQuestion } from '../domain/assembly';
import type { Viewer } from './assemblies';

/**
 * What the contract shows of an assembly. The meeting link goes to the charity that holds it and
 * to admins; everyone else gets it from POST /assemblies/{id}/join, which counts them.
 */
export function assemblyView(assembly: AssemblyRecord, attendance: number, viewer: Viewer | null): AssemblyView {
  const maySeeLink = !!viewer && (viewer.isAdmin || viewer.userId === assembly.charityId);
  return {
    id: assembly.id,
    dreamId: assembly.dreamId,
    title: assembly.title,
    startsAt: assembly.startsAt,
    meetingUrl: maySeeLink ? assembly.meetingUrl : null,
    questionsCloseAt: assembly.questionsCloseAt,
    status: assembly.status,
    minutes: assembly.minutes,
    statementLetterId: assembly.statementLetterId,
    attendance,
    questionCount: assembly.questionCount,
    createdAt: assembly.createdAt,
    closedAt: assembly.closedAt,
  };
}

/** What the contract shows of a question: report counts to admins only; `mine` and `voted` for the caller. */
export function questionView(question: CountedQuestion, viewer: Viewer | null, voted: ReadonlySet<string> = new Set()): QuestionView {
  return {
    id: question.id,
    assemblyId: question.assemblyId,
    text: question.text,
    votes: question.votes,
    askedAt: question.askedAt,
    status: question.status,
    answer: question.answer,
    answeredAt: question.answeredAt,
    answerLine: question.answerLine,
    hidden: question.hidden || question.removed || question.held,
    ...(viewer?.isAdmin ? { reportCount: question.reportCount } : {}),
    mine: !!viewer && viewer.userId === question.authorId,
    voted: voted.has(question.id),
    ...(question.held ? { held: true } : {}),
  };
}
