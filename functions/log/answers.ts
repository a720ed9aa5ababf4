import type { RouteHandler } from '../shared/route-table';

/**
 * The log's answers that are not the edge's JSON (shared/http.ts): tiles go out as their bytes,
 * the checkpoint with a short cache, and a receipt not yet in a checkpoint as a 202.
 */

/** What a tile handler answers at the edge before it becomes bytes on the wire. */
export interface BytesAnswer {
  base64: string;
  cacheControl: string;
}

/** Anyone (a CDN, a verifier) may keep a full tile for good: its path always holds the same bytes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A partial tile or the checkpoint: the next checkpoint follows within seconds. */
export const SHORT_LIVED = 'public, max-age=5';

/** A 200's bytes as application/octet-stream (base64 to API Gateway, which decodes it). */
export function asBytes(handler: RouteHandler): RouteHandler {
  return async (event, context) => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) return result;
    const answer = JSON.parse(JSON.parse(result.body ?? '""') as string) as BytesAnswer;
    return {
      statusCode: 200,
      headers: { ...result.headers, 'content-type': 'application/octet-stream', 'cache-control': answer.cacheControl },
      body: answer.base64,
      isBase64Encoded: true,
    };
  };
}

/** A 200 kept by caches only briefly. */
export function shortLived(handler: RouteHandler): RouteHandler {
  return async (event, context) => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) return result;
    return { ...result, headers: { ...result.headers, 'cache-control': SHORT_LIVED } };
  };
}

/** A receipt whose entry is not yet in a signed checkpoint: 202, ask again. */
export function acceptedWhenPending(handler: RouteHandler): RouteHandler {
  return async (event, context) => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) return result;
    const body = JSON.parse(result.body ?? '{}') as { status?: string };
    return body.status === 'pending' ? { ...result, statusCode: 202 } : result;
  };
}
