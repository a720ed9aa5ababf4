import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** A route's thin handler, as `httpRoute` (or a route outside the edge) exports it. */
export type RouteHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** The Lambda function that serves several routes, and the route keys it answers. */
export interface RoutedFunction extends RouteHandler {
  readonly routeKeys: readonly string[];
}

/**
 * One Lambda function behind several routes of a feature: API Gateway names the route it matched in
 * `routeKey` ("POST /dreams/{id}/donations"), and the table hands the event to that route's handler.
 *
 * Why not one function per route: each function costs CloudFormation six resources (function, log
 * group, role, permission, integration, route) and a stack holds 500; grouping a feature's routes
 * keeps the stack far below that while every route keeps its own thin handler. Features whose
 * handlers need different secrets or bundles are split into separate functions in serverless.yml.
 */
export function routeTable(routes: Record<string, RouteHandler>): RoutedFunction {
  const serve = async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const handler = routes[event.routeKey];
    // Only a stack whose routes and tables disagree gets here; answer like an unknown route.
    if (!handler) return notFound();
    return handler(event, context);
  };
  return Object.assign(serve, { routeKeys: Object.keys(routes) });
}

function notFound(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 404,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有找到' } }),
  };
}
