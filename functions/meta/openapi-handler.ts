import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { openApiDocument } from '../contract/openapi';
import { TokenService } from '../shared/auth-token';
import { config } from '../shared/config';
import { AppError } from '../shared/errors';
import { secretProvider } from '../shared/secrets';

let document: string | undefined;
let tokens: TokenService | undefined;

/**
 * GET /openapi.json (public): the document, generated once per cold start from the contract. A token,
 * when sent, must be valid (401 otherwise), as on every public route. Its signature and expiry are
 * checked here without the whole edge: the document names nobody, and the edge (the table, the
 * idempotency store) would double this function's bundle for a page of documentation.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const authorization = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (authorization !== undefined) {
    try {
      await tokenService().verify(authorization);
    } catch (err) {
      const refusal = err instanceof AppError ? err : new AppError(401, 'UNAUTHENTICATED', '登录凭证无效');
      return answer(refusal.status, JSON.stringify({ error: { code: refusal.code, message: refusal.message } }), 'no-store');
    }
  }
  document ??= JSON.stringify(openApiDocument());
  // The document is the same for everyone, so a cache may keep it a while (never a refusal).
  return answer(200, document, 'public, max-age=300');
};

function tokenService(): TokenService {
  if (!tokens) {
    const app = config();
    tokens = new TokenService(secretProvider(app.jwt.secret, app.jwt.secretParam, 'JWT secret', app.region), app.rules.auth.tokenTtlDays);
  }
  return tokens;
}

function answer(status: number, body: string, cacheControl: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': cacheControl },
    body,
  };
}
