import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ALL_ROUTES } from '../../functions/contract/routes';
import { routeTable, type RoutedFunction } from '../../functions/shared/route-table';

const ROOT = resolve(__dirname, '../..');

interface FunctionSpec {
  handler: string;
  events?: { httpApi?: { method: string; path: string } }[];
}

const functions = (yaml.load(readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8')) as { functions: Record<string, FunctionSpec> }).functions;
const httpFunctions = Object.entries(functions).filter(([, fn]) => (fn.events ?? []).some((event) => event.httpApi));
const routeKeysOf = (fn: FunctionSpec) => (fn.events ?? []).flatMap((event) => (event.httpApi ? [`${event.httpApi.method} ${event.httpApi.path}`] : []));

describe('the functions that serve several routes', () => {
  it.each(httpFunctions.filter(([, fn]) => routeKeysOf(fn).length > 1))('%s routes exactly the routes serverless.yml gives it', async (_name, fn) => {
    // Arrange
    const file = resolve(ROOT, fn.handler.slice(0, fn.handler.lastIndexOf('.')));
    // Act
    const { handler } = (await import(file)) as { handler: RoutedFunction };
    // Assert
    expect([...handler.routeKeys].sort()).toEqual(routeKeysOf(fn).sort());
  });

  it('serves every route of the contract from exactly one function, and no route the contract lacks', () => {
    const served = httpFunctions.flatMap(([, fn]) => routeKeysOf(fn));
    const contract = ALL_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect([...served].sort()).toEqual([...contract].sort());
    expect(new Set(served).size).toBe(served.length);
  });

  it('hands an event to the handler of its route key, and answers 404 for a key it does not know', async () => {
    // Arrange
    const seen: string[] = [];
    const table = routeTable({
      'GET /a': async () => (seen.push('a'), { statusCode: 200, body: 'a' }),
      'POST /b/{id}': async () => (seen.push('b'), { statusCode: 201, body: 'b' }),
    });
    const event = (routeKey: string) => ({ routeKey }) as APIGatewayProxyEventV2;
    // Act
    const b = await table(event('POST /b/{id}'));
    const unknown = await table(event('GET /c'));
    // Assert
    expect(seen).toEqual(['b']);
    expect(b.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body ?? '{}')).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
