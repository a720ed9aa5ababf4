import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import sjson from 'secure-json-parse';
import { z, type ZodTypeAny } from 'zod';
import { parseIdempotencyKey, requestHash, type IdempotencyClaim, type IdempotentCompletion, type StoredResponse } from '../domain/idempotency';
import type { MoveResult } from '../domain/ports';
import type { Auth, ResponseOf, RouteContract } from '../contract/route';
import type { AuthenticatedUser } from './auth-token';
import { core } from '../wiring/core';
import { logger } from './log';
import type { UserRecord } from '../domain/user';
import {
  AppError,
  ContentionError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  toErrorResponse,
  UnauthenticatedError,
  ValidationError,
} from './errors';

export { logger };

const retryAfterOf = (body: unknown): number => {
  const seconds = (body as { error?: { details?: { retryAfterSeconds?: unknown } } })?.error?.details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : 60;
};

/** Request bodies larger than this are refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

type Parsed<S> = S extends ZodTypeAny ? z.infer<S> : Record<string, never>;

interface Handling<B, Q, P, R, A extends Auth> {
  handle: (input: {
    body: Parsed<B>;
    query: Parsed<Q>;
    params: Parsed<P>;
    caller: A extends 'required' ? AuthenticatedUser : AuthenticatedUser | null;
    /** The client's address as API Gateway saw it (quotas on what has no account yet, e.g. logins). */
    sourceIp: string;
    /** The body exactly as sent, and the headers lower-cased (what a signature is checked over). */
    rawBody: string;
    /** The body's bytes as sent (API Gateway gives a binary body base64): a photo's multipart form. */
    bodyBytes: Uint8Array;
    headers: Record<string, string | undefined>;
    /**
     * With an Idempotency-Key: what a ledger move needs to store this route's answer in its own
     * transaction, given how the use case presents the move; without one, undefined.
     */
    completeWith: (present: (move: MoveResult) => ResponseOf<R>) => IdempotentCompletion<MoveResult> | undefined;
  }) => Promise<ResponseOf<R>>;
}

/**
 * The edge of every function: the route's contract (functions/contract) gives auth, roles, the
 * schemas and the status; then one zod parse, one use case, one response mapping, one log line.
 * The order of refusals follows the contract: 401, then 400, then 403/404, then the route's 409s. The
 * use case's answer is typed by the contract's response schema, so the two cannot drift.
 */
export function httpRoute<
  B extends ZodTypeAny | undefined,
  Q extends ZodTypeAny | undefined,
  P extends ZodTypeAny | undefined,
  R extends ZodTypeAny | null,
  A extends Auth,
>(contract: RouteContract<B, Q, P, R, A>, handling: Handling<B, Q, P, R, A>) {
  const spec = { ...contract, ...handling };
  const successStatus = spec.status;
  const render = (result: unknown): StoredResponse => (successStatus === 204 ? { status: 204, body: null } : { status: successStatus, body: result });

  const serve = async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const method = event.requestContext?.http?.method ?? 'GET';
    const path = event.rawPath ?? '/';
    let claim: IdempotencyClaim | null = null;
    let response: StoredResponse;
    let failure: unknown;
    try {
      const headers = lowerCaseHeaders(event.headers);
      const app = await core();
      if (spec.localStagesOnly && !app.config.isLocalStage) throw new NotFoundError();
      const authorization = headers['authorization'];
      let caller: AuthenticatedUser | null = null;
      if (spec.auth === 'required' || authorization !== undefined) caller = await app.tokens.verify(authorization);
      // A token must name an open account (401 otherwise). Accounts can be closed at any moment,
      // also through another instance, so the profile is read on every request, never remembered.
      let stored: UserRecord | null = null;
      if (caller) {
        stored = await app.users.findById(caller.userId);
        if (!stored || stored.closedAt) throw new UnauthenticatedError('登录凭证无效');
      }

      const sent = parseJsonBody(event, spec.body !== undefined);
      const body = parseWith(spec.body, sent, 'body');
      const query = parseWith(spec.query, event.queryStringParameters ?? {}, 'query');
      const params = parseWith(spec.params, event.pathParameters ?? {}, 'path');
      const idempotencyKey = spec.idempotent ? parseIdempotencyKey(headers['idempotency-key']) : undefined;

      if (spec.roles && caller) {
        const roles = (stored ?? (await app.users.findById(caller.userId)))?.roles ?? [];
        if (!spec.roles.some((role) => roles.includes(role))) throw new ForbiddenError();
      }

      if (idempotencyKey && caller) {
        // The request as sent, not as parsed: an extra field makes it a different request.
        const outcome = await app.idempotency.claim({ userId: caller.userId, method, path, key: idempotencyKey }, requestHash(sent));
        if (outcome.kind === 'mismatch') throw new IdempotencyKeyReusedError();
        if (outcome.kind === 'replay') return toResult(outcome.response, path, { replayed: true });
        claim = outcome.claim;
      }

      const handedOut: IdempotentCompletion<MoveResult>[] = [];
      try {
        const held = claim;
        const completeWith = (present: (move: MoveResult) => unknown) => {
          if (!held) return undefined;
          const completion: IdempotentCompletion<MoveResult> = { claim: held, render: (move) => render(present(move)) };
          handedOut.push(completion);
          return completion;
        };
        const result = await spec.handle({
          body: body as never,
          query: query as never,
          params: params as never,
          caller: caller as never,
          sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
          rawBody: rawBodyOf(event),
          bodyBytes: event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : new Uint8Array(),
          headers,
          completeWith: completeWith as never,
        });
        response = render(result);
      } catch (err) {
        // A 5xx or a 429 is not the request's final answer: the claim is given back for a retry.
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 429) throw err;
        failure = err;
        response = toErrorResponse(err);
      }
      // A move that stored the response in its own transaction has finalized the claim already.
      if (claim && !handedOut.some((completion) => completion.stored)) await app.idempotency.complete(claim, response);
    } catch (err) {
      failure = err;
      response = toErrorResponse(err);
      if (claim) await (await core()).idempotency.release(claim).catch(() => undefined);
    }
    logOnce(method, path, response.status, started, failure, context);
    return toResult(response, path);
  };

  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const budget = context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS : Infinity;
    if (!Number.isFinite(budget)) return serve(event, context);
    // Answer well before the function's timeout, so that a timeout never speaks for the API. The
    // work goes on: an idempotency claim stays held and is completed by it (a repeat waits for it
    // or replays its answer), so a 503 here never lets a move happen twice.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<APIGatewayProxyStructuredResultV2>((done) => {
      timer = setTimeout(
        () => {
          const busy = new ContentionError();
          logOnce(event.requestContext?.http?.method ?? 'GET', event.rawPath ?? '/', 503, started, busy, context);
          done(toResult(toErrorResponse(busy), event.rawPath ?? '/'));
        },
        Math.max(0, budget),
      );
    });
    try {
      return await Promise.race([serve(event, context), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** How long before the function's timeout the edge answers 503 itself. */
const DEADLINE_MARGIN_MS = 4_000;

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function rawBodyOf(event: APIGatewayProxyEventV2): string {
  return event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
}

function parseJsonBody(event: APIGatewayProxyEventV2, expectsBody: boolean): unknown {
  if (!expectsBody) return {};
  const raw = rawBodyOf(event);
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new ValidationError('请求体过大');
  if (raw.trim() === '') throw new ValidationError('请求体必须是 JSON 对象');
  try {
    // secure-json-parse refuses __proto__ / constructor.prototype keys (prototype poisoning).
    return sjson.parse(raw, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (cause) {
    throw new ValidationError('请求体不是合法的 JSON', undefined, { cause });
  }
}

function parseWith<S extends ZodTypeAny | undefined>(schema: S, value: unknown, where: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    '请求参数不正确',
    result.error.issues.map((issue) => ({ in: where, path: issue.path, message: issue.message })),
  );
}

/** Paths whose answers are about one person: no cache (a browser's or a proxy's) may keep them. */
const PERSONAL_PATH = /^\/(me|admin|charity)(\/|$)/;

function toResult(response: StoredResponse, path: string, flags: { replayed?: boolean } = {}): APIGatewayProxyStructuredResultV2 {
  // nosniff: a browser must take every answer as the JSON it says it is, never guess HTML from it.
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };
  if (PERSONAL_PATH.test(path)) headers['cache-control'] = 'no-store';
  if (flags.replayed) headers['idempotent-replayed'] = 'true';
  // A 503 is "busy, try again", a 429 "not yet": say when (RFC 9110 Retry-After).
  if (response.status === 503) headers['retry-after'] = '1';
  if (response.status === 429) headers['retry-after'] = String(retryAfterOf(response.body));
  if (response.status === 204) return { statusCode: 204, headers, body: '' };
  return { statusCode: response.status, headers, body: JSON.stringify(response.body) };
}

/**
 * The request's one log line, with its request id. A failure is logged whole, its `cause` (the SDK's
 * or WeChat's error a typed error stands for) included, structured by the logger; the response
 * body never carries either.
 */
function logOnce(method: string, path: string, status: number, started: number, failure: unknown, context?: Context) {
  const entry = { method, path, status, durationMs: Date.now() - started, requestId: context?.awsRequestId };
  if (status >= 500) logger.error('request failed', { ...entry, error: failure as Error });
  else if (failure instanceof AppError)
    logger.info('request refused', { ...entry, code: failure.code, ...(failure.cause === undefined ? {} : { cause: failure.cause }) });
  else logger.info('request served', entry);
}
