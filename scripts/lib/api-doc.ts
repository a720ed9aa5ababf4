// First: the OpenAPI module extends zod before any schema module loads, so the schemas carry
// their facts (text lengths in code points, examples) into the JSON Schemas read below.
import { docAnchor, openApiDocument, refusalsOf, BUSY_REFUSAL } from '../../functions/contract/openapi';
import { ALL_ROUTES } from '../../functions/contract/routes';
import type { RouteContract, RouteError } from '../../functions/contract/route';

/**
 * docs/api.md is one document in two parts: the conventions, written by hand, above GENERATED_MARK,
 * and every route, shape and error code below it, rendered here from the contract module. The
 * generated part is rebuilt whole, so a route added to the contract appears without anyone
 * remembering to write it down, and a unit test fails when the file and the contract differ.
 */
export const GENERATED_MARK = '<!-- Everything below is generated from functions/contract by `npm run docs:api`; edit the contract, not this part. -->';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  description?: string;
};

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

/** The hand-written part (up to and including the mark) followed by a freshly generated part. */
export function withGeneratedPart(current: string): string {
  const at = current.indexOf(GENERATED_MARK);
  if (at < 0) throw new Error(`docs/api.md lacks the line that starts its generated part: ${GENERATED_MARK}`);
  return `${current.slice(0, at + GENERATED_MARK.length)}\n\n${generatedPart()}`;
}

/** Routes by tag (in the contract's order), then the named shapes, then every error code. */
export function generatedPart(): string {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const tags = [...new Set(ALL_ROUTES.map((route) => route.tag))];
  const out: string[] = ['## Routes', '', `${ALL_ROUTES.length} routes. ${routeIndex(tags)}`, ''];
  for (const tag of tags) {
    out.push(`### ${tag}`, '');
    for (const route of ALL_ROUTES.filter((r) => r.tag === tag)) out.push(...routeSection(route, doc.paths[route.path][route.method.toLowerCase()]));
  }
  out.push('## Shapes', '', 'The objects that several answers share. A field marked `?` may be absent.', '');
  for (const [name, schema] of Object.entries(doc.components.schemas)) out.push(`### ${name}`, '', ...fieldTable(schema), '');
  out.push(...errorIndex());
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function routeIndex(tags: string[]): string {
  return `By subject: ${tags.map((tag) => `[${tag}](#${tag})`).join(', ')}; every error code: [Error codes](#error-codes).`;
}

function routeSection(route: RouteContract, operation: Operation): string[] {
  const lines = [`#### ${route.method} ${route.path}`, '', `${route.summary}.`, ''];
  lines.push(`- **Who:** ${whoMayCall(route)}`);
  lines.push(`- **Contract:** ${route.source === 'fixed' ? 'fixed (routes, statuses, codes and field names never change)' : 'added by this project'}`);
  if (route.idempotent) lines.push('- **Idempotency-Key:** honoured (see [Idempotency](#idempotency))');
  if (route.localStagesOnly) lines.push('- **Stages:** `local` and `test` only; elsewhere 404 like an unknown route');
  const parameters = operation.parameters ?? [];
  for (const [where, title] of [
    ['path', 'Path'],
    ['query', 'Query'],
  ] as const) {
    const own = parameters.filter((p) => p.in === where);
    if (own.length > 0)
      lines.push(
        '',
        `**${title}:**`,
        '',
        ...fieldTable({
          type: 'object',
          properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
          required: own.filter((p) => p.required).map((p) => p.name),
        }),
      );
  }
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body) lines.push('', '**Body** (JSON):', '', ...fieldTable(body));
  lines.push('', `**Success:** ${successLine(route, operation)}`, '', '**Refusals:**', '', '| status | code | when |', '| --- | --- | --- |');
  for (const refusal of [...refusalsOf(route), BUSY_REFUSAL]) lines.push(`| ${refusal.status} | \`${refusal.code}\` | ${cell(refusal.when)} |`);
  if (route.wechatpayErrors) lines.push('', 'Refusals here are in WeChat Pay’s shape, `{"code": "FAIL", "message": "…"}`, not the API’s envelope.');
  lines.push('');
  return lines;
}

function whoMayCall(route: RouteContract): string {
  const roles = route.roles ? `, holding the role ${route.roles.map((r) => `\`${r}\``).join(' or ')}` : '';
  if (route.auth === 'required') return `signed in${roles}`;
  if (route.auth === 'optional') return 'anyone; a token, when sent, must be valid and tells the route who asks';
  return route.withoutEdge ? 'anyone (the route reads no token)' : 'anyone (a token, when sent, must be valid)';
}

function successLine(route: RouteContract, operation: Operation): string {
  const content = operation.responses[String(route.status)]?.content;
  if (!content) return `\`${route.status}\`, no body`;
  const [mediaType, { schema }] = Object.entries(content)[0];
  return `\`${route.status}\` ${mediaType === 'application/json' ? '' : `(${mediaType}) `}\`${typeOf(schema)}\``;
}

/** A field table of an object schema: name, type, limits. */
function fieldTable(schema: Schema): string[] {
  const object = schema.allOf ? mergeAll(schema.allOf) : schema;
  const required = new Set(object.required ?? []);
  const rows = Object.entries(object.properties ?? {}).map(
    ([name, field]) => `| \`${name}${required.has(name) ? '' : '?'}\` | ${cell(`\`${typeOf(field)}\``)} | ${cell(limitsOf(field))} |`,
  );
  if (rows.length === 0) return [`\`${typeOf(schema)}\``];
  return ['| field | type | limits and notes |', '| --- | --- | --- |', ...rows];
}

function mergeAll(parts: Schema[]): Schema {
  return parts.reduce<Schema>(
    (merged, part) => ({ properties: { ...merged.properties, ...part.properties }, required: [...(merged.required ?? []), ...(part.required ?? [])] }),
    {},
  );
}

/** A TypeScript-like type for a JSON Schema: `{id: string, teamId: string | null}`, shapes by name. */
export function typeOf(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() as string;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' | ');
  if (schema.allOf) return typeOf(mergeAll(schema.allOf));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return types.map((type) => typeOf({ ...schema, type })).join(' | ');
  switch (types[0]) {
    case 'array':
      return `${wrap(typeOf(schema.items ?? {}))}[]`;
    case 'object': {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => `${name}${required.has(name) ? '' : '?'}: ${typeOf(field)}`);
      if (fields.length === 0) return 'object';
      return `{${fields.join(', ')}}`;
    }
    case undefined:
      return 'any';
    default:
      return types[0];
  }
}

const wrap = (type: string) => (type.includes(' | ') ? `(${type})` : type);

const TEXT_RULE = /^Normalized to NFC/;

function limitsOf(schema: Schema): string {
  const notes: string[] = [];
  const inner = (schema.anyOf ?? schema.oneOf ?? []).find((s) => s.type !== 'null') ?? schema;
  const texty = TEXT_RULE.test(inner.description ?? '');
  if (inner.minLength !== undefined || inner.maxLength !== undefined) {
    notes.push(`${range(inner.minLength, inner.maxLength)} ${texty ? 'code points' : 'characters'}`);
  }
  if (texty) notes.push('[the text rule](#text-fields)');
  if (inner.minimum !== undefined || inner.maximum !== undefined) notes.push(range(inner.minimum, inner.maximum));
  if (inner.minItems !== undefined || inner.maxItems !== undefined) notes.push(`${range(inner.minItems, inner.maxItems)} items`);
  if (inner.pattern) notes.push(`matches \`${inner.pattern}\``);
  if (inner.format) notes.push(inner.format);
  if (inner.default !== undefined) notes.push(`default ${JSON.stringify(inner.default)}`);
  if (inner.description && !texty) notes.push(inner.description);
  return notes.join('; ');
}

function range(min: number | undefined, max: number | undefined): string {
  const n = (value: number) => value.toLocaleString('en-US');
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${n(min)}` : `${n(min)}–${n(max)}`;
  return min !== undefined ? `at least ${n(min)}` : `at most ${n(max as number)}`;
}

/** Pipes end a table cell; line breaks end a row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Past this many routes a code is common to a kind of route, and each route's own table says so. */
const MANY = 12;

/** Every code, its statuses and the routes that answer it, so a client can see where each comes from. */
function errorIndex(): string[] {
  const byCode = new Map<string, { statuses: Set<number>; routes: RouteContract[] }>();
  for (const route of ALL_ROUTES) {
    const refusals: RouteError[] = [...refusalsOf(route), BUSY_REFUSAL];
    for (const refusal of refusals) {
      const entry = byCode.get(refusal.code) ?? { statuses: new Set<number>(), routes: [] };
      entry.statuses.add(refusal.status);
      if (!entry.routes.includes(route)) entry.routes.push(route);
      byCode.set(refusal.code, entry);
    }
  }
  const lines = [
    '## Error codes',
    '',
    'Every code a route of the contract answers, with its statuses and the routes that answer it.',
    '',
    '| code | status | routes |',
    '| --- | --- | --- |',
  ];
  for (const [code, { statuses, routes }] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const where =
      routes.length === ALL_ROUTES.length
        ? 'every route'
        : routes.length > MANY
          ? `${routes.length} routes (each lists it under its refusals)`
          : routes.map((r) => `[${r.method} ${r.path}](#${docAnchor(r)})`).join(', ');
    lines.push(`| \`${code}\` | ${[...statuses].sort().join(', ')} | ${cell(where)} |`);
  }
  return [...lines, ''];
}
