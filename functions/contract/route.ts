import type { z, ZodTypeAny } from 'zod';
import type { Role } from './enums';

export type Auth = 'required' | 'optional' | 'none';

/** A refusal a route can answer, besides the ones every route of its kind has (see openapi.ts). */
export interface RouteError {
  status: 400 | 401 | 403 | 404 | 409 | 429 | 503;
  code: string;
  /** When it happens, in a sentence. */
  when: string;
}

/**
 * One route of the API: what the handler parses and answers, what the OpenAPI document says, and
 * what the API tests check every answer against. The handler takes it whole (shared/http.ts).
 */
export interface RouteContract<
  B extends ZodTypeAny | undefined = ZodTypeAny | undefined,
  Q extends ZodTypeAny | undefined = ZodTypeAny | undefined,
  P extends ZodTypeAny | undefined = ZodTypeAny | undefined,
  R extends ZodTypeAny | null = ZodTypeAny | null,
  A extends Auth = Auth,
> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway's form: `/dreams/{id}`. */
  path: string;
  summary: string;
  /** `fixed`: part of the contract that never changes; `added`: added by this project (docs/api.md shows which). */
  source: 'fixed' | 'added';
  tag: string;
  auth: A;
  /** Roles of which the caller needs at least one, checked against the stored user (403 otherwise). */
  roles?: readonly Role[];
  /** Honours the Idempotency-Key header (a POST that moves flowers or money). */
  idempotent?: boolean;
  /** Answers without the edge (shared/http.ts), so a token sent is not even read. */
  withoutEdge?: true;
  /** Refusals are WeChat Pay's `{"code":"FAIL","message":…}`, not the API's envelope (its notification URL). */
  wechatpayErrors?: true;
  /** The success body is sent as text/plain (WeChat's push wants the bare word `success`). */
  rawText?: true;
  /** Exists only when STAGE is local or test; elsewhere 404 like an unknown route. */
  localStagesOnly?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  status: 200 | 201 | 204;
  /** The success body; null for 204. */
  response: R;
  /** A 202's body: the request is understood, but what it asks for is not ready yet (ask again). */
  accepted?: ZodTypeAny;
  errors?: readonly RouteError[];
}

/** Keeps the literal types of a route (its schemas and auth) for the handler that serves it. */
export function route<
  B extends ZodTypeAny | undefined = undefined,
  Q extends ZodTypeAny | undefined = undefined,
  P extends ZodTypeAny | undefined = undefined,
  R extends ZodTypeAny | null = ZodTypeAny,
  A extends Auth = Auth,
>(contract: RouteContract<B, Q, P, R, A>): RouteContract<B, Q, P, R, A> {
  return contract;
}

/** What a response schema answers: its parsed type, or nothing for a 204 (null). */
export type ResponseOf<S> = S extends ZodTypeAny ? z.infer<S> : void;
/** What a route answers on success (the app types its requests with these). */
export type AnswerOf<R> = R extends { response: infer S } ? ResponseOf<S> : never;
/** What a route's body may be, as a client sends it (defaults not yet applied). */
export type BodyOf<R> = R extends { body?: infer S } ? (S extends ZodTypeAny ? z.input<S> : never) : never;
/** A route's query, as a client sends it. */
export type QueryOf<R> = R extends { query?: infer S } ? (S extends ZodTypeAny ? z.input<S> : never) : never;
