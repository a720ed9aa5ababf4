import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { openApiDocument } from '../contract/openapi';
import { logger } from '../shared/log';

let body: string | undefined;

/**
 * GET /openapi.json (public): the document, generated once per cold start from the contract. It
 * reads nothing and takes no input, so it skips the edge (shared/http.ts) and with it the
 * DynamoDB client and token checks that every other function carries.
 */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  const started = Date.now();
  body ??= JSON.stringify(openApiDocument());
  logger.info('request served', { method: 'GET', path: '/openapi.json', status: 200, durationMs: Date.now() - started });
  return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' }, body };
};
