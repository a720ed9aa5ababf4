import { routeTable } from '../shared/route-table';
import { handler as answerPoll } from './answer-handler';
import { handler as assemblyPolls } from './assembly-polls-handler';
import { handler as closePoll } from './close-handler';
import { handler as openPoll } from './open-handler';

/** The live polls' routes; the `assemblyExtras` function serves them with the promises' (functions/promises/lambda.ts). */
export const pollRoutes = {
  'POST /assemblies/{id}/polls': openPoll,
  'POST /polls/{id}/close': closePoll,
  'POST /polls/{id}/answers': answerPoll,
  'GET /assemblies/{id}/polls': assemblyPolls,
};

export const handler = routeTable(pollRoutes);
