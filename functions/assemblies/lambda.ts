import { routeTable } from '../shared/route-table';
import { handler as answerQuestion } from './answer-handler';
import { handler as askQuestion } from './ask-handler';
import { handler as dreamAssemblies } from './dream-list-handler';
import { handler as getAssembly } from './get-handler';
import { handler as joinAssembly } from './join-handler';
import { handler as publishMinutes } from './minutes-handler';
import { handler as reportQuestion } from './report-handler';
import { handler as reportedQuestions } from './reported-handler';
import { handler as reviewQuestion } from './review-handler';
import { handler as scheduleAssembly } from './schedule-handler';
import { handler as voteQuestion } from './vote-handler';

/** The `assemblies` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /dreams/{id}/assemblies': scheduleAssembly,
  'GET /dreams/{id}/assemblies': dreamAssemblies,
  'GET /assemblies/{id}': getAssembly,
  'POST /assemblies/{id}/join': joinAssembly,
  'POST /assemblies/{id}/questions': askQuestion,
  'POST /assemblies/{id}/minutes': publishMinutes,
  'POST /questions/{id}/votes': voteQuestion,
  'POST /questions/{id}/reports': reportQuestion,
  'POST /questions/{id}/answer': answerQuestion,
  'POST /admin/questions/{id}/review': reviewQuestion,
  'GET /admin/questions/reported': reportedQuestions,
});
