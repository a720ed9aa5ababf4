// The generator first, as in the handler (its extension must load before any schema module).
import { refusalsOf } from '../../functions/contract/openapi';
import { errorBody } from '../../functions/contract/common';
import type { RouteContract } from '../../functions/contract/route';
import { ALL_ROUTES } from '../../functions/contract/routes';
import { isDeepStrictEqual } from 'node:util';

const matchers = ALL_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(
    `^${route.path
      .replace(/[.]/g, '\\.')
      .replace(/\{[^}]+\+\}/g, '.+')
      .replace(/\{[^}]+\}/g, '[^/]+')}$`,
  ),
}));

/** The contract route a request went to, by method and path (query left out). */
export function routeOf(method: string, path: string): RouteContract | undefined {
  const bare = path.split('?')[0];
  return matchers.find((m) => m.route.method === method && m.pattern.test(bare))?.route;
}

/**
 * What is wrong with an answer, measured against the contract (null: nothing). A success must
 * parse with the route's response schema and carry no field the schema does not name; a refusal
 * must be the envelope, with a status and code the route documents.
 */
export function contractProblem(method: string, path: string, status: number, body: unknown, text?: string): string | null {
  const route = routeOf(method, path);
  if (!route) return status === 404 ? null : `no route in the contract for ${method} ${path}`;
  if (status === route.status && route.rawText) {
    return route.response?.safeParse(text).success ? null : 'the text answer does not match the contract';
  }
  if (status === 202 && route.accepted) {
    return route.accepted.safeParse(body).success ? null : 'the 202 answer does not match the contract';
  }
  if (status === route.status) {
    if (!route.response) return body === undefined ? null : 'a 204 carries no body';
    const parsed = route.response.safeParse(body);
    if (!parsed.success) return `the answer does not match the contract: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
    // zod drops fields it does not know; a difference is a field the contract does not name.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) return 'the answer has fields the contract does not name';
    return null;
  }
  if (route.wechatpayErrors) {
    const fail = body as { code?: unknown; message?: unknown } | undefined;
    return fail?.code === 'FAIL' && typeof fail.message === 'string' && status >= 400 && status < 600
      ? null
      : `a ${status} without WeChat Pay's {code: FAIL, message}`;
  }
  const envelope = errorBody.safeParse(body);
  if (!envelope.success) return `a ${status} without the error envelope`;
  const documented = [...refusalsOf(route), { status: 503, code: 'BUSY_TRY_AGAIN' }];
  // 404 is every path-id route's (an unknown id) and every route's for unknown paths.
  if (status === 404 && envelope.data.error.code === 'NOT_FOUND' && route.params) return null;
  if (!documented.some((r) => r.status === status && r.code === envelope.data.error.code)) {
    return `${status} ${envelope.data.error.code} is not documented for ${route.method} ${route.path}`;
  }
  return null;
}
