// First, as in the handler: the document's schemas carry their OpenAPI facts only when the
// generator has extended zod before any schema module loads.
import { openApiDocument, refusalsOf } from '../../functions/contract/openapi';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ALL_ROUTES } from '../../functions/contract/routes';

const ROOT = join(__dirname, '..', '..');

function documentedRoutes() {
  const doc = openApiDocument();
  return new Set(Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`)));
}

/** `#### GET /dreams/{id}` → `GET /dreams/{id}`: the routes docs/api.md gives a section. */
function markdownRoutes(file: string) {
  const text = readFileSync(file, 'utf8');
  return new Set([...text.matchAll(/^#### (GET|POST|PUT|DELETE) (\/\S*)$/gm)].map((m) => `${m[1]} ${m[2]}`));
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and names its shared schemas', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Dream', 'LedgerEntry', 'Store', 'Error', 'SignedIn']));
  });

  it('has exactly the routes serverless.yml serves', () => {
    // Arrange
    const stack = yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
      functions: Record<string, { events?: { httpApi?: { method: string; path: string } }[] }>;
    };
    const served = new Set(
      Object.values(stack.functions).flatMap((fn) =>
        (fn.events ?? []).flatMap((e) => (e.httpApi ? [`${e.httpApi.method.toUpperCase()} ${e.httpApi.path}`] : [])),
      ),
    );

    // Act
    const documented = documentedRoutes();

    // Assert: both ways, so neither a new function nor a new contract route can be forgotten.
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('has every route that docs/api.md describes, and no other', () => {
    const written = markdownRoutes(join(ROOT, 'docs', 'api.md'));
    const documented = documentedRoutes();
    expect([...written].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !written.has(r))).toEqual([]);
  });

  it('gives each route its body, parameters, success answer and error codes', () => {
    const doc = openApiDocument();
    const give = doc.paths?.['/dreams/{id}/donations']?.post;
    expect(give?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id', required: true })]));
    expect(give?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })]));
    const body = (give?.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown> } }> }).content['application/json'].schema;
    expect(body.properties.flowers).toEqual({ type: 'integer', minimum: 1, maximum: 100_000 });
    expect(Object.keys(give?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '503']));
    expect(JSON.stringify(give?.responses?.['409'])).toContain('INSUFFICIENT_FLOWERS');
    // Text limits are code points, as the contract counts them.
    const propose = doc.paths?.['/dreams']?.post?.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    expect(propose.content['application/json'].schema.properties.title).toMatchObject({
      type: 'string',
      minLength: 4,
      maxLength: 40,
      description: expect.stringContaining('NFC'),
    });
  });

  it('lists 403 for every route with roles and 401 for every signed-in route', () => {
    for (const route of ALL_ROUTES) {
      const statuses = refusalsOf(route).map((r) => r.status);
      if (route.roles) expect(statuses).toContain(403);
      if (route.auth === 'required') expect(statuses).toContain(401);
    }
  });
});

describe('a partner’s typed client', () => {
  it('openapi-typescript turns the document into types for every route', () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'lrf-openapi-'));
    const spec = join(dir, 'openapi.json');
    writeFileSync(spec, JSON.stringify(openApiDocument()));

    // Act: the command README gives partners.
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), spec, '-o', join(dir, 'api.d.ts')], {
      encoding: 'utf8',
    });

    // Assert
    expect(run.status).toBe(0);
    const types = readFileSync(join(dir, 'api.d.ts'), 'utf8');
    for (const route of ALL_ROUTES) expect(types).toContain(`"${route.path}": {`);
    expect(types).toMatch(/flowersRaised: number/);
  });
});
