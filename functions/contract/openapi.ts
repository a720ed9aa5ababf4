// This import must stay first: schemas built after it carry their OpenAPI facts (schema-kit.ts).
import './openapi-extension';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorBody } from './common';
import type { RouteContract, RouteError } from './route';
import { ALL_ROUTES } from './routes';

/** The refusals every route of a kind has (the contract's conventions, docs/api.md), besides its own. */
export function refusalsOf(route: RouteContract): RouteError[] {
  const refusals: RouteError[] = [];
  if (route.body || route.query || route.params || route.idempotent) {
    refusals.push({ status: 400, code: 'VALIDATION_FAILED', when: 'malformed JSON, wrong types, out-of-range values, unknown enum values' });
  }
  if (route.auth === 'required') refusals.push({ status: 401, code: 'UNAUTHENTICATED', when: 'missing, malformed, forged or expired token' });
  // A public route still checks a token that is sent (the edge reads every Authorization header).
  if (route.auth !== 'required' && !route.withoutEdge) refusals.push({ status: 401, code: 'UNAUTHENTICATED', when: 'a token was sent and it is not valid' });
  if (route.roles) refusals.push({ status: 403, code: 'FORBIDDEN', when: `the caller is not ${route.roles.join(' or ')}` });
  if (route.localStagesOnly) refusals.push({ status: 404, code: 'NOT_FOUND', when: 'STAGE is neither local nor test' });
  if (route.idempotent) {
    refusals.push({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED', when: 'the same Idempotency-Key came with a different request' });
  }
  const seen = new Set(refusals.map((r) => `${r.status} ${r.code}`));
  for (const own of route.errors ?? []) if (!seen.has(`${own.status} ${own.code}`)) refusals.push(own);
  return refusals.sort((a, b) => a.status - b.status);
}

/** Any route may answer this, so no route lists it among its own refusals. */
export const BUSY_REFUSAL: RouteError = {
  status: 503,
  code: 'BUSY_TRY_AGAIN',
  when: 'the work took too long or met too much contention; retry after Retry-After',
};

/** The anchor of a route's section in docs/api.md: GitHub's slug of its heading `METHOD /path`. */
export function docAnchor(route: Pick<RouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

const API_DOC = 'docs/api.md';

/** WeChat Pay's answer shape for a refused notification. */
const wechatpayFail = z.object({ code: z.literal('FAIL'), message: z.string() });

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };

/** The OpenAPI 3.1 document of every route, generated from the contract's schemas. */
export function openApiDocument(servers: { url: string; description?: string }[] = []) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const idempotencyKey = z
    .string()
    .min(1)
    .max(128)
    .openapi({ description: `One per user action; a retry sends the same key (${API_DOC}#idempotency)` });

  for (const route of ALL_ROUTES) {
    const refusals = [...refusalsOf(route), BUSY_REFUSAL];
    const byStatus = new Map<number, RouteError[]>();
    for (const refusal of refusals) byStatus.set(refusal.status, [...(byStatus.get(refusal.status) ?? []), refusal]);
    const errorResponses = Object.fromEntries(
      [...byStatus].map(([status, list]) => [
        status,
        {
          description: list.map((r) => `\`${r.code}\`: ${r.when}`).join('; '),
          content: { 'application/json': { schema: route.wechatpayErrors ? wechatpayFail : errorBody } },
        },
      ]),
    );
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'post',
      path: route.path,
      operationId: operationId(route),
      summary: route.summary,
      description: `See ${API_DOC}#${docAnchor(route)}.${route.roles ? ` Roles: ${route.roles.join(', ')}.` : ''}`,
      tags: [route.tag],
      security: route.auth === 'required' ? [{ [bearer.name]: [] }] : route.auth === 'optional' ? [{}, { [bearer.name]: [] }] : [],
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
        ...(route.idempotent ? { headers: z.object({ 'Idempotency-Key': idempotencyKey.optional() }) } : {}),
        ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses: {
        [route.status]: route.response
          ? { description: STATUS_TEXT[route.status], content: { [route.rawText ? 'text/plain' : 'application/json']: { schema: route.response } } }
          : { description: STATUS_TEXT[route.status] },
        ...(route.accepted ? { 202: { description: 'Accepted: not ready yet, ask again', content: { 'application/json': { schema: route.accepted } } } } : {}),
        ...errorResponses,
      },
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Little Red Flower (小红花) API',
      version: '1',
      description: `The contract described in ${API_DOC}. Errors: {"error": {"code", "message", "details?"}}.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers,
  });
}

/** `POST /dreams/{id}/donations` → `postDreamsIdDonations`: stable names for generated clients. */
function operationId(route: RouteContract): string {
  const words = route.path
    .split(/[/{}.\-_]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1));
  return route.method.toLowerCase() + words.join('');
}
