import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * Answers that outside callers read in their own shape, around the edge's JSON ones (shared/http.ts):
 * WeChat's message push wants the bare word `success` as text, and WeChat Pay reads a refusal as
 * `{"code":"FAIL","message":…}` (the status decides). Only their handlers carry this.
 */
type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** A 200's JSON string body sent as text/plain. */
export function asText(handler: Handler): Handler {
  return async (event, context) => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) return result;
    return { ...result, headers: { ...result.headers, 'content-type': 'text/plain; charset=utf-8' }, body: JSON.parse(result.body ?? '""') as string };
  };
}

/** Refusals in WeChat Pay's shape. */
export function asWechatPayAnswer(handler: Handler): Handler {
  return async (event, context) => {
    const result = await handler(event, context);
    if ((result.statusCode ?? 500) < 400) return result;
    let message = 'refused';
    try {
      message = (JSON.parse(result.body ?? '{}') as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // keep the default
    }
    return { ...result, body: JSON.stringify({ code: 'FAIL', message }) };
  };
}
