import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** Calls a Lambda handler the way API Gateway would (payload 2.0), for the integration tier. */
export async function invoke(
  handler: Handler,
  request: { method: string; path: string; token?: string; body?: unknown; params?: Record<string, string>; idempotencyKey?: string },
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  const result = await handler({
    rawPath: request.path,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    isBase64Encoded: false,
    pathParameters: request.params,
    queryStringParameters: undefined,
    requestContext: { http: { method: request.method } },
  } as unknown as APIGatewayProxyEventV2);
  return { status: result.statusCode ?? 200, body: result.body ? JSON.parse(result.body) : undefined };
}
