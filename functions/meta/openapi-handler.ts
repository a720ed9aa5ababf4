import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { openApiRoute } from '../contract/meta';
import { openApiDocument } from '../contract/openapi';
import { httpRoute } from '../shared/http';

let document: Record<string, unknown> | undefined;

/**
 * GET /openapi.json (public): the document, generated once per cold start from the contract. It goes
 * through the edge like every other public route, so a token, when sent, must be valid (401 otherwise).
 */
const serve = httpRoute(openApiRoute, {
  handle: async () => (document ??= openApiDocument() as Record<string, unknown>),
});

export const handler = async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  const result = await serve(event, context);
  // The document is the same for everyone, so a cache may keep it a while (never a refusal).
  if (result.statusCode !== 200) return result;
  return { ...result, headers: { ...result.headers, 'cache-control': 'public, max-age=300' } };
};
