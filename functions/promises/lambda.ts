import { routeTable } from '../shared/route-table';
import { pollRoutes } from '../polls/lambda';
import { handler as dreamPromises } from './dream-promises-handler';
import { handler as makePromise } from './make-handler';
import { handler as settlePromise } from './settle-handler';

export const promiseRoutes = {
  'POST /assemblies/{id}/promises': makePromise,
  'POST /promises/{id}/status': settlePromise,
  'GET /dreams/{id}/promises': dreamPromises,
};

/**
 * The `assemblyExtras` function of serverless.yml: promises and live polls, the assembly's small
 * additions, share one function (same table rights, same bundle needs); each route keeps its own
 * thin handler.
 */
export const handler = routeTable({ ...promiseRoutes, ...pollRoutes });
